package dev.moss.db.meta;

import java.util.Objects;

/**
 * The part of a package's metadata a one-line listing shows. Reading only these columns, and none
 * of the dependency, provider, license and conflict rows, makes {@code moss list installed} of
 * hundreds of packages several times cheaper than reading whole {@link MetaEntry}s.
 */
public record MetaSummary(String id, String name, String version, long release, String summary) {
    public MetaSummary {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(version);
        Objects.requireNonNull(summary);
    }
}
