package dev.moss.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

class MossCommandTest {
    private static GlobalOptions globals(MossRunner.Run r) {
        return ((MossCommand) r.cmd().getCommand()).globals();
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheSubcommand() {
        MossRunner.Run before = MossRunner.run("-v", "-D", "/tmp/root", "--cache", "/tmp/c", "-y", "version");
        assertThat(before.code()).isZero();
        assertThat(globals(before).verbose()).isTrue();
        assertThat(globals(before).directory()).isEqualTo(Path.of("/tmp/root"));
        assertThat(globals(before).cache()).contains(Path.of("/tmp/c"));
        assertThat(globals(before).yes()).isTrue();

        MossRunner.Run after = MossRunner.run("version", "--verbose", "--directory=/tmp/r2", "--yes-all");
        assertThat(after.code()).as(after.toString()).isZero();
        assertThat(globals(after).verbose()).isTrue();
        assertThat(globals(after).directory()).isEqualTo(Path.of("/tmp/r2"));
        assertThat(globals(after).yes()).isTrue();

        MossRunner.Run none = MossRunner.run("version");
        assertThat(globals(none).verbose()).isFalse();
        assertThat(globals(none).directory()).isEqualTo(Path.of("/"));
        assertThat(globals(none).cache()).isEmpty();
    }

    /** Every command and subcommand answers --help and -h with its usage, whatever it requires. */
    @Test
    void everyCommandHasHelp() {
        List<String> commands = new ArrayList<>();
        collect(Main.commandLine(), "", commands);
        assertThat(commands).contains("pack", "state activate", "list installed").hasSizeGreaterThan(15);
        for (String command : commands) {
            for (String flag : new String[] {"--help", "-h"}) {
                List<String> args = new ArrayList<>(List.of(command.split(" ")));
                args.add(flag);
                MossRunner.Run r = MossRunner.run(args.toArray());
                assertThat(r.code()).as(command + " " + flag + ": " + r.err()).isZero();
                assertThat(r.out()).as(command + " " + flag).startsWith("Usage: moss " + command);
            }
        }
    }

    private static void collect(CommandLine cl, String prefix, List<String> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName())) {
                continue; // an alias
            }
            String name = prefix + e.getKey();
            out.add(name);
            collect(e.getValue(), name + " ", out);
        }
    }

    @Test
    void version() {
        MossRunner.Run r = MossRunner.run("version");
        assertThat(r.outLines()).containsExactly("moss " + MossVersion.version());
        assertThat(MossVersion.version()).isNotEqualTo("unknown").doesNotContain("${");
        assertThat(MossRunner.run("--version").outLines()).containsExactly("moss " + MossVersion.version());
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        MossRunner.Run r = MossRunner.run();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("inspect", "extract", "pack", "index", "version", "Exit codes:", "130  cancelled",
                "-D, --directory=ROOT");
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() {
        MossRunner.Run unknown = MossRunner.run("frobnicate");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.errLines()).hasSize(1);
        assertThat(unknown.err()).startsWith("error: Unmatched argument");

        MossRunner.Run missing = MossRunner.run("pack", "/tmp", "--name", "x");
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.errLines()).hasSize(1);
        assertThat(missing.err()).contains("--release").contains("moss pack --help");
    }

    @Test
    void errorChainJoinsCausesOnce() {
        var inner = new java.nio.file.NoSuchFileException("/x/y");
        var outer = new dev.moss.store.MossException("\"/x/y\"", inner);
        assertThat(ErrorReporter.chain(outer)).isEqualTo("\"/x/y\": no such file or directory");
        var wrapped = new java.io.IOException(new dev.moss.store.MossException("bad thing"));
        assertThat(ErrorReporter.chain(wrapped)).isEqualTo("bad thing");
        var carried = new java.io.UncheckedIOException(new java.io.IOException("needs an answer; pass -y"));
        assertThat(ErrorReporter.chain(carried)).isEqualTo("needs an answer; pass -y");
    }
}
