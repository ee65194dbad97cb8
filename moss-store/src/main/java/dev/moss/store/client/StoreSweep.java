package dev.moss.store.client;

import dev.moss.format.digest.Digest128;
import dev.moss.store.state.CrashPoint;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * Deletes what no database row refers to any more (reference section 3.4, steps 4-5): cached
 * stones whose hash no package has, assets (and their mode/owner variants) whose digest no
 * layout has, leftover {@code .part} files, and directories that end up empty.
 *
 * <p>Runs after the rows are gone; a crash half-way leaves only more files to sweep next time.
 */
final class StoreSweep {
    /** Files removed and bytes freed. */
    record Swept(long files, long bytes) {
        Swept plus(Swept o) {
            return new Swept(files + o.files, bytes + o.bytes);
        }
    }

    private StoreSweep() {}

    static Swept run(Client client) throws IOException {
        Set<String> hashes = new HashSet<>(client.meta().hashes());
        Set<String> assets = new HashSet<>();
        for (Digest128 d : client.layout().regularDigests()) {
            assets.add(d.toHex()); // asset file names are the unpadded hex
        }
        Swept downloads = sweep(client.installation().downloadsDir(), name -> hashes.contains(name));
        // a variant is <hex>.<mode>-<uid>-<gid>: it lives and dies with its asset
        Swept store = sweep(client.installation().assetsDir(), name -> {
            int dot = name.indexOf('.');
            return assets.contains(dot < 0 ? name : name.substring(0, dot)) && !name.endsWith(".part");
        });
        client.assets().forgetAll(); // files and directories were deleted behind its back
        return downloads.plus(store);
    }

    private interface Keep {
        boolean keep(String fileName);
    }

    private static Swept sweep(Path dir, Keep keep) throws IOException {
        if (!Files.isDirectory(dir)) {
            return new Swept(0, 0);
        }
        long[] counts = new long[2];
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!keep.keep(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                    CrashPoint.reached("sweep-file");
                    counts[0]++;
                    counts[1] += attrs.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                if (!d.equals(dir)) {
                    try {
                        Files.delete(d);
                    } catch (DirectoryNotEmptyException notEmpty) {
                        // still holds kept files
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new Swept(counts[0], counts[1]);
    }
}
