package dev.moss.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moss.format.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path tmp;

    Path fixture;

    @BeforeEach
    void copyFixture() {
        fixture = Fixtures.bashCompletion(tmp);
    }

    /** A copy of the fixture with one byte flipped at {@code offset}. */
    private Path flipped(int offset) throws Exception {
        byte[] bytes = Files.readAllBytes(fixture);
        bytes[offset] ^= 0x01;
        return Files.write(tmp.resolve("flipped.stone"), bytes);
    }

    @Test
    void printsTheFixtureAsUpstreamDoes() {
        MossRunner.Run r = MossRunner.run("inspect", fixture);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.outLines();
        assertThat(lines.subList(0, 12)).containsExactly(
                "\"" + fixture + "\" = stone container version V1",
                "",
                "Name                 : bash-completion",
                "Version              : 2.11",
                "Release              : 1",
                "BuildRelease         : 1",
                "Summary              : Programmable completion functions for bash",
                lines.get(7),
                "Homepage             : https://github.com/scop/bash-completion",
                "SourceID             : bash-completion",
                "Architecture         : x86_64",
                "License              : GPL-2.0-or-later");
        assertThat(lines.get(7)).startsWith("Description          : bash-completion is a collection of command line");
        assertThat(lines.subList(12, 17)).containsExactly(
                "", "Providers            :", "    - cmake(bash-completion)", "", "Layout entries       :");
        List<String> layout = lines.subList(17, lines.size());
        assertThat(layout).hasSize(745);
        assertThat(layout.getFirst()).isEqualTo(
                "    - /usr/share/bash-completion/bash_completion - [Regular] 3c005061e2d565b469e9abdfe6478cfe");
        assertThat(layout.get(3)).isEqualTo("    - /usr/share/bash-completion/completions/7za -> 7z [Symlink]");
        assertThat(layout.getLast()).isEqualTo("    - /usr/share/cmake/bash-completion/bash-completion-config.cmake"
                + " - [Regular] 99d9990c4a3c70dd5a8adf383922e6d1");
        assertThat(layout.stream().filter(l -> l.endsWith("[Symlink]"))).hasSize(271);
        assertThat(lines).noneMatch(l -> l.startsWith("Dependencies") || l.startsWith("Conflicts"));
    }

    @Test
    void checkSaysOkForEveryPayloadOfTheFixture() {
        MossRunner.Run r = MossRunner.run("inspect", "--check", fixture);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.outLines()).containsExactly(
                "Checking: \"" + fixture + "\"",
                "  OK: Meta",
                "  OK: Layout",
                "  OK: Index",
                "  OK: Content",
                "Result: OK");
    }

    @Test
    void checkOfAFlippedByteFails() throws Exception {
        Path bad = flipped(371 + 32 + 100); // inside the layout payload's stored bytes
        MossRunner.Run r = MossRunner.run("inspect", "--check", bad);
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.outLines()).contains("  OK: Meta", "  OK: Index", "  OK: Content");
        assertThat(r.out()).contains("  FAILED: Layout: checksum mismatch: expected 00080612c2aed8f1, got ");
        assertThat(r.outLines().getLast()).startsWith("Result: FAILED - payload 1 (Layout): checksum mismatch");
        assertThat(r.errLines()).containsExactly("error: 1 of 1 files failed the check");
    }

    @Test
    void checkOfDamagedContentFails() throws Exception {
        Path bad = flipped(23297 + 32 + 5000);
        MossRunner.Run r = MossRunner.run("inspect", "--check", bad);
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out()).contains("  OK: Layout").contains("  FAILED: Content: ");
    }

    @Test
    void corruptStoneIsOneLineErrorWithoutStackTrace() throws Exception {
        Path bad = flipped(371 + 32 + 100);
        MossRunner.Run r = MossRunner.run("inspect", bad);
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("error: \"" + bad + "\": payload 1 (Layout): checksum mismatch: expected 00080612c2aed8f1, got ");
    }

    @Test
    void truncatedStoneIsOneLineError() throws Exception {
        byte[] all = Files.readAllBytes(fixture);
        for (int cut : new int[] {0, 10, 31, 32, 200, 371, 20000, all.length - 1}) {
            Path t = Files.write(tmp.resolve("cut-" + cut + ".stone"), Arrays.copyOf(all, cut));
            MossRunner.Run r = MossRunner.run("inspect", t);
            assertThat(r.code()).as("cut at %d: %s", cut, r).isEqualTo(ExitCodes.FAILURE);
            assertThat(r.errLines()).as("cut at %d", cut).hasSize(1);
            assertThat(r.err()).startsWith("error: \"" + t + "\": ");
        }
    }

    @Test
    void verboseAddsTheStackTrace() throws Exception {
        Path bad = flipped(371 + 32 + 100);
        MossRunner.Run r = MossRunner.run("inspect", bad, "--verbose");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.errLines().getFirst()).startsWith("error: \"" + bad + "\": payload 1 (Layout)");
        assertThat(r.err()).contains("ChecksumMismatchException").contains("\tat ");
    }

    @Test
    void missingFile() {
        MossRunner.Run r = MossRunner.run("inspect", tmp.resolve("nope.stone"));
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).isEqualTo("error: \"" + tmp.resolve("nope.stone") + "\": no such file\n");
    }

    @Test
    void jsonDocument() throws Exception {
        MossRunner.Run r = MossRunner.run("inspect", "--json", fixture);
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out()).get(0);
        assertThat(doc.get("header").get("payloadCount").asInt()).isEqualTo(4);
        assertThat(doc.get("payloads").get(1).get("kind").asText()).isEqualTo("Layout");
        assertThat(doc.get("payloads").get(1).get("checksum").asText()).isEqualTo("00080612c2aed8f1");
        assertThat(doc.get("payloads").get(3).get("storedSize").asLong()).isEqualTo(145535);
        assertThat(doc.get("meta").get("name").asText()).isEqualTo("bash-completion");
        assertThat(doc.get("meta").get("localId").asText()).isEqualTo("bash-completion-2.11-1.x86_64");
        assertThat(doc.get("providers").toString()).isEqualTo("[\"name(bash-completion)\",\"cmake(bash-completion)\"]");
        assertThat(doc.get("layout")).hasSize(745);
        JsonNode link = doc.get("layout").get(3);
        assertThat(link.get("type").asText()).isEqualTo("symlink");
        assertThat(link.get("linkText").asText()).isEqualTo("7z");
        assertThat(link.get("mode").asText()).isEqualTo("0120777");
    }

    @Test
    void jsonCheckReport() throws Exception {
        MossRunner.Run r = MossRunner.run("inspect", "--check", "--json", fixture);
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out()).get(0);
        assertThat(doc.get("ok").asBoolean()).isTrue();
        assertThat(doc.get("payloads")).hasSize(4);
    }
}
