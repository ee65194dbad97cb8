package dev.moss.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

/** The fast path ({@link Subcommands#create}) and the full list ({@link Subcommands#all}) must not drift apart. */
class SubcommandsTest {
    @Test
    void createKnowsEveryNameAndAliasOfEveryCommand() {
        List<String> words = new ArrayList<>();
        for (CommandSpec spec : Subcommands.all()) {
            List<String> names = new ArrayList<>(List.of(spec.name()));
            names.addAll(List.of(spec.aliases()));
            for (String name : names) {
                CommandSpec created = Subcommands.create(name);
                assertThat(created).as(name).isNotNull();
                assertThat(created.userObject().getClass()).as(name).isEqualTo(spec.userObject().getClass());
                assertThat(created.name()).as(name).isEqualTo(spec.name());
                words.add(name);
            }
        }
        assertThat(words).contains("install", "it", "list", "search-file", "sf", "state", "version");
    }

    @Test
    void createKnowsNothingElse() {
        assertThat(Subcommands.create("li")).as("li is expanded by Aliases before this").isNull();
        assertThat(Subcommands.create("frobnicate")).isNull();
        assertThat(Subcommands.create("--help")).isNull();
    }
}
