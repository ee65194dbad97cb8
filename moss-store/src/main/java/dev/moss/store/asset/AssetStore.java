package dev.moss.store.asset;

import dev.moss.format.digest.Digest128;
import dev.moss.store.fs.LinuxNativeFs;
import dev.moss.store.fs.NativeIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The content-addressed store, {@code .moss/assets/v2}: one file per XXH3-128 digest, named by
 * its unpadded hex and fanned out as {@code aa/bb/cc/<hex>} (digests under 10 hex digits sit
 * at the top). A file at its final name is always complete and verified: writers link an
 * unnamed file, or rename a {@code .part} file, only after its digest matched ({@link AssetNaming}).
 *
 * <p>Hardlinks share their inode's mode and owner, so an entry whose (mode, uid, gid) differs
 * from the asset's gets a <em>variant</em> beside it, {@code <hex>.<octal mode>-<uid>-<gid>}.
 * The asset's {@code stat} is the truth; no table repeats it.
 *
 * <p>Every call is relative to one descriptor of the store directory, and what a call learnt is
 * kept for the life of this object (a command): the {@code stat} of each asset probed, written
 * or linked, and the fan-out directories known to exist. An import and the blit that follows then
 * touch each asset once; a blit with nothing imported before it reads each asset's stat through
 * the first link it makes to it. Whoever deletes files from the store behind this object's back calls
 * {@link #forgetAll()}.
 */
public final class AssetStore implements AutoCloseable {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
    private final Path root;
    private final boolean honourOwners;
    /**
     * (digest, mode, uid, gid) -> file to link, relative to the root, for the uses the asset
     * itself does not serve: variants and fresh inodes after EMLINK. Nearly always empty.
     */
    private final ConcurrentMap<Use, Source> sources = new ConcurrentHashMap<>();
    /** Set once {@link #sources} has an entry; until then a link never looks there. */
    private volatile boolean anySources;
    /**
     * What statx said of each asset seen so far (present ones only). Sized for a full system (a
     * table is only allocated at the first entry; 1 MiB): growing it step by step to 100,000
     * assets rehashed every entry about twice, while an import and the blit were using it. This
     * size makes a 262,144-slot table, which holds 196,608 before it grows; half of that, the
     * size used before, still grew once at 98,304, just short of a 100k-file system.
     */
    private final ConcurrentMap<Digest128, LinuxNativeFs.Stat> seen = new ConcurrentHashMap<>(1 << 17);
    /** Fan-out directories known to exist ("aa", "aa/bb", "aa/bb/cc"). */
    private final Set<String> dirs = ConcurrentHashMap.newKeySet();
    /** Digests an importer is writing right now: one writer per asset. */
    private final Set<Digest128> claimed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger freshCounter = new AtomicInteger();
    /** Variants and fresh inodes this object made, by name relative to the root: a failed command takes them out. */
    private final Queue<String> made = new ConcurrentLinkedQueue<>();
    /** Read without a lock once set: every probe and link asks for it, from several threads. */
    private volatile int fd = -1;
    /** How imports name their files, found out at the first import. */
    private volatile AssetNaming naming;

    /** What one layout entry needs of an asset. */
    public record Use(Digest128 digest, int permissions, int uid, int gid) {
        // written out for the same reason as Digest128's: the generated ones are slow under C1
        @Override
        public boolean equals(Object o) {
            return o instanceof Use u && u.permissions == permissions && u.uid == uid && u.gid == gid
                    && u.digest.equals(digest);
        }

        @Override
        public int hashCode() {
            return ((digest.hashCode() * 31 + permissions) * 31 + uid) * 31 + gid;
        }
    }

    /** A file to hardlink, relative to the store root, by its name as the system call takes it. */
    public record Source(byte[] bytes) {
        static Source of(String name) {
            return new Source(LinuxNativeFs.bytes(name));
        }

        public String name() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * @param root the {@code assets/v2} directory
     * @param honourOwners whether owners can be set (running as root); otherwise only modes count
     */
    public AssetStore(Path root, boolean honourOwners) {
        this.root = root;
        this.honourOwners = honourOwners;
    }

    public Path root() {
        return root;
    }

    /** {@code aa/bb/cc/<hex>} for a digest, or {@code <hex>} when the hex is shorter than 10. */
    public static String relativeName(Digest128 digest) {
        return new String(relativeNameBytes(digest), StandardCharsets.ISO_8859_1);
    }

    /**
     * {@link #relativeName} as the bytes a system call takes. An import probes and the blit links
     * every asset by this name, over 100,000 of them for a full system: it is written digit by
     * digit, without the strings {@link Digest128#toHex} and concatenation would build.
     */
    static byte[] relativeNameBytes(Digest128 digest) {
        // Unpadded hex, as Digest128.toHex: leading zero digits dropped, at least two kept.
        int leading = digest.high() != 0 ? Long.numberOfLeadingZeros(digest.high()) / 4
                : 16 + Long.numberOfLeadingZeros(digest.low()) / 4;
        int first = Math.min(leading, 30);
        int length = 32 - first;
        boolean fanned = length >= 10;
        byte[] out = new byte[fanned ? length + 9 : length];
        int at = fanned ? 9 : 0;
        for (int i = first; i < 32; i++) {
            long half = i < 16 ? digest.high() : digest.low();
            out[at++] = HEX[(int) (half >>> (60 - 4 * (i & 15))) & 0xf];
        }
        if (fanned) {
            for (int level = 0; level < 3; level++) {
                out[level * 3] = out[9 + level * 2];
                out[level * 3 + 1] = out[9 + level * 2 + 1];
                out[level * 3 + 2] = '/';
            }
        }
        return out;
    }

    public Path pathFor(Digest128 digest) {
        return root.resolve(relativeName(digest));
    }

    /**
     * The descriptor of the store directory, opened on first use; -1 while the store does not
     * exist (a read-only installation that never imported anything).
     */
    int fd() throws NativeIOException {
        int d = fd;
        return d >= 0 ? d : openFd();
    }

    private synchronized int openFd() throws NativeIOException {
        if (fd < 0) {
            try {
                fd = LinuxNativeFs.openat(LinuxNativeFs.AT_FDCWD, LinuxNativeFs.bytes(root.toString()),
                        LinuxNativeFs.O_RDONLY | LinuxNativeFs.O_DIRECTORY, 0);
            } catch (NativeIOException e) {
                if (e.errno() != LinuxNativeFs.ENOENT) {
                    throw e;
                }
            }
        }
        return fd;
    }

    /** The store directory's descriptor, creating the directory if needed. */
    public int openForWriting() throws IOException {
        int d = fd();
        if (d < 0) {
            Files.createDirectories(root);
            d = fd();
        }
        return d;
    }

    /** How verified imports get their names here, probed once per store object. */
    AssetNaming naming() throws IOException {
        AssetNaming n = naming;
        return n != null ? n : probeNaming();
    }

    private synchronized AssetNaming probeNaming() throws IOException {
        if (naming == null) {
            // Test-only: the .part fallback on filesystems that have O_TMPFILE, for crash tests.
            String forced = System.getenv("MOSS_TEST_ASSET_NAMING");
            naming = forced != null ? AssetNaming.valueOf(forced) : AssetNaming.probe(openForWriting());
        }
        return naming;
    }

    /** For tests: every way must give the same store. */
    synchronized void useNaming(AssetNaming way) {
        naming = way;
    }

    public boolean contains(Digest128 digest) throws IOException {
        return probe(digest) != null;
    }

    /** The asset's stat, or null when it is not in the store. Present answers are remembered. */
    public LinuxNativeFs.Stat probe(Digest128 digest) throws IOException {
        LinuxNativeFs.Stat st = seen.get(digest);
        if (st != null) {
            return st;
        }
        int d = fd();
        if (d < 0) {
            return null;
        }
        st = LinuxNativeFs.statxIfExists(d, relativeNameBytes(digest), LinuxNativeFs.AT_SYMLINK_NOFOLLOW);
        if (st != null) {
            seen.put(digest, st);
        }
        return st;
    }

    /**
     * Deletes the variants and fresh inodes this object made: the command that needed them failed
     * before its tree went live, so nothing links them (its staging tree is gone). Best effort: one
     * left behind is a correct copy, which the next prune removes.
     */
    public synchronized void discardMade() {
        int d;
        try {
            d = fd();
        } catch (NativeIOException e) {
            return;
        }
        for (String name; (name = made.poll()) != null; ) {
            try {
                LinuxNativeFs.unlinkat(d, LinuxNativeFs.bytes(name), 0);
            } catch (NativeIOException ignored) {
                // see above
            }
        }
        sources.clear();
    }

    /** Drops everything learnt about the store: files or directories were removed from it. */
    public void forgetAll() {
        seen.clear();
        dirs.clear();
        sources.clear();
    }

    /**
     * Reserves {@code digest} for one writer; false if another importer of this store is writing
     * it right now (it will be in the store when that import completes).
     */
    boolean claim(Digest128 digest) {
        return claimed.add(digest);
    }

    void release(Digest128 digest) {
        claimed.remove(digest);
    }

    /**
     * Creates the fan-out directories above {@code relative} that are not known to exist,
     * recording those it made in {@code journal} (when there is one).
     */
    void makeParents(String relative, ImportJournal journal) throws IOException {
        int d = openForWriting();
        int slash = relative.lastIndexOf('/');
        if (slash < 0 || dirs.contains(relative.substring(0, slash))) {
            return;
        }
        for (int i = relative.indexOf('/'); i >= 0; i = relative.indexOf('/', i + 1)) {
            String dir = relative.substring(0, i);
            if (dirs.contains(dir)) {
                continue;
            }
            int err = LinuxNativeFs.mkdiratErrno(d, LinuxNativeFs.bytes(dir), 0755);
            if (err != 0 && err != LinuxNativeFs.EEXIST) {
                throw new NativeIOException("mkdir", "\"" + root.resolve(dir) + "\"", err);
            }
            if (err == 0 && journal != null) {
                journal.madeDir(dir);
            }
            dirs.add(dir);
        }
    }

    /** Records that a verified asset now sits at its final name with this stat. */
    void added(Digest128 digest, LinuxNativeFs.Stat st) {
        seen.put(digest, st);
    }

    /**
     * The file (relative to the root) to hardlink for {@code use} when the asset's stat is known
     * (it was probed, imported or linked before): the asset itself when its mode and owner fit,
     * else a variant, made now by reflink or copy if it does not exist. Null when the asset has
     * not been seen: the caller then links {@link #assetSource the asset itself} and hands the
     * stat of what it linked to {@link #linked}, which reads one name where a probe walks four.
     *
     * @throws IOException the asset is not a regular file (the store was tampered with)
     */
    public Source knownSource(Use use) throws IOException {
        Use key = keyOf(use);
        if (anySources) {
            Source known = sources.get(key);
            if (known != null) {
                return known;
            }
        }
        LinuxNativeFs.Stat st = seen.get(key.digest());
        if (st == null) {
            return null;
        }
        requireRegular(key.digest(), st);
        return fits(st, key) ? assetSource(key.digest()) : variantFor(key);
    }

    /** The asset itself, by the name a system call relative to the store takes. */
    public static Source assetSource(Digest128 digest) {
        return new Source(relativeNameBytes(digest));
    }

    /**
     * Records the stat of an asset the caller has just hardlinked for {@code use} without knowing
     * it ({@link #knownSource} said null), read through the new link: the same inode. Returns null
     * when it fits the use, else the file to link instead (a variant, made now if needed); the
     * caller then removes its link first.
     *
     * @throws IOException the asset is not a regular file
     */
    public Source linked(Use use, LinuxNativeFs.Stat st) throws IOException {
        Use key = keyOf(use);
        requireRegular(key.digest(), st);
        seen.putIfAbsent(key.digest(), st);
        return fits(st, key) ? null : variantFor(key);
    }

    /** Without root only modes count: every use of one mode shares a source, whatever owner it names. */
    private Use keyOf(Use use) {
        return honourOwners ? use : new Use(use.digest(), use.permissions(), -1, -1);
    }

    /** Locked: two workers asking for one new variant must not both write its .part file. */
    private synchronized Source variantFor(Use key) throws IOException {
        Source known = sources.get(key);
        if (known == null) {
            known = variant(key);
            sources.put(key, known);
            anySources = true;
        }
        return known;
    }

    /**
     * A new inode for {@code use} after {@code EMLINK} (the filesystem's link limit on the current
     * source). Later links of the same use go to the new inode.
     */
    public synchronized Source freshSource(Use use, Source exhausted) throws IOException {
        Use key = keyOf(use);
        Source current = sources.get(key);
        if (current != null && !current.name().equals(exhausted.name())) {
            return current;
        }
        String name = relativeName(use.digest()) + "." + variantSuffix(use) + ".n" + freshCounter.incrementAndGet();
        makeVariant(use, name);
        Source fresh = Source.of(name);
        sources.put(key, fresh);
        anySources = true;
        return fresh;
    }

    /** The variant for a use the asset does not fit, made now if it is missing or does not fit either. */
    private Source variant(Use use) throws IOException {
        String variant = relativeName(use.digest()) + "." + variantSuffix(use);
        LinuxNativeFs.Stat existing = LinuxNativeFs.statxIfExists(fd(), LinuxNativeFs.bytes(variant),
                LinuxNativeFs.AT_SYMLINK_NOFOLLOW);
        if (existing == null || !fits(existing, use)) {
            // missing, or chmodded/chowned since it was made: its name would lie about it
            Files.deleteIfExists(root.resolve(variant));
            makeVariant(use, variant);
        }
        return Source.of(variant);
    }

    /** Whether a file has exactly the use's permission bits (and owner, when honoured). */
    private static boolean fits(LinuxNativeFs.Stat st, Use use) {
        return (st.mode() & 07777) == use.permissions()
                && (use.uid() < 0 || (st.uid() == use.uid() && st.gid() == use.gid()));
    }

    /** Only a regular file may be linked into a tree or copied into a variant. */
    private void requireRegular(Digest128 digest, LinuxNativeFs.Stat st) throws IOException {
        if ((st.mode() & 0170000) != 0100000) {
            throw new IOException("\"" + pathFor(digest) + "\": store file is not a regular file (mode "
                    + Integer.toOctalString(st.mode()) + "); run moss state verify");
        }
    }

    private static String variantSuffix(Use use) {
        return Integer.toOctalString(use.permissions()) + "-" + Math.max(use.uid(), 0) + "-" + Math.max(use.gid(), 0);
    }

    /** Copies (reflinking where possible) the asset to {@code name}, sets mode and owner, renames. */
    private void makeVariant(Use use, String name) throws IOException {
        Path source = pathFor(use.digest());
        Path target = root.resolve(name);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.deleteIfExists(part);
        FileCopy.cloneOrCopy(source, part);
        try {
            byte[] p = LinuxNativeFs.bytes(part.toString());
            LinuxNativeFs.fchmodat(LinuxNativeFs.AT_FDCWD, p, use.permissions());
            if (use.uid() >= 0) {
                LinuxNativeFs.lchownat(LinuxNativeFs.AT_FDCWD, p, use.uid(), use.gid());
                // chown clears setuid/setgid, so the mode goes on again afterwards
                LinuxNativeFs.fchmodat(LinuxNativeFs.AT_FDCWD, p, use.permissions());
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            made.add(name);
        } catch (NativeIOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (fd >= 0) {
            LinuxNativeFs.close(fd);
            fd = -1;
        }
    }
}
