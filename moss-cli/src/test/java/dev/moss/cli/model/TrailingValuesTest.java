package dev.moss.cli.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A list parameter takes its values in one go, yet options may still come between and after them. */
class TrailingValuesTest {
    static final class Command {
        final CommandModel model = CommandModel.of(this, "take", "Takes files.");
        final Arg<List<Path>> files = model.parameters(Path.class, "FILE", "Files.");
        final Arg<Path> to = model.option(Path.class, "DIR", "Where.", "--to");
        final Arg<Boolean> yes = model.flag("Yes.", "-y");
    }

    private static Command parse(String... args) {
        Command c = new Command();
        new CommandLine(c.model.spec()).parseArgs(args);
        return c;
    }

    @Test
    void valuesOptionsAndDoubleDashMixAsBefore() {
        Command c = parse("a.stone", "b.stone", "--to", "out", "c.stone", "-y", "--", "-d.stone", "e.stone");
        assertThat(c.files.get()).containsExactly(Path.of("a.stone"), Path.of("b.stone"), Path.of("c.stone"),
                Path.of("-d.stone"), Path.of("e.stone"));
        assertThat(c.to.get()).isEqualTo(Path.of("out"));
        assertThat(c.yes.get()).isTrue();

        Command many = parse(java.util.stream.IntStream.range(0, 300).mapToObj(i -> "s" + i + ".stone")
                .toArray(String[]::new));
        assertThat(many.files.get()).hasSize(300).startsWith(Path.of("s0.stone")).endsWith(Path.of("s299.stone"));
        assertThat(many.to.get()).isNull();
    }

    @Test
    void stillRequiredAndStillRefusingUnknownOptions() {
        assertThatThrownBy(() -> parse("--to", "out")).isInstanceOf(CommandLine.MissingParameterException.class)
                .hasMessageContaining("FILE");
        assertThatThrownBy(() -> parse("a.stone", "--bogus")).isInstanceOf(CommandLine.UnmatchedArgumentException.class)
                .hasMessageContaining("--bogus");
    }
}
