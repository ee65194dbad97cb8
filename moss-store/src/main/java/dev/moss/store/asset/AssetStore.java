package dev.moss.store.asset;

import dev.moss.format.digest.Digest128;
import dev.moss.store.fs.LinuxNativeFs;
import dev.moss.store.fs.NativeIOException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The content-addressed store, {@code .moss/assets/v2}: one file per XXH3-128 digest, named by
 * its unpadded hex and fanned out as {@code aa/bb/cc/<hex>} (digests under 10 hex digits sit
 * at the top). A file at its final name is always complete and verified: writers go through a
 * {@code .part} file that is renamed only after its digest matched.
 *
 * <p>Hardlinks share their inode's mode and owner, so an entry whose (mode, uid, gid) differs
 * from the asset's gets a <em>variant</em> beside it, {@code <hex>.<octal mode>-<uid>-<gid>}.
 * The asset's {@code stat} is the truth; no table repeats it.
 */
public final class AssetStore {
    private final Path root;
    private final boolean honourOwners;
    /** (digest, mode, uid, gid) -> file to link, relative to the root. */
    private final ConcurrentMap<Use, String> sources = new ConcurrentHashMap<>();
    private final AtomicInteger freshCounter = new AtomicInteger();

    /** What one layout entry needs of an asset. */
    public record Use(Digest128 digest, int permissions, int uid, int gid) {}

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
        String hex = digest.toHex();
        if (hex.length() < 10) {
            return hex;
        }
        return hex.substring(0, 2) + '/' + hex.substring(2, 4) + '/' + hex.substring(4, 6) + '/' + hex;
    }

    public Path pathFor(Digest128 digest) {
        return root.resolve(relativeName(digest));
    }

    public boolean contains(Digest128 digest) {
        return Files.exists(pathFor(digest), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Promotes a verified {@code .part} file to its final name. The file must already hold the
     * digest's bytes and the wanted mode. Returns false if another writer got there first (the
     * part is then removed): both files are identical by construction.
     */
    public boolean promote(Path part, Digest128 digest) throws IOException {
        Path target = pathFor(digest);
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException e) {
            if (!Files.exists(part)) {
                throw e;
            }
            Files.createDirectories(target.getParent());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("asset store " + root + " cannot rename atomically", e);
        }
    }

    /** A sibling {@code .part} path for a digest, creating the fan-out directories. */
    public Path partFor(Digest128 digest) throws IOException {
        Path target = pathFor(digest);
        Files.createDirectories(target.getParent());
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /**
     * The file (relative to the root) to hardlink for {@code use}: the asset itself when its
     * mode and owner fit, else a variant, made now by reflink or copy if it does not exist.
     */
    public String linkSource(Use use) throws IOException {
        Use key = honourOwners ? use : new Use(use.digest(), use.permissions(), -1, -1);
        String known = sources.get(key);
        if (known != null) {
            return known;
        }
        String made = resolve(key);
        String raced = sources.putIfAbsent(key, made);
        return raced != null ? raced : made;
    }

    /**
     * A new inode for {@code use} after {@code EMLINK} (the filesystem's link limit on the current
     * source). Later links of the same use go to the new inode.
     */
    public synchronized String freshSource(Use use, String exhausted) throws IOException {
        Use key = honourOwners ? use : new Use(use.digest(), use.permissions(), -1, -1);
        String current = sources.get(key);
        if (current != null && !current.equals(exhausted)) {
            return current;
        }
        String name = relativeName(use.digest()) + "." + variantSuffix(use) + ".n" + freshCounter.incrementAndGet();
        makeVariant(use, name);
        sources.put(key, name);
        return name;
    }

    private String resolve(Use use) throws IOException {
        String base = relativeName(use.digest());
        // one statx for mode and owner: this runs once per distinct (digest, mode, owner) of a blit
        LinuxNativeFs.Stat st = stat(root.resolve(base));
        if (st == null) {
            throw new java.nio.file.NoSuchFileException(root.resolve(base).toString(), null, "asset missing from the store");
        }
        boolean fits = fits(st, use);
        if (fits) {
            return base;
        }
        String variant = base + "." + variantSuffix(use);
        LinuxNativeFs.Stat existing = stat(root.resolve(variant));
        if (existing == null || !fits(existing, use)) {
            // missing, or chmodded/chowned since it was made: its name would lie about it
            Files.deleteIfExists(root.resolve(variant));
            makeVariant(use, variant);
        }
        return variant;
    }

    /** Whether a file has exactly the use's permission bits (and owner, when honoured). */
    private static boolean fits(LinuxNativeFs.Stat st, Use use) {
        return (st.mode() & 07777) == use.permissions()
                && (use.uid() < 0 || (st.uid() == use.uid() && st.gid() == use.gid()));
    }

    /** lstat in one call, or null when the file does not exist. */
    private static LinuxNativeFs.Stat stat(Path file) throws NativeIOException {
        try {
            return LinuxNativeFs.statx(LinuxNativeFs.AT_FDCWD, LinuxNativeFs.bytes(file.toString()),
                    LinuxNativeFs.AT_SYMLINK_NOFOLLOW);
        } catch (NativeIOException e) {
            if (e.errno() == LinuxNativeFs.ENOENT) {
                return null;
            }
            throw e;
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
        } catch (NativeIOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }
}
