package dev.moss.format.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The path rules, on text and on the raw bytes a reader checks, with the same answer either way. */
class LayoutPathsTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "OK", value = {
        "bin/bash | OK",
        "lib/d\u00e9j\u00e0 vu/.hidden/..x/x.. | OK",
        "'' | path is empty",
        "/usr/bin | path is absolute",
        "a//b | path contains an empty component (\"//\" or a trailing \"/\")",
        "a/ | path contains an empty component (\"//\" or a trailing \"/\")",
        "./a | path contains \".\"",
        "a/.. | path contains \"..\"",
        // the first bad component wins; a NUL anywhere comes before all of them
        "../a//b | path contains \"..\"",
        "a//b/.. | path contains an empty component (\"//\" or a trailing \"/\")",
        "../a\u0000b | path contains NUL",
    })
    void pathsAreJudgedAsTheRulesSay(String path, String expected) {
        assertJudged(path, expected);
    }

    /** Linux's limits, counted in bytes (a two-byte character counts twice). */
    @org.junit.jupiter.api.Test
    void namesAndPathsFitLinuxLimits() {
        assertJudged("a/" + "n".repeat(255), null);
        assertJudged("a/" + "n".repeat(256) + "/b", "path has a 256-byte component, over the 255 of NAME_MAX");
        assertJudged("\u00e9".repeat(128), "path has a 256-byte component, over the 255 of NAME_MAX");
        String deep = ("d".repeat(99) + "/").repeat(40);
        assertJudged(deep + "f".repeat(90), null); // 4090 bytes
        assertJudged(deep + "f".repeat(91), "path is 4091 bytes long, over the 4090 that fit in PATH_MAX below /usr/");
        assertThat(LayoutPaths.linkTextProblem("/".repeat(4095))).isNull();
        assertThat(LayoutPaths.linkTextProblem("\u00e9".repeat(2048)))
                .isEqualTo("symlink text is 4096 bytes long, over the 4095 Linux stores");
    }

    private static void assertJudged(String path, String expected) {
        assertThat(LayoutPaths.problem(path)).isEqualTo(expected);
        byte[] padded = ("xx" + path + "yy").getBytes(StandardCharsets.UTF_8);
        int length = path.getBytes(StandardCharsets.UTF_8).length;
        assertThat(LayoutPaths.problem(padded, 2, 2 + length)).isEqualTo(expected);
    }
}
