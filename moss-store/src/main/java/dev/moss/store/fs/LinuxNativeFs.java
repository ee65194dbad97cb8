package dev.moss.store.fs;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;

/**
 * The directory-fd system calls the blit is made of ({@code mkdirat}, {@code linkat},
 * {@code symlinkat}, ...), through FFM. Names are passed as UTF-8 bytes, copied into a per-thread
 * native buffer, so a call allocates nothing: the blit makes one call per entry, hundreds of
 * thousands of times.
 */
public final class LinuxNativeFs {
    public static final int AT_FDCWD = -100;
    public static final int AT_SYMLINK_NOFOLLOW = 0x100;
    public static final int AT_EMPTY_PATH = 0x1000;
    public static final int AT_SYMLINK_FOLLOW = 0x400;
    public static final int AT_REMOVEDIR = 0x200;

    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_TRUNC = 01000;
    /** aarch64 numbers two open flags differently from x86_64 (and nearly everything else). */
    private static final String ARCH = System.getProperty("os.arch");
    private static final boolean AARCH64 = "aarch64".equals(ARCH);
    public static final int O_DIRECTORY = AARCH64 ? 040000 : 0200000;
    public static final int O_NOFOLLOW = AARCH64 ? 0100000 : 0400000;
    public static final int O_CLOEXEC = 02000000;
    public static final int O_PATH = 010000000;
    /** An unnamed regular file in the directory given; linked in later, or gone when closed. */
    public static final int O_TMPFILE = 020000000 | O_DIRECTORY;

    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EEXIST = 17;
    public static final int EXDEV = 18;
    public static final int ENOTDIR = 20;
    public static final int EINVAL = 22;
    public static final int EINTR = 4;
    public static final int EMLINK = 31;
    public static final int ENOTTY = 25;
    public static final int EOPNOTSUPP = 95;

    /** {@code _IOW(0x94, 9, int)}: reflink a whole file. */
    private static final long FICLONE = 0x40049409L;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /**
     * Every call goes through libc's {@code long syscall(long number, ...)}: one downcall handle for
     * all of them. Each distinct native signature costs the JVM a generated stub and dozens of
     * method-handle classes, made and then compiled at every start (about 180 compilations for the
     * eleven signatures the blit and import used); one signature makes that once. The handle is
     * made at first use, in a holder class, so commands that never call the kernel directly never
     * pay for it; a static final field in a holder still folds to a constant in compiled code.
     * The kernel's own calls take the same arguments as the libc functions used before, with
     * errno set the same way.
     */
    private static final class Syscall {
        static final MethodHandle H = LINKER.downcallHandle(
                LIBC.find("syscall").orElseThrow(() -> new UnsatisfiedLinkError("libc lacks syscall")),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
                        JAVA_LONG),
                Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
    }

    /**
     * System call numbers of this machine: x86_64 has its own table, aarch64 the generic one.
     * Anything else is refused when the first call is made.
     */
    private static final class Nr {
        private static final boolean ARM = switch (ARCH) {
            case "amd64", "x86_64", "aarch64" -> AARCH64;
            default -> throw new UnsupportedOperationException(
                    "moss's system calls are written for x86_64 and aarch64, not " + ARCH);
        };
        static final int WRITE = ARM ? 64 : 1;
        static final int CLOSE = ARM ? 57 : 3;
        static final int IOCTL = ARM ? 29 : 16;
        static final int FLOCK = ARM ? 32 : 73;
        static final int FSYNC = ARM ? 82 : 74;
        static final int FCHMOD = ARM ? 52 : 91;
        static final int FCHOWN = ARM ? 55 : 93;
        static final int UMASK = ARM ? 166 : 95;
        static final int GETEUID = ARM ? 175 : 107;
        static final int GETEGID = ARM ? 177 : 108;
        static final int OPENAT = ARM ? 56 : 257;
        static final int MKDIRAT = ARM ? 34 : 258;
        static final int MKNODAT = ARM ? 33 : 259;
        static final int FCHOWNAT = ARM ? 54 : 260;
        static final int UNLINKAT = ARM ? 35 : 263;
        static final int RENAMEAT = ARM ? 38 : 264;
        static final int LINKAT = ARM ? 37 : 265;
        static final int SYMLINKAT = ARM ? 36 : 266;
        static final int FCHMODAT = ARM ? 53 : 268;
        static final int SYNCFS = ARM ? 267 : 306;
        static final int RENAMEAT2 = ARM ? 276 : 316;
        static final int STATX = ARM ? 291 : 332;
    }

    /** Only for messages: a second signature, made the first time something fails. */
    private static final class Strerror {
        static final MethodHandle H = LINKER.downcallHandle(
            LIBC.find("strerror").orElseThrow(), FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    /** Per-thread native scratch: the errno capture and two NUL-terminated path buffers. */
    private static final class Scratch {
        final MemorySegment state;
        final MemorySegment a;
        final MemorySegment b;
        final MemorySegment statx;
        /** Staging for {@link #write}: file bodies pass through here on their way to the kernel. */
        MemorySegment io;

        Scratch() {
            Arena arena = Arena.ofAuto();
            state = arena.allocate(CAPTURE);
            a = arena.allocate(4097);
            b = arena.allocate(4097);
            statx = arena.allocate(STATX_SIZE, 8);
        }

        MemorySegment io(int size) {
            if (io == null || io.byteSize() < size) {
                io = Arena.ofAuto().allocate(Math.max(size, 1 << 16), 64);
            }
            return io;
        }
    }

    private static final int IO_CHUNK = 1 << 18;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private LinuxNativeFs() {}

    /**
     * Readies the calls that build trees (the blit's {@code mkdirat}, {@code linkat},
     * {@code symlinkat}, {@code fchmodat}, {@code fchownat}, {@code statx}) on a
     * background thread. The first call makes the system-call handle, generating a native stub,
     * and each wrapper's first call links its call site: work that otherwise holds up the blit's
     * first directories while its workers wait on each other. Done at the start of a
     * command, that work uses the core the JVM's start leaves idle. Each call is made once on
     * descriptor -1 with an empty name, which the kernel refuses (EBADF, ENOENT) without looking
     * at anything.
     */
    public static void prepareTreeCallsInBackground() {
        Thread.ofPlatform().daemon().name("fs-calls-warm-up").start(() -> {
            byte[] none = new byte[0];
            refused(() -> statxIfExists(-1, none, AT_SYMLINK_NOFOLLOW));
            refused(() -> statx(-1, none, AT_SYMLINK_NOFOLLOW));
            refused(() -> mkdirat(-1, none, 0));
            refused(() -> mkdiratErrno(-1, none, 0));
            refused(() -> linkat(-1, none, -1, none, 0));
            refused(() -> symlinkat(none, -1, none));
            refused(() -> fchmodat(-1, none, 0));
            refused(() -> lchownat(-1, none, -1, -1));
            refused(() -> openat(-1, none, O_RDONLY, 0));
            refused(() -> close(-1));
            refused(() -> getegid());
        });
    }

    private interface Call {
        void run() throws NativeIOException;
    }

    private static void refused(Call call) {
        try {
            call.run();
        } catch (NativeIOException | RuntimeException | LinkageError e) {
            // expected (EBADF, ENOENT); a real problem shows again at the first real call
        }
    }

    /** Copies {@code name} into {@code buf} as a NUL-terminated string; returns its address. */
    private static long path(MemorySegment buf, byte[] name) {
        return cstr(buf, name).address();
    }

    /**
     * Makes system call {@code nr}; returns what it returned, -1 with errno in the scratch's
     * capture state on failure. Unused trailing arguments are passed as 0 (syscall(2) reads six).
     */
    private static long call(Scratch s, int nr) {
        return call(s, nr, 0, 0, 0, 0, 0, 0);
    }

    private static long call(Scratch s, int nr, long a) {
        return call(s, nr, a, 0, 0, 0, 0, 0);
    }

    private static long call(Scratch s, int nr, long a, long b) {
        return call(s, nr, a, b, 0, 0, 0, 0);
    }

    private static long call(Scratch s, int nr, long a, long b, long c) {
        return call(s, nr, a, b, c, 0, 0, 0);
    }

    private static long call(Scratch s, int nr, long a, long b, long c, long d) {
        return call(s, nr, a, b, c, d, 0, 0);
    }

    private static long call(Scratch s, int nr, long a, long b, long c, long d, long e) {
        return call(s, nr, a, b, c, d, e, 0);
    }

    private static long call(Scratch s, int nr, long a, long b, long c, long d, long e, long f) {
        try {
            return (long) Syscall.H.invokeExact(s.state, (long) nr, a, b, c, d, e, f);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static MemorySegment cstr(MemorySegment buf, byte[] name) {
        if (name.length > 4096) {
            throw new IllegalArgumentException("path of " + name.length + " bytes exceeds PATH_MAX");
        }
        MemorySegment.copy(name, 0, buf, JAVA_BYTE, 0, name.length);
        buf.set(JAVA_BYTE, name.length, (byte) 0);
        return buf;
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static NativeIOException fail(String call, byte[] what, Scratch s) {
        int errno = (int) ERRNO.get(s.state, 0L);
        return new NativeIOException(call, "\"" + new String(what, StandardCharsets.UTF_8) + "\"", errno);
    }

    private static NativeIOException fail(String call, int fd, Scratch s) {
        int errno = (int) ERRNO.get(s.state, 0L);
        return new NativeIOException(call, "fd " + fd, errno);
    }

    public static String strerror(int errno) {
        try {
            MemorySegment p = (MemorySegment) Strerror.H.invokeExact(errno);
            return p.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    public static int openat(int dirfd, byte[] name, int flags, int mode) throws NativeIOException {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.OPENAT, dirfd, path(s.a, name), flags | O_CLOEXEC, mode);
        if (r < 0) {
            throw fail("open", name, s);
        }
        return r;
    }

    /** Opens a directory without following a symlink in its last component. */
    public static int openDirectory(int dirfd, byte[] name) throws NativeIOException {
        return openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW, 0);
    }

    public static int openDirectory(String path) throws NativeIOException {
        return openat(AT_FDCWD, bytes(path), O_RDONLY | O_DIRECTORY, 0);
    }

    public static void mkdirat(int dirfd, byte[] name, int mode) throws NativeIOException {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.MKDIRAT, dirfd, path(s.a, name), mode);
        if (r < 0) {
            throw fail("mkdir", name, s);
        }
    }

    public static void symlinkat(byte[] target, int dirfd, byte[] name) throws NativeIOException {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.SYMLINKAT, path(s.a, target), dirfd, path(s.b, name));
        if (r < 0) {
            throw fail("symlink", name, s);
        }
    }

    /** {@code mkdirat}; returns 0 or the errno (EEXIST, ENOENT, ...) for callers that expect failures. */
    public static int mkdiratErrno(int dirfd, byte[] name, int mode) {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.MKDIRAT, dirfd, path(s.a, name), mode);
        return r < 0 ? (int) ERRNO.get(s.state, 0L) : 0;
    }

    /**
     * Writes all of {@code b[off, off+len)} to {@code fd}, going through a per-thread native buffer
     * (a copy costs far less than the system call, and keeps the call off the Java heap).
     */
    public static void write(int fd, byte[] b, int off, int len) throws NativeIOException {
        Scratch s = SCRATCH.get();
        while (len > 0) {
            int n = Math.min(len, IO_CHUNK);
            MemorySegment buf = s.io(n);
            MemorySegment.copy(b, off, buf, JAVA_BYTE, 0, n);
            long done = 0;
            while (done < n) {
                long r;
                r = call(s, Nr.WRITE, fd, buf.address() + done, n - done);
                if (r < 0) {
                    int errno = (int) ERRNO.get(s.state, 0L);
                    if (errno == EINTR) {
                        continue;
                    }
                    throw fail("write", fd, s);
                }
                done += r;
            }
            off += n;
            len -= n;
        }
    }

    /** {@code linkat}; returns 0 or the errno for the caller to branch on (EXDEV, EMLINK, ...). */
    public static int linkat(int olddirfd, byte[] oldname, int newdirfd, byte[] newname, int flags) {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.LINKAT, olddirfd, path(s.a, oldname), newdirfd, path(s.b, newname), flags);
        return r < 0 ? (int) ERRNO.get(s.state, 0L) : 0;
    }

    public static void fchmodat(int dirfd, byte[] name, int mode) throws NativeIOException {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.FCHMODAT, dirfd, path(s.a, name), mode);
        if (r < 0) {
            throw fail("chmod", name, s);
        }
    }

    public static void fchmod(int fd, int mode) throws NativeIOException {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.FCHMOD, fd, mode);
        if (r < 0) {
            throw fail("fchmod", fd, s);
        }
    }

    /** Sets the owner of an entry without following a symlink. */
    public static void lchownat(int dirfd, byte[] name, int uid, int gid) throws NativeIOException {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.FCHOWNAT, dirfd, path(s.a, name), uid, gid, AT_SYMLINK_NOFOLLOW);
        if (r < 0) {
            throw fail("chown", name, s);
        }
    }

    public static void fchown(int fd, int uid, int gid) throws NativeIOException {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.FCHOWN, fd, uid, gid);
        if (r < 0) {
            throw fail("fchown", fd, s);
        }
    }

    public static void mknodat(int dirfd, byte[] name, int mode, long dev) throws NativeIOException {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.MKNODAT, dirfd, path(s.a, name), mode, dev);
        if (r < 0) {
            throw fail("mknod", name, s);
        }
    }

    public static void renameat(int olddirfd, byte[] oldname, int newdirfd, byte[] newname) throws NativeIOException {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.RENAMEAT, olddirfd, path(s.a, oldname), newdirfd, path(s.b, newname));
        if (r < 0) {
            throw fail("rename", oldname, s);
        }
    }

    /** {@code renameat2} flag: swap the two paths atomically (both must exist). */
    public static final int RENAME_EXCHANGE = 2;

    /** {@code renameat2(2)}; with {@link #RENAME_EXCHANGE} two directories trade places in one step. */
    public static void renameat2(int olddirfd, byte[] oldname, int newdirfd, byte[] newname, int flags)
            throws NativeIOException {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.RENAMEAT2, olddirfd, path(s.a, oldname), newdirfd, path(s.b, newname), flags);
        if (r < 0) {
            throw fail("renameat2", oldname, s);
        }
    }

    /** Swaps two existing paths in one step ({@code renameat2} with {@link #RENAME_EXCHANGE}). */
    public static void exchange(java.nio.file.Path a, java.nio.file.Path b) throws NativeIOException {
        renameat2(AT_FDCWD, bytes(a.toString()), AT_FDCWD, bytes(b.toString()), RENAME_EXCHANGE);
    }

    public static void unlinkat(int dirfd, byte[] name, int flags) throws NativeIOException {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.UNLINKAT, dirfd, path(s.a, name), flags);
        if (r < 0) {
            throw fail("unlink", name, s);
        }
    }

    public static void close(int fd) {
        Scratch s = SCRATCH.get();
        call(s, Nr.CLOSE, fd);
    }

    public static void fsync(int fd) throws NativeIOException {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.FSYNC, fd);
        if (r < 0) {
            throw fail("fsync", fd, s);
        }
    }

    public static void syncfs(int fd) throws NativeIOException {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.SYNCFS, fd);
        if (r < 0) {
            throw fail("syncfs", fd, s);
        }
    }

    /** Reflinks {@code src} into {@code dest}; returns 0 or the errno (EOPNOTSUPP, EXDEV, ...). */
    public static int ficlone(int destFd, int srcFd) {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.IOCTL, destFd, FICLONE, srcFd);
        return r < 0 ? (int) ERRNO.get(s.state, 0L) : 0;
    }

    /** Sets the process umask and returns the previous one. */
    public static final int LOCK_EX = 2;
    public static final int LOCK_NB = 4;
    public static final int EWOULDBLOCK = 11;

    /**
     * {@code flock(fd, op)}; returns 0 or the errno ({@link #EWOULDBLOCK} when {@link #LOCK_NB}
     * finds the lock taken). A flock belongs to the open file description, so unlike a POSIX record
     * lock it is not dropped when some other descriptor of the same file is closed.
     */
    public static int flock(int fd, int operation) {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.FLOCK, fd, operation);
        return r < 0 ? (int) ERRNO.get(s.state, 0L) : 0;
    }

    /** {@code struct statx} is the same on every architecture, unlike {@code struct stat}. */
    private static final long STATX_SIZE = 256;
    /** STATX_TYPE | STATX_MODE | STATX_NLINK | STATX_UID | STATX_GID | STATX_INO | STATX_SIZE. */
    private static final int STATX_BASIC = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x100 | 0x200;

    /** What {@link #statx} reports: the full {@code st_mode} (type bits included). */
    public record Stat(int mode, int uid, int gid, long inode, long nlink, long size, int devMajor, int devMinor) {
        /** Identifies the inode: two paths with one key are hardlinks of each other. */
        public String inodeKey() {
            return devMajor + ":" + devMinor + ":" + inode;
        }
    }

    /**
     * {@code statx(dirfd, name, flags)}; with {@link #AT_SYMLINK_NOFOLLOW} a symlink is reported
     * as itself. One system call where {@code Files.getAttribute} makes one per attribute.
     */
    public static Stat statx(int dirfd, byte[] name, int flags) throws NativeIOException {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.STATX, dirfd, path(s.a, name), flags, STATX_BASIC, s.statx.address());
        if (r < 0) {
            throw fail("stat", name, s);
        }
        return readStatx(s.statx);
    }

    private static Stat readStatx(MemorySegment b) {
        return new Stat(Short.toUnsignedInt(b.get(JAVA_SHORT, 28)), b.get(JAVA_INT, 20), b.get(JAVA_INT, 24),
                b.get(JAVA_LONG, 32), Integer.toUnsignedLong(b.get(JAVA_INT, 16)), b.get(JAVA_LONG, 40),
                b.get(JAVA_INT, 136), b.get(JAVA_INT, 140));
    }

    /** Like {@link #statx}, but null when the entry (or a directory on the way) does not exist. */
    public static Stat statxIfExists(int dirfd, byte[] name, int flags) throws NativeIOException {
        Scratch s = SCRATCH.get();
        int r;
        r = (int) call(s, Nr.STATX, dirfd, path(s.a, name), flags, STATX_BASIC, s.statx.address());
        if (r < 0) {
            int errno = (int) ERRNO.get(s.state, 0L);
            if (errno == ENOENT || errno == ENOTDIR) {
                return null;
            }
            throw fail("stat", name, s);
        }
        return readStatx(s.statx);
    }

    public static int umask(int mask) {
        return (int) call(SCRATCH.get(), Nr.UMASK, mask);
    }

    public static int geteuid() {
        return (int) call(SCRATCH.get(), Nr.GETEUID);
    }

    public static int getegid() {
        return (int) call(SCRATCH.get(), Nr.GETEGID);
    }
}
