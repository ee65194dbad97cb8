package dev.moss.db.state;

import java.util.Objects;
import java.util.Optional;

/**
 * One package of a state: its id, whether the user asked for it ({@code explicit}) or it came in
 * as a dependency, and an optional free-text reason (upstream never sets one).
 */
public record Selection(String packageId, boolean explicit, Optional<String> reason) {
    public Selection {
        Objects.requireNonNull(packageId);
        Objects.requireNonNull(reason);
        if (packageId.isEmpty()) {
            throw new IllegalArgumentException("empty package id");
        }
    }

    /** A package the user asked for. */
    public static Selection explicit(String packageId) {
        return new Selection(packageId, true, Optional.empty());
    }

    /** A package pulled in as a dependency. */
    public static Selection transitive(String packageId) {
        return new Selection(packageId, false, Optional.empty());
    }
}
