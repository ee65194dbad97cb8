package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stones whose layout tries to write outside {@code /usr}: by {@code ..}, by an absolute path,
 * through a symlinked directory of the package itself or of an installed package. Each install
 * fails with one {@code error:} line and a non-zero exit, and nothing changes: not the
 * {@code /etc}-like target and canary next to ROOT, not the installation (its live state, its
 * databases, its store).
 */
class HostileStoneInstallTest extends E2eTest {
    Path etc;
    Path canary;

    @BeforeEach
    void targets() throws IOException {
        etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0::/root:/bin/sh\n");
        canary = Files.createDirectories(dir.resolve("canary"));
        Files.writeString(canary.resolve("alive"), "yes\n");
    }

    /** Name, then a function of (etc, canary) building the hostile layout. */
    static Stream<Arguments> escapes() {
        return Stream.of(
                escape("dot-dot", (etc, canary) -> RawStones.named("dotdot").file("../../canary/evil", "x")),
                escape("dot-dot-deep", (etc, canary) -> RawStones.named("dotdotdeep")
                        .file("share/../../../../../../../../" + canary.toString().substring(1) + "/evil", "x")),
                escape("absolute", (etc, canary) -> RawStones.named("absolute").file(canary + "/evil", "x")),
                escape("symlinked-dir-absolute", (etc, canary) -> RawStones.named("symabs")
                        .link("lib/evil", etc.toString()).file("lib/evil/passwd", "evil::0:0::/:/bin/sh\n")),
                escape("symlinked-dir-up", (etc, canary) -> RawStones.named("symup")
                        .link("x", "../../..").file("x/y", "x")),
                escape("symlinked-dir-two-hops", (etc, canary) -> RawStones.named("twohops")
                        .link("lib/a", "b").link("lib/b", etc.toString()).file("lib/a/passwd", "evil\n")),
                escape("symlinked-dir-to-usr-parent", (etc, canary) -> RawStones.named("usrparent")
                        .link("lib/up", "/usr/..").file("lib/up/canary/alive", "evil\n")),
                escape("dir-and-link-at-one-path", (etc, canary) -> RawStones.named("dirlink")
                        .dir("lib/evil", 0755).link("lib/evil", etc.toString()).file("lib/evil/passwd", "evil\n")),
                escape("link-then-file-at-one-path", (etc, canary) -> RawStones.named("linkfile")
                        .link("share/f", etc + "/passwd").file("share/f", "evil\n")),
                // Not escapes, but names no file system takes: refused before anything is written.
                escape("component-over-255-bytes", (etc, canary) -> RawStones.named("longname")
                        .file("share/a", "a").file("share/" + "n".repeat(256), "x")),
                escape("path-over-4095-bytes", (etc, canary) -> RawStones.named("longpath")
                        .file("share/a", "a").file(("d".repeat(200) + "/").repeat(21) + "f", "x")));
    }

    private static Arguments escape(String name, BiFunction<Path, Path, RawStones> stone) {
        return Arguments.of(name, stone);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void layoutEscapingUsrWritesNothingOutside(String name, BiFunction<Path, Path, RawStones> build)
            throws Exception {
        TestStones.TestStone ok = TestStones.named("good").files(3).build(dir);
        MossInProcess.ok(root, "install", "-y", ok.path());
        Path stone = build.apply(etc, canary).write(dir);
        SortedMap<String, Listing.Node> before = Listing.of(dir, p -> !p.startsWith("root/.moss/root/"));

        MossProcess.Result r = moss("install", "-y", stone.toString());
        assertThat(r.exit()).as(r.toString()).isNotZero();
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).startsWith("error: ");

        assertThat(Listing.text(Listing.of(dir, p -> !p.startsWith("root/.moss/root/"))))
                .isEqualTo(Listing.text(before));
        assertThat(Files.readString(etc.resolve("passwd"))).isEqualTo("root:x:0:0::/root:/bin/sh\n");
        RootCheck.Found f = RootCheck.assertWhole(root);
        assertThat(f.states()).hasSize(1);
    }

    @Test
    void fileBelowASymlinkOfAnInstalledPackageIsRefused() throws Exception {
        Path linker = RawStones.named("linker").link("lib/evil", etc.toString()).file("share/l", "l").write(dir);
        MossInProcess.ok(root, "install", "-y", linker.toString());
        assertThat(Files.readSymbolicLink(root.resolve("usr/lib/evil")).toString()).isEqualTo(etc.toString());
        Path follower = RawStones.named("follower").file("lib/evil/passwd", "evil::0:0::/:/bin/sh\n").write(dir);
        SortedMap<String, Listing.Node> before = Listing.of(dir, p -> !p.startsWith("root/.moss/root/"));

        MossProcess.Result r = moss("install", "-y", follower.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").contains("/usr/lib/evil/passwd", "linker", "follower");
        assertThat(Listing.text(Listing.of(dir, p -> !p.startsWith("root/.moss/root/"))))
                .isEqualTo(Listing.text(before));
        RootCheck.assertWhole(root);
    }

    @Test
    void layoutNamingContentTheStoneLacksChangesNothing() throws Exception {
        TestStones.TestStone ok = TestStones.named("good").files(3).build(dir);
        MossInProcess.ok(root, "install", "-y", ok.path());
        Path stone = RawStones.named("hollow").file("share/h/present", "here").fileWithoutContent("share/h/absent",
                "not in the stone").write(dir);
        SortedMap<String, Listing.Node> before = Listing.of(dir, p -> !p.startsWith("root/.moss/root/"));

        MossProcess.Result r = moss("install", "-y", stone.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").contains("share/h/absent");
        assertThat(Listing.text(Listing.of(dir, p -> !p.startsWith("root/.moss/root/"))))
                .isEqualTo(Listing.text(before));
        RootCheck.assertWhole(root);
    }

    /** {@code /usr/.stateID} is moss's to write: refused when the tree is planned, also through a link to {@code /usr}. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"direct", "through-a-link"})
    void packageShippingTheStateIdFileIsRefused(String how) throws Exception {
        MossInProcess.ok(root, "install", "-y", TestStones.named("good").files(3).build(dir).path());
        RawStones raw = RawStones.named("stateid").file("share/stateid/f", "file");
        Path stone = (how.equals("direct") ? raw.file(".stateID", "99")
                : raw.link("share/up", "..").file("share/up/.stateID", "99")).write(dir);
        SortedMap<String, Listing.Node> before = Listing.of(dir);

        MossProcess.Result r = moss("install", "-y", stone.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).as(r.toString()).startsWith("error: package ").contains("ships /usr/.stateID, which only moss may write");
        assertThat(Listing.text(Listing.of(dir))).isEqualTo(Listing.text(before));
    }
}
