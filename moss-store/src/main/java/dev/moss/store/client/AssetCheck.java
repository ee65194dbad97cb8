package dev.moss.store.client;

import dev.moss.format.digest.Digest128;
import dev.moss.store.asset.AssetStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.LongAdder;

/**
 * The asset pass of {@code state verify}: every asset a layout needs, and every mode/owner
 * variant beside it, is read and hashed exactly once, in parallel. Missing assets and files whose
 * bytes do not match their name are issues; what each inode holds is remembered for the tree pass.
 *
 * <p>The empty file need not be in the store (blits never link it, they create a fresh empty file
 * instead), but when it is, it must be empty.
 */
final class AssetCheck {
    /** Digests per leaf task: small, so slow files spread over the workers. */
    private static final int CHUNK = 32;

    private final AssetStore store;
    private final VerifyScan scan;
    /** Whether owners are compared (running as root; otherwise the store keeps the caller's). */
    private final boolean owners;
    private final LongAdder done = new LongAdder();
    private final LongAdder files = new LongAdder();

    AssetCheck(AssetStore store, VerifyScan scan, boolean owners) {
        this.store = store;
        this.scan = scan;
        this.owners = owners;
    }

    /** Checks {@code digests}; returns the number of files (assets and variants) checked. */
    long run(Set<Digest128> digests, ClientListener listener) throws IOException {
        Digest128[] all = digests.stream().sorted().toArray(Digest128[]::new);
        scan.run(new Range(all, 0, all.length), done::sum, all.length, listener);
        return files.sum();
    }

    private final class Range extends RecursiveAction {
        private final Digest128[] digests;
        private final int from;
        private final int to;

        Range(Digest128[] digests, int from, int to) {
            this.digests = digests;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from > CHUNK) {
                int mid = (from + to) >>> 1;
                invokeAll(new Range(digests, from, mid), new Range(digests, mid, to));
                return;
            }
            try {
                for (int i = from; i < to; i++) {
                    Digest128 d = digests[i];
                    Path asset = store.pathFor(d);
                    check(asset, d, VerifyIssue.Kind.CORRUPT_ASSET, !d.equals(Digest128.EMPTY));
                    for (Path v : variants(asset)) {
                        check(v, d, VerifyIssue.Kind.CORRUPT_VARIANT, false);
                    }
                    done.increment();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The variants beside {@code asset}: files named {@code <hex>.<suffix>} in its directory
     * ({@code .part} files excepted, they are unfinished writes). Listing the asset's own fan-out
     * directory, which rarely holds anything else, is cheaper than walking the whole store.
     */
    private static List<Path> variants(Path asset) throws IOException {
        String prefix = asset.getFileName() + ".";
        List<Path> out = new ArrayList<>(1);
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(asset.getParent(), p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && !name.endsWith(".part");
        })) {
            dir.forEach(out::add);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    private void check(Path file, Digest128 digest, VerifyIssue.Kind corrupt, boolean required) throws IOException {
        ContentHasher.Lstat st;
        try {
            st = ContentHasher.Lstat.of(file);
        } catch (NoSuchFileException e) {
            if (required) {
                scan.storeIssue(VerifyIssue.Kind.MISSING_ASSET, file, digest, "");
            }
            return; // a variant removed since the listing (pruned): nothing links it any more
        }
        files.increment();
        if (!st.isRegular()) {
            scan.storeIssue(corrupt, file, digest, "a " + TreeCheck.typeName(st.type()));
            return;
        }
        Digest128 actual = scan.content(file, st);
        if (!actual.equals(digest)) {
            scan.storeIssue(corrupt, file, digest, actual.toHex());
        } else if (corrupt == VerifyIssue.Kind.CORRUPT_VARIANT) {
            checkVariantMode(file, digest, st);
        }
    }

    /**
     * A variant exists for its mode and owner, which its name states ({@code <hex>.<mode>-<uid>-<gid>},
     * maybe followed by {@code .n<k>}); blits reuse it by name, so a variant whose inode was
     * chmodded would hand the wrong mode to every new tree.
     */
    private void checkVariantMode(Path file, Digest128 digest, ContentHasher.Lstat st) {
        String name = file.getFileName().toString();
        String[] suffix = name.substring(name.indexOf('.') + 1).split("\\.")[0].split("-");
        if (suffix.length != 3) {
            return; // not a name the store makes: nothing to compare with
        }
        int mode;
        int uid;
        int gid;
        try {
            mode = Integer.parseInt(suffix[0], 8);
            uid = Integer.parseInt(suffix[1]);
            gid = Integer.parseInt(suffix[2]);
        } catch (NumberFormatException e) {
            return;
        }
        boolean wrongOwner = owners && (st.uid() != uid || st.gid() != gid);
        if (st.permissions() != mode || wrongOwner) {
            scan.storeIssue(VerifyIssue.Kind.CORRUPT_VARIANT, file, digest, "mode " + TreeCheck.mode(st.permissions())
                    + " owner " + st.uid() + ":" + st.gid() + ", its name says mode " + TreeCheck.mode(mode)
                    + (owners ? " owner " + uid + ":" + gid : ""));
        }
    }
}
