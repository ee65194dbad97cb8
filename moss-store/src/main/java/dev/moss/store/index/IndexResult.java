package dev.moss.store.index;

import java.nio.file.Path;
import java.util.List;

/**
 * A written repository index.
 *
 * @param indexFile the {@code stone.index} written
 * @param stonesFound how many {@code *.stone} files were read
 * @param packages the entries, in index order (by name)
 */
public record IndexResult(Path indexFile, int stonesFound, List<IndexedPackage> packages) {
    public IndexResult {
        packages = List.copyOf(packages);
    }
}
