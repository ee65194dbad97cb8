package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.format.digest.Xxh3;
import dev.moss.format.record.EntryType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every path gets exactly its layout mode (setuid, setgid and restrictive modes included) and,
 * as root, its layout owner, with a store variant where one content is wanted under two owners;
 * device nodes as root, fifos for anyone. Without root, owners fall back to the caller and
 * devices are skipped with a warning: both branches are checked, whichever user runs the tests.
 */
class OwnershipTest extends E2eTest {
    static final String SAME = "the same bytes under two owners\n";

    @Test
    void modesAndOwnersAreExactlyTheLayouts() throws Exception {
        Path stone = RawStones.named("owned")
                .file("share/o/mine", SAME, 0640, 1234, 5678)
                .file("share/o/root", SAME, 0640, 0, 0)
                .file("bin/suid", "#!/bin/sh\necho u\n", 04755, 0, 0)
                .file("bin/sgid", "#!/bin/sh\necho g\n", 02755, 0, 5678)
                .file("bin/suid-owned", "#!/bin/sh\necho o\n", 04750, 1234, 5678)
                .dir("share/o/d", 0750, 1234, 5678)
                .file("share/o/d/x", "x\n", 0600, 1234, 5678)
                .link("share/o/l", "mine", 1234, 5678)
                .write(dir);
        mossOk("install", "-y", stone.toString());
        Path usr = root.resolve("usr");
        boolean asRoot = Privileges.isRoot();
        int me = (Integer) Files.getAttribute(dir, "unix:uid");
        int myGroup = (Integer) Files.getAttribute(dir, "unix:gid");

        assertEntry(usr.resolve("share/o/mine"), 0640, asRoot ? 1234 : me, asRoot ? 5678 : myGroup);
        assertEntry(usr.resolve("share/o/root"), 0640, asRoot ? 0 : me, asRoot ? 0 : myGroup);
        assertEntry(usr.resolve("bin/suid"), 04755, asRoot ? 0 : me, asRoot ? 0 : myGroup);
        assertEntry(usr.resolve("bin/sgid"), 02755, asRoot ? 0 : me, asRoot ? 5678 : myGroup);
        assertEntry(usr.resolve("bin/suid-owned"), 04750, asRoot ? 1234 : me, asRoot ? 5678 : myGroup);
        assertEntry(usr.resolve("share/o/d"), 0750, asRoot ? 1234 : me, asRoot ? 5678 : myGroup);
        assertEntry(usr.resolve("share/o/d/x"), 0600, asRoot ? 1234 : me, asRoot ? 5678 : myGroup);
        if (asRoot) {
            assertThat(Files.getAttribute(usr.resolve("share/o/l"), "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(1234);
        }

        // one content, two owners: two inodes in the store as root (the asset and a variant beside it)
        var digest = Xxh3.hash128(SAME.getBytes(StandardCharsets.UTF_8));
        Path asset = RootCheck.assetPath(root.resolve(".moss/assets/v2"), digest);
        List<String> copies = new ArrayList<>();
        Set<String> owners = new HashSet<>();
        try (Stream<Path> s = Files.list(asset.getParent())) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(asset.getFileName().toString())).toList()) {
                copies.add(p.getFileName().toString().substring(asset.getFileName().toString().length()));
                owners.add(Files.getAttribute(p, "unix:uid") + ":" + Files.getAttribute(p, "unix:gid"));
            }
        }
        Object mine = Files.getAttribute(usr.resolve("share/o/mine"), "unix:ino");
        Object theirs = Files.getAttribute(usr.resolve("share/o/root"), "unix:ino");
        if (asRoot) {
            assertThat(copies).containsExactlyInAnyOrder("", ".640-0-0");
            assertThat(owners).containsExactlyInAnyOrder("1234:5678", "0:0");
            assertThat(mine).isNotEqualTo(theirs);
        } else {
            assertThat(copies).containsExactly("");
            assertThat(mine).isEqualTo(theirs); // owners cannot differ here, so one inode serves both
        }
        RootCheck.assertWhole(root);
    }

    @Test
    void deviceNodesAsRootFifosForAnyone() throws Exception {
        Path stone = RawStones.named("nodes")
                .special("lib/dev/char", EntryType.CHARACTER_DEVICE, 0600, 0, 0)
                .special("lib/dev/block", EntryType.BLOCK_DEVICE, 0660, 0, 6)
                .special("lib/dev/fifo", EntryType.FIFO, 0620, 0, 0)
                .file("lib/dev/README", "nodes\n")
                .write(dir);
        MossProcess.Result r = mossOk("install", "-y", stone.toString());
        Path d = root.resolve("usr/lib/dev");
        assertThat(type(d.resolve("fifo"))).isEqualTo(0010000);
        assertThat(mode(d.resolve("fifo"))).isEqualTo(0620);
        if (Privileges.isRoot()) {
            assertThat(type(d.resolve("char"))).isEqualTo(0020000);
            assertThat(type(d.resolve("block"))).isEqualTo(0060000);
            assertThat(mode(d.resolve("block"))).isEqualTo(0660);
            assertThat(Files.getAttribute(d.resolve("block"), "unix:gid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(6);
            assertThat(r.err()).doesNotContain("warning");
        } else {
            assertThat(Files.exists(d.resolve("char"), LinkOption.NOFOLLOW_LINKS)).isFalse();
            assertThat(Files.exists(d.resolve("block"), LinkOption.NOFOLLOW_LINKS)).isFalse();
            // once per kind of node, not per node; and once that owners could not be set
            assertThat(r.errLines()).hasSize(3).allMatch(l -> l.startsWith("warning: "));
            assertThat(r.errLines()).filteredOn(l -> l.endsWith("needs root")).hasSize(2);
            assertThat(r.errLines()).filteredOn(l -> l.contains("not running as root: files keep owner")).hasSize(1);
        }
        RootCheck.assertWhole(root);
    }

    private static void assertEntry(Path p, int mode, int uid, int gid) throws IOException {
        assertThat(mode(p)).as("mode of %s", p).isEqualTo(mode);
        assertThat(Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).as("uid of %s", p).isEqualTo(uid);
        assertThat(Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS)).as("gid of %s", p).isEqualTo(gid);
    }

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    private static int type(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
    }
}
