package dev.moss.db;

/**
 * The three kinds of moss database, each with its own migration scripts under
 * {@code db/<directory>/v<N>.sql} on the class path.
 */
public enum Schema {
    /** Package metadata: {@code db/install} and every {@code repo/<id>/db}. */
    META("meta", true, "meta"),
    /** Package layouts: {@code db/layout}. It has no foreign keys, and upstream does not enable them. */
    LAYOUT("layout", false, "layout"),
    /** States and their selections: {@code db/state}. */
    STATE("state", true, "state");

    /** Directory of the migration scripts under {@code db/} on the class path. */
    public final String directory;
    /** Whether connections run with {@code PRAGMA foreign_keys=ON}, as upstream moss does. */
    public final boolean foreignKeys;
    /** A table every version of this schema has; a read-only open checks that it exists. */
    final String requiredTable;

    Schema(String directory, boolean foreignKeys, String requiredTable) {
        this.directory = directory;
        this.foreignKeys = foreignKeys;
        this.requiredTable = requiredTable;
    }
}
