package dev.moss.store.client;

import dev.moss.format.digest.Digest128;
import dev.moss.store.asset.AssetStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final LongAdder done = new LongAdder();
    private final LongAdder files = new LongAdder();

    AssetCheck(AssetStore store, VerifyScan scan) {
        this.store = store;
        this.scan = scan;
    }

    /** Checks {@code digests}; returns the number of files (assets and variants) checked. */
    long run(Set<Digest128> digests, ClientListener listener) throws IOException {
        Digest128[] all = digests.stream().sorted().toArray(Digest128[]::new);
        Map<Digest128, List<Path>> variants = variants(digests);
        scan.run(new Range(all, variants, 0, all.length), done::sum, all.length, listener);
        return files.sum();
    }

    /**
     * The variants in the store, by the digest they copy: files named {@code <hex>.<suffix>}
     * ({@code .part} files excepted, they are unfinished writes). One walk of the store.
     */
    private Map<Digest128, List<Path>> variants(Set<Digest128> wanted) throws IOException {
        Map<Digest128, List<Path>> out = new HashMap<>();
        if (!Files.isDirectory(store.root())) {
            return out;
        }
        Files.walkFileTree(store.root(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                int dot = name.indexOf('.');
                if (dot <= 0 || name.endsWith(".part")) {
                    return FileVisitResult.CONTINUE;
                }
                Digest128 base;
                try {
                    base = Digest128.fromHex(name.substring(0, dot));
                } catch (IllegalArgumentException e) {
                    return FileVisitResult.CONTINUE; // not a store file: none of verify's business
                }
                if (wanted.contains(base) && file.getParent().equals(store.pathFor(base).getParent())) {
                    out.computeIfAbsent(base, k -> new ArrayList<>()).add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    private final class Range extends RecursiveAction {
        private final Digest128[] digests;
        private final Map<Digest128, List<Path>> variants;
        private final int from;
        private final int to;

        Range(Digest128[] digests, Map<Digest128, List<Path>> variants, int from, int to) {
            this.digests = digests;
            this.variants = variants;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from > CHUNK) {
                int mid = (from + to) >>> 1;
                invokeAll(new Range(digests, variants, from, mid), new Range(digests, variants, mid, to));
                return;
            }
            try {
                for (int i = from; i < to; i++) {
                    Digest128 d = digests[i];
                    check(store.pathFor(d), d, VerifyIssue.Kind.CORRUPT_ASSET, !d.equals(Digest128.EMPTY));
                    for (Path v : variants.getOrDefault(d, List.of())) {
                        check(v, d, VerifyIssue.Kind.CORRUPT_VARIANT, false);
                    }
                    done.increment();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void check(Path file, Digest128 digest, VerifyIssue.Kind corrupt, boolean required) throws IOException {
        ContentHasher.Lstat st;
        try {
            st = ContentHasher.Lstat.of(file);
        } catch (NoSuchFileException e) {
            if (required) {
                scan.storeIssue(VerifyIssue.Kind.MISSING_ASSET, file, digest, "");
            }
            return; // a variant that vanished since the walk was pruned: nothing links it any more
        }
        files.increment();
        if (!st.isRegular()) {
            scan.storeIssue(corrupt, file, digest, TreeCheck.typeName(st.type()));
            return;
        }
        Digest128 actual = scan.content(file, st);
        if (!actual.equals(digest)) {
            scan.storeIssue(corrupt, file, digest, actual.toHex());
        }
    }
}
