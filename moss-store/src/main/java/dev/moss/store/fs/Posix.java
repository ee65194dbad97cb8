package dev.moss.store.fs;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The few POSIX calls NIO does not offer, made through FFM (no JNI, no subprocesses). This is the
 * one seam where moss-store talks to libc directly; everything else is plain NIO.
 */
public final class Posix {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle GETEUID = find("geteuid", FunctionDescriptor.of(ValueLayout.JAVA_INT), false)
            .orElseThrow();
    private static final Optional<MethodHandle> MKFIFO = find("mkfifo",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT), true);
    private static final Optional<MethodHandle> MKNOD = find("mknod",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG),
            true);
    private static final Optional<MethodHandle> STRERROR = find("strerror",
            FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT), false);

    private Posix() {}

    private static Optional<MethodHandle> find(String name, FunctionDescriptor fd, boolean errno) {
        return LIBC.find(name).map(addr -> errno
                ? LINKER.downcallHandle(addr, fd, Linker.Option.captureCallState("errno"))
                : LINKER.downcallHandle(addr, fd));
    }

    /** The effective user id of this process. */
    public static int geteuid() {
        try {
            return (int) GETEUID.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("geteuid failed", t);
        }
    }

    /** Whether this process runs as root, so it may set owners and create device nodes. */
    public static boolean isRoot() {
        return geteuid() == 0;
    }

    public static boolean canMakeFifo() {
        return MKFIFO.isPresent();
    }

    public static boolean canMakeNode() {
        return MKNOD.isPresent();
    }

    /** {@code mkfifo(path, mode)}; the mode is filtered by the umask, so chmod afterwards. */
    public static void mkfifo(Path path, int mode) throws IOException {
        call(MKFIFO.orElseThrow(() -> new IOException("mkfifo is not available")), "mkfifo", path, mode, null);
    }

    /** {@code mknod(path, mode, dev)} with the file type bits in {@code mode}. Needs root for devices. */
    public static void mknod(Path path, int mode, long dev) throws IOException {
        call(MKNOD.orElseThrow(() -> new IOException("mknod is not available")), "mknod", path, mode, dev);
    }

    private static void call(MethodHandle handle, String name, Path path, int mode, Long dev) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            MemorySegment cpath = arena.allocateFrom(path.toString());
            int rc = dev == null
                    ? (int) handle.invokeExact(state, cpath, mode)
                    : (int) handle.invokeExact(state, cpath, mode, (long) dev);
            if (rc != 0) {
                int errno = (int) ERRNO.get(state, 0L);
                throw new IOException(path + ": " + name + " failed: " + strerror(errno));
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(path + ": " + name + " failed", t);
        }
    }

    private static String strerror(int errno) {
        if (STRERROR.isEmpty()) {
            return "errno " + errno;
        }
        try {
            MemorySegment s = (MemorySegment) STRERROR.get().invokeExact(errno);
            return s.reinterpret(4096).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }
}
