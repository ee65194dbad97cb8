package dev.moss.store.asset;

import dev.moss.store.fs.LinuxNativeFs;
import dev.moss.store.fs.NativeIOException;

/**
 * How an imported file gets its final name once its digest matched. The preferred ways write
 * into an unnamed {@code O_TMPFILE} inode in the asset's own directory and link it in: a crash
 * leaves nothing behind to sweep, and each asset costs one name operation instead of a
 * {@code .part} create plus a rename (measured on a 110k-file import: about 12% less kernel time
 * per file). Which way works depends on the process and the filesystem, so it is found out once
 * per store by {@link #probe}.
 */
enum AssetNaming {
    /**
     * {@code linkat(fd, "", dir, name, AT_EMPTY_PATH)}: the direct way. Older kernels allow it only
     * with {@code CAP_DAC_READ_SEARCH} (root); recent ones also to the process that opened the file
     * (seen unprivileged on 6.18).
     */
    LINK_DESCRIPTOR,
    /**
     * {@code linkat(AT_FDCWD, "/proc/self/fd/N", dir, name, AT_SYMLINK_FOLLOW)}: the same link,
     * allowed to anyone, where {@code /proc} is mounted.
     */
    LINK_PROC_FD,
    /**
     * A named {@code <asset>.part} renamed into place: filesystems without {@code O_TMPFILE}. Two
     * processes importing one asset would share that name; the installation lock, which every
     * writing command holds, keeps them apart (within a process, claims on the store do).
     */
    RENAME_PART;

    private static final byte[] DOT = LinuxNativeFs.bytes(".");
    private static final byte[] EMPTY = {};

    /**
     * Tries each way on a throwaway file in the store directory. The probe's name ends in
     * {@code .part} so that recovery's sweep removes it should a crash strike between link and
     * unlink.
     */
    static AssetNaming probe(int storeFd) {
        int fd;
        try {
            fd = LinuxNativeFs.openat(storeFd, DOT, LinuxNativeFs.O_WRONLY | LinuxNativeFs.O_TMPFILE, 0600);
        } catch (NativeIOException e) {
            return RENAME_PART; // EOPNOTSUPP (filesystem), EISDIR or EINVAL (kernels before 3.11)
        }
        byte[] name = LinuxNativeFs.bytes(".naming-probe-" + ProcessHandle.current().pid() + ".part");
        try {
            LinuxNativeFs.unlinkat(storeFd, name, 0);
        } catch (NativeIOException ignored) {
            // normally absent
        }
        try {
            for (AssetNaming way : new AssetNaming[] {LINK_DESCRIPTOR, LINK_PROC_FD}) {
                if (way.link(fd, storeFd, name) == 0) {
                    LinuxNativeFs.unlinkat(storeFd, name, 0);
                    return way;
                }
            }
            return RENAME_PART;
        } catch (NativeIOException e) {
            return RENAME_PART; // linked but not removable: leave the rest to recovery's sweep
        } finally {
            LinuxNativeFs.close(fd);
        }
    }

    /** Gives the open unnamed file {@code fd} the name {@code name} under {@code dirFd}; 0 or errno. */
    int link(int fd, int dirFd, byte[] name) {
        return switch (this) {
            case LINK_DESCRIPTOR -> LinuxNativeFs.linkat(fd, EMPTY, dirFd, name, LinuxNativeFs.AT_EMPTY_PATH);
            case LINK_PROC_FD -> LinuxNativeFs.linkat(LinuxNativeFs.AT_FDCWD, LinuxNativeFs.bytes("/proc/self/fd/" + fd),
                    dirFd, name, LinuxNativeFs.AT_SYMLINK_FOLLOW);
            case RENAME_PART -> throw new IllegalStateException("a .part file is renamed, not linked");
        };
    }
}
