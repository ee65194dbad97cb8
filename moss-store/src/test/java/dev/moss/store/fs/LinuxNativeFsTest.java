package dev.moss.store.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FFM calls against what the JDK's own file APIs say about the same real files. */
class LinuxNativeFsTest {
    @TempDir
    Path dir;

    @Test
    void statxAgreesWithTheJdk() throws Exception {
        Path file = Files.write(dir.resolve("f"), new byte[1234]);
        FileStat.chmod(file, 04751);
        Files.createLink(dir.resolve("g"), file);
        Files.createSymbolicLink(dir.resolve("l"), Path.of("f"));

        LinuxNativeFs.Stat st = LinuxNativeFs.statx(LinuxNativeFs.AT_FDCWD, LinuxNativeFs.bytes(file.toString()),
                LinuxNativeFs.AT_SYMLINK_NOFOLLOW);
        assertThat(st.mode()).isEqualTo(0100000 | 04751);
        assertThat(st.size()).isEqualTo(1234);
        assertThat(st.nlink()).isEqualTo(2);
        assertThat(st.uid()).isEqualTo((Integer) Files.getAttribute(file, "unix:uid"));
        assertThat(st.gid()).isEqualTo((Integer) Files.getAttribute(file, "unix:gid"));
        assertThat(st.inode()).isEqualTo((Long) Files.getAttribute(file, "unix:ino"));

        LinuxNativeFs.Stat link = LinuxNativeFs.statx(LinuxNativeFs.AT_FDCWD,
                LinuxNativeFs.bytes(dir.resolve("g").toString()), LinuxNativeFs.AT_SYMLINK_NOFOLLOW);
        assertThat(link.inodeKey()).isEqualTo(st.inodeKey());

        LinuxNativeFs.Stat sym = LinuxNativeFs.statx(LinuxNativeFs.AT_FDCWD,
                LinuxNativeFs.bytes(dir.resolve("l").toString()), LinuxNativeFs.AT_SYMLINK_NOFOLLOW);
        assertThat(sym.mode() & FileStat.S_IFMT).isEqualTo(FileStat.S_IFLNK);
        assertThat(sym.inode()).isEqualTo((Long) Files.getAttribute(dir.resolve("l"), "unix:ino", LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void statxOfAMissingFileNamesIt() {
        assertThatThrownBy(() -> LinuxNativeFs.statx(LinuxNativeFs.AT_FDCWD,
                LinuxNativeFs.bytes(dir.resolve("missing").toString()), 0))
                .isInstanceOf(NativeIOException.class).hasMessageContaining("missing");
    }
}
