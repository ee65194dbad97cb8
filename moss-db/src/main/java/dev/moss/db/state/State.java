package dev.moss.db.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A recorded system state: the full set of selected packages after one transaction. States are
 * never changed after they are added.
 *
 * @param created when the row was inserted, to the second (SQLite {@code unixepoch()})
 * @param summary what made it, e.g. {@code Install}, {@code Remove} or {@code Sync}
 * @param selections in the order they were added
 */
public record State(StateId id, StateKind type, Instant created, Optional<String> summary,
        Optional<String> description, List<Selection> selections) {
    public State {
        Objects.requireNonNull(id);
        Objects.requireNonNull(type);
        Objects.requireNonNull(created);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(description);
        selections = List.copyOf(selections);
    }
}
