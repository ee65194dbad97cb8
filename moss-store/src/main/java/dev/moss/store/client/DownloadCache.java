package dev.moss.store.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies of installed stones in {@code .moss/cache/downloads/v1}, where repository downloads go
 * too, so {@code state verify} can re-import lost or damaged assets. A file at its final name is
 * complete: copies go through {@code <sha>.part} and a rename.
 */
final class DownloadCache {
    private DownloadCache() {}

    /** Copies {@code stone} in unless a copy is there; returns the new copy, or null when there was one. */
    static Path store(Client client, Path stone, String sha256) throws IOException {
        Path target = client.downloadPath(sha256);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(sha256 + ".part");
        Files.copy(stone, part, StandardCopyOption.REPLACE_EXISTING);
        // the bytes hashed at plan time must be the bytes cached: the given file may have changed
        if (!LocalStone.sha256(part).equals(sha256)) {
            Files.deleteIfExists(part);
            throw new dev.moss.store.MossException("\"" + stone + "\": changed while being installed");
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
