package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Without {@code -y} and without a terminal, writing commands refuse instead of hanging or
 * guessing, and change nothing. Query commands work on a root the user cannot write, and
 * writing commands there fail clearly, changing nothing.
 */
class ReadOnlyAndUnattendedTest extends E2eTest {
    TestStones.TestStone alpha;
    TestStones.TestStone beta;
    TestStones.TestStone gamma;

    @BeforeEach
    void twoStates() throws Exception {
        alpha = TestStones.named("alpha").files(3).file("bin/alpha", "#!/bin/sh\n", 0755).build(dir);
        beta = TestStones.named("beta").files(3).build(dir);
        gamma = TestStones.named("gamma").files(3).build(dir);
        MossInProcess.ok(root, "install", "-y", alpha.path());
        MossInProcess.ok(root, "install", "-y", beta.path());
    }

    @Test
    void withoutYesAndWithoutATerminalWritingCommandsRefuse() throws Exception {
        SortedMap<String, Listing.Node> before = Listing.of(root);
        String[][] commands = {
            {"install", gamma.path()},
            {"remove", "alpha"},
            {"state", "remove", "1"},
        };
        for (String[] c : commands) {
            MossProcess.Result r = moss(c);
            assertThat(r.exit()).as("%s\n%s", String.join(" ", c), r).isNotZero();
            assertThat(r.errLines()).as(r.toString()).hasSize(1);
            assertThat(r.err()).startsWith("error: ").contains("-y");
        }
        assertThat(Listing.text(Listing.of(root))).isEqualTo(Listing.text(before));
        assertThat(usrLink()).isEqualTo(".moss/root/2/usr");
    }

    @Test
    void queriesWorkOnARootTheUserCannotWrite() throws Exception {
        MossProcess unprivileged = MossProcess.on(root);
        if (Privileges.isRoot()) {
            Path setpriv = Privileges.setpriv();
            assumeTrue(setpriv != null, "running as root, and without setpriv root cannot be kept from writing");
            unprivileged.wrap(setpriv.toString(), "--bounding-set=-all", "--inh-caps=-all", "--ambient-caps=-all");
        }
        Map<Path, Integer> modes = readOnly(root);
        try {
            SortedMap<String, Listing.Node> before = Listing.of(root);

            MossProcess.Result li = unprivileged.run("list", "installed");
            assertThat(li.exit()).as(li.toString()).isZero();
            assertThat(li.out()).contains("alpha", "beta");
            assertThat(unprivileged.run("info", "alpha").out()).contains("Installed");
            assertThat(unprivileged.run("search-file", "bin/alpha").out()).contains("/usr/bin/alpha from alpha");
            var states = JSON.readTree(unprivileged.run("state", "list", "--json").out());
            assertThat(states).hasSize(2);
            var q = JSON.readTree(unprivileged.run("state", "query", "1", "--json").out());
            assertThat(q.get("packages").get(0).get("name").asText()).isEqualTo("alpha");
            assertThat(unprivileged.run("state", "active").out()).contains("State #2");

            MossProcess.Result install = unprivileged.run("install", "-y", gamma.path());
            assertThat(install.exit()).as(install.toString()).isEqualTo(3);
            assertThat(install.errLines()).hasSize(1);
            assertThat(install.err()).startsWith("error: ").contains("no write access");
            MossProcess.Result activate = unprivileged.run("state", "activate", "1");
            assertThat(activate.exit()).as(activate.toString()).isEqualTo(3);

            assertThat(Listing.text(Listing.of(root))).isEqualTo(Listing.text(before));
        } finally {
            restore(modes);
        }
    }

    /** Takes every write bit off everything below {@code dir}; returns the modes to restore. */
    private static Map<Path, Integer> readOnly(Path dir) throws Exception {
        Map<Path, Integer> modes = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> !Files.isSymbolicLink(p)).toList()) {
                int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
                modes.put(p, mode);
            }
        }
        for (var e : modes.entrySet()) {
            Files.setAttribute(e.getKey(), "unix:mode", e.getValue() & ~0222);
        }
        return modes;
    }

    private static void restore(Map<Path, Integer> modes) throws Exception {
        for (var e : ((TreeMap<Path, Integer>) modes).descendingMap().entrySet()) {
            Files.setAttribute(e.getKey(), "unix:mode", e.getValue());
        }
    }
}
