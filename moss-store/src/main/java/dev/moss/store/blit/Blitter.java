package dev.moss.store.blit;

import static dev.moss.store.fs.LinuxNativeFs.EEXIST;
import static dev.moss.store.fs.LinuxNativeFs.EMLINK;
import static dev.moss.store.fs.LinuxNativeFs.EXDEV;

import dev.moss.format.digest.Digest128;
import dev.moss.format.record.EntryType;
import dev.moss.store.asset.AssetStore;
import dev.moss.store.asset.FileCopy;
import dev.moss.store.asset.MissingAssetException;
import dev.moss.store.fs.LinuxNativeFs;
import dev.moss.store.fs.NativeIOException;
import dev.moss.store.state.CrashPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.LongAdder;

/**
 * Writes a {@link VfsTree} as a real directory tree: directories, symlinks, and regular files
 * hardlinked from the asset store, every entry with exactly its layout mode (and owner, as root).
 * All creation is relative to directory file descriptors opened without following symlinks, on
 * a tree that starts empty, so no entry can land outside the target. Subtrees are written in
 * parallel.
 */
public final class Blitter {
    private final AssetStore assets;
    private final BlitListener listener;
    private final boolean root;
    private final int threads;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private final LongAdder dirs = new LongAdder();
    private final LongAdder files = new LongAdder();
    private final LongAdder links = new LongAdder();
    private final LongAdder specials = new LongAdder();
    private final LongAdder copied = new LongAdder();

    private int assetsFd = -1;
    /** Without root every entry gets these instead of its layout's owner; said once per blit. */
    private final int euid;
    private final int egid;

    public Blitter(AssetStore assets, BlitListener listener, boolean root, int threads) {
        this.assets = assets;
        this.listener = listener;
        this.root = root;
        this.threads = Math.max(1, threads);
        this.euid = root ? 0 : LinuxNativeFs.geteuid();
        this.egid = root ? 0 : LinuxNativeFs.getegid();
    }

    /**
     * Blits {@code tree} into {@code target}, which must not exist; its parent must. On failure
     * the partial tree is left for the caller to remove (it is a staging tree, never live).
     */
    public BlitStats blit(VfsTree tree, Path target) throws IOException {
        long start = System.nanoTime();
        int oldMask = LinuxNativeFs.umask(0); // modes must come out exactly as the layout says
        int parentFd = -1;
        int targetFd = -1;
        try {
            assetsFd = assets.openForWriting(); // owned by the store
            parentFd = LinuxNativeFs.openDirectory(target.getParent().toString());
            byte[] name = LinuxNativeFs.bytes(target.getFileName().toString());
            TreeNode.Dir top = tree.root();
            LinuxNativeFs.mkdirat(parentFd, name, top.permissions());
            targetFd = LinuxNativeFs.openDirectory(parentFd, name);
            DirTask task = new DirTask(top, targetFd, target);
            try (ForkJoinPool pool = new ForkJoinPool(threads)) {
                pool.invoke(task);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            LinuxNativeFs.umask(oldMask);
            for (int fd : new int[] {parentFd, targetFd}) {
                if (fd >= 0) {
                    LinuxNativeFs.close(fd);
                }
            }
            assetsFd = -1;
        }
        return new BlitStats(dirs.sum(), files.sum(), links.sum(), specials.sum(), copied.sum(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Creates the children of one directory (whose fd it owns) and forks its subdirectories. */
    private final class DirTask extends RecursiveAction {
        private final TreeNode.Dir dir;
        private final int fd;
        private final Path path;
        /** Counted here and added to the blit's totals once per directory, not once per entry. */
        private int madeDirs;
        private int madeFiles;
        private int madeLinks;
        private int madeSpecials;
        private int madeCopies;

        DirTask(TreeNode.Dir dir, int fd, Path path) {
            this.dir = dir;
            this.fd = fd;
            this.path = path;
        }

        @Override
        protected void compute() {
            List<DirTask> forks = new ArrayList<>();
            try {
                for (TreeNode child : dir.children) {
                    switch (child) {
                        case TreeNode.Dir d -> forks.add(makeDir(d));
                        case TreeNode.File f -> makeFile(f);
                        case TreeNode.Link l -> makeLink(l);
                        case TreeNode.Special s -> makeSpecial(s);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                count();
                if (forks.isEmpty()) {
                    LinuxNativeFs.close(fd);
                }
            }
            if (!forks.isEmpty()) {
                try {
                    invokeAll(forks);
                } finally {
                    LinuxNativeFs.close(fd);
                }
            }
        }

        private void count() {
            dirs.add(madeDirs);
            files.add(madeFiles);
            links.add(madeLinks);
            specials.add(madeSpecials);
            copied.add(madeCopies);
        }

        private DirTask makeDir(TreeNode.Dir d) throws IOException {
            LinuxNativeFs.mkdirat(fd, d.name, d.permissions());
            setOwner(d);
            if ((d.permissions() & 07000) != 0) {
                // mkdir may drop setgid/sticky; and chown above clears setuid/setgid
                LinuxNativeFs.fchmodat(fd, d.name, d.permissions());
            }
            madeDirs++;
            CrashPoint.reached("blit-entry");
            int child = LinuxNativeFs.openDirectory(fd, d.name);
            return new DirTask(d, child, path.resolve(d.name()));
        }

        private void makeLink(TreeNode.Link l) throws IOException {
            LinuxNativeFs.symlinkat(l.text, fd, l.name);
            setOwner(l);
            madeLinks++;
            CrashPoint.reached("blit-entry");
        }

        private void makeFile(TreeNode.File f) throws IOException {
            if (f.digest.equals(Digest128.EMPTY)) {
                // A fresh inode per empty file: thousands of links to one would hit EMLINK.
                int out = LinuxNativeFs.openat(fd, f.name,
                        LinuxNativeFs.O_WRONLY | LinuxNativeFs.O_CREAT | LinuxNativeFs.O_EXCL, f.permissions());
                LinuxNativeFs.close(out);
                setOwner(f);
                if ((f.permissions() & 06000) != 0) {
                    LinuxNativeFs.fchmodat(fd, f.name, f.permissions());
                }
                madeFiles++;
                CrashPoint.reached("blit-entry");
                return;
            }
            noteUnsetOwner(f);
            AssetStore.Use use = new AssetStore.Use(f.digest, f.permissions(), f.uid, f.gid);
            AssetStore.Source source = assets.knownSource(use);
            boolean unseen = source == null;
            if (unseen) {
                source = AssetStore.assetSource(f.digest);
            }
            int err = LinuxNativeFs.linkat(assetsFd, source.bytes(), fd, f.name, 0);
            if (unseen && err == 0) {
                // The asset's stat read through the link just made (the same inode): one name to
                // look up in a directory in hand, where probing the store walks four.
                AssetStore.Source instead;
                try {
                    instead = assets.linked(use, LinuxNativeFs.statx(fd, f.name, LinuxNativeFs.AT_SYMLINK_NOFOLLOW));
                } catch (IOException e) {
                    LinuxNativeFs.unlinkat(fd, f.name, 0); // not a file to leave in any tree
                    throw e;
                }
                if (instead != null) {
                    LinuxNativeFs.unlinkat(fd, f.name, 0);
                    source = instead;
                    err = LinuxNativeFs.linkat(assetsFd, source.bytes(), fd, f.name, 0);
                }
            }
            if (err == EMLINK) {
                source = assets.freshSource(use, source);
                err = LinuxNativeFs.linkat(assetsFd, source.bytes(), fd, f.name, 0);
            }
            if (err == LinuxNativeFs.ENOENT) {
                throw new MissingAssetException(assets.root().resolve(source.name()).toString());
            }
            if (err == EXDEV || err == LinuxNativeFs.EPERM || err == LinuxNativeFs.EOPNOTSUPP) {
                copyFile(f, source);
            } else if (err != 0) {
                throw new NativeIOException("link", "\"" + path.resolve(f.name()) + "\"", err,
                        err == EEXIST ? "two entries with one name" : LinuxNativeFs.strerror(err));
            }
            madeFiles++;
            CrashPoint.reached("blit-entry");
        }

        /** Where hardlinks are impossible (another filesystem), a reflink or a copy. */
        private void copyFile(TreeNode.File f, AssetStore.Source source) throws IOException {
            Path target = path.resolve(f.name());
            FileCopy.cloneOrCopy(assets.root().resolve(source.name()), target);
            setOwner(f);
            LinuxNativeFs.fchmodat(fd, f.name, f.permissions());
            madeCopies++;
        }

        private void makeSpecial(TreeNode.Special s) throws IOException {
            int typeBits = s.type.modeTypeBits();
            boolean device = s.type == EntryType.CHARACTER_DEVICE || s.type == EntryType.BLOCK_DEVICE;
            if (s.type == EntryType.UNKNOWN || (device && !root)) {
                warnOnce(s.type.dbName, s.type == EntryType.UNKNOWN
                        ? "entries of unknown type were skipped"
                        : s.type.dbName + " nodes were skipped: creating them needs root");
                return;
            }
            // The format stores no device numbers, so devices are created as 0:0.
            LinuxNativeFs.mknodat(fd, s.name, typeBits | s.permissions(), 0);
            setOwner(s);
            madeSpecials++;
        }

        private void setOwner(TreeNode n) throws NativeIOException {
            noteUnsetOwner(n);
            if (root && (n.uid != 0 || n.gid != 0)) {
                LinuxNativeFs.lchownat(fd, n.name, n.uid, n.gid);
                if (!(n instanceof TreeNode.Link) && (n.permissions() & 06000) != 0) {
                    LinuxNativeFs.fchmodat(fd, n.name, n.permissions()); // chown cleared setuid/setgid
                }
            }
        }
    }

    private void noteUnsetOwner(TreeNode n) {
        if (!root && (n.uid != euid || n.gid != egid)) {
            warnOnce("owners", "not running as root: files keep owner " + euid + ":" + egid
                    + " instead of the owners packages ask for (e.g. " + n.uid + ":" + n.gid + " for " + n.name() + ")");
        }
    }

    private void warnOnce(String key, String message) {
        if (warned.add(key)) {
            listener.warning(message);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
