package dev.moss.db.state;

import java.util.Optional;

/** The {@code state.type} column. Upstream only ever writes {@code transaction}. */
public enum StateKind {
    TRANSACTION("transaction");

    /** The text stored in the database. */
    public final String dbName;

    StateKind(String dbName) {
        this.dbName = dbName;
    }

    public static Optional<StateKind> fromDbName(String name) {
        for (StateKind k : values()) {
            if (k.dbName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
