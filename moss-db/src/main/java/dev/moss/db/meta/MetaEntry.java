package dev.moss.db.meta;

import dev.moss.format.meta.PackageMeta;
import java.util.Objects;

/** A package's metadata together with its id (the SHA-256 of its stone, or a local id). */
public record MetaEntry(String id, PackageMeta meta) {
    public MetaEntry {
        Objects.requireNonNull(id);
        Objects.requireNonNull(meta);
    }
}
