package dev.moss.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void newDatabaseGetsEveryMigration() throws Exception {
        Path file = dir.resolve("install");
        try (Database db = Database.open(file, Schema.META)) {
            assertThat(db.schemaVersion()).isEqualTo(2).isEqualTo(Migrations.latest(Schema.META));
        }
        assertThat(RawSqlite.scalar(file, "PRAGMA user_version")).isEqualTo(2);
        assertThat(RawSqlite.scalar(file,
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'meta%'")).isEqualTo(5);
        assertThat(RawSqlite.scalar(file,
                "SELECT count(*) FROM sqlite_master WHERE name = 'meta_providers_provider_index'")).isEqualTo(1);
    }

    @Test
    void eachSchemaHasItsOwnVersion() throws Exception {
        try (Database layout = Database.open(dir.resolve("layout"), Schema.LAYOUT);
                Database state = Database.open(dir.resolve("state"), Schema.STATE)) {
            assertThat(layout.schemaVersion()).isEqualTo(2);
            assertThat(state.schemaVersion()).isEqualTo(1);
        }
    }

    @Test
    void reopeningKeepsRowsAndVersion() throws Exception {
        Path file = dir.resolve("state");
        try (Database db = Database.open(file, Schema.STATE)) {
            db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO state (type) VALUES ('transaction')"));
        }
        try (Database db = Database.open(file, Schema.STATE)) {
            assertThat(db.schemaVersion()).isEqualTo(1);
        }
        assertThat(RawSqlite.scalar(file, "SELECT count(*) FROM state")).isEqualTo(1);
    }

    @Test
    void pragmasFavourDurabilityAndForeignKeysFollowUpstream() throws Exception {
        try (Database meta = Database.open(dir.resolve("install"), Schema.META);
                Database layout = Database.open(dir.resolve("layout"), Schema.LAYOUT)) {
            assertThat(pragma(meta, "journal_mode")).isEqualTo("delete");
            assertThat(pragma(meta, "synchronous")).isEqualTo("2"); // FULL
            assertThat(pragma(meta, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(meta, "busy_timeout")).isEqualTo(String.valueOf(Database.BUSY_TIMEOUT_MILLIS));
            assertThat(pragma(layout, "foreign_keys")).isEqualTo("0");
        }
    }

    private static String pragma(Database db, String name) throws DatabaseException {
        return db.read("pragma", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    @Test
    void fileThatIsNotADatabaseIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("install");
        byte[] garbage = "this is a text file, not SQLite\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);

        assertThatThrownBy(() -> Database.open(file, Schema.META))
                .isInstanceOf(CorruptDatabaseException.class)
                .hasMessage(file + ": not a SQLite database");

        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("install");
        }
    }

    @Test
    void newerSchemaVersionIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("layout");
        RawSqlite.execute(file, "CREATE TABLE layout (id INTEGER PRIMARY KEY, future TEXT); PRAGMA user_version = 99");
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> Database.open(file, Schema.LAYOUT))
                .isInstanceOfSatisfying(UnsupportedSchemaVersionException.class, e -> {
                    assertThat(e.found()).isEqualTo(99);
                    assertThat(e.supported()).isEqualTo(2);
                })
                .hasMessage(file + ": schema version 99 is newer than this moss supports (2)");
        assertThatThrownBy(() -> Database.openReadOnly(file, Schema.LAYOUT))
                .isInstanceOf(UnsupportedSchemaVersionException.class);

        assertThat(Arrays.equals(Files.readAllBytes(file), before)).isTrue();
        assertThat(RawSqlite.scalar(file, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%index%'")).isZero();
    }

    @Test
    void missingDirectoryIsNamed() {
        Path file = dir.resolve("no/such/dir/state");
        assertThatThrownBy(() -> Database.open(file, Schema.STATE))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith(file + ": cannot create database: directory")
                .hasMessageContaining("does not exist");
    }

    @Test
    void failingWorkIsRolledBack() throws Exception {
        Path file = dir.resolve("state");
        try (Database db = Database.open(file, Schema.STATE)) {
            insertState(db, "kept");
            assertThatThrownBy(() -> db.inTransaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO state (type, summary) VALUES ('transaction', 'lost')");
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

            assertThatThrownBy(() -> db.inTransaction("adding a state", c -> {
                c.createStatement().executeUpdate("INSERT INTO state (type, summary) VALUES ('transaction', 'lost')");
                return c.createStatement().executeUpdate("INSERT INTO no_such_table VALUES (1)");
            })).isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith(file + ": adding a state: ")
                    .hasMessageContaining("no_such_table");

            // The connection is still usable after a rollback.
            insertState(db, "also kept");
        }
        assertThat(RawSqlite.rows(file, "SELECT summary FROM state ORDER BY id"))
                .containsExactly(java.util.List.of("kept"), java.util.List.of("also kept"));
    }

    @Test
    void failedNestedWorkRollsBackTheOuterTransactionEvenIfCaught() throws Exception {
        Path file = dir.resolve("state");
        try (Database db = Database.open(file, Schema.STATE)) {
            assertThatThrownBy(() -> db.inTransaction(c -> {
                insertState(db, "outer");
                try {
                    db.inTransaction(inner -> {
                        throw new IllegalStateException("inner failure");
                    });
                } catch (IllegalStateException swallowed) {
                    // ignored on purpose
                }
                return null;
            })).isInstanceOf(DatabaseException.class).hasMessageContaining("rolled back");

            db.inTransaction(c -> {
                insertState(db, "one");
                insertState(db, "two");
                return null;
            });
        }
        assertThat(RawSqlite.rows(file, "SELECT summary FROM state ORDER BY id"))
                .containsExactly(java.util.List.of("one"), java.util.List.of("two"));
    }

    private static void insertState(Database db, String summary) throws DatabaseException {
        db.inTransaction(c -> c.createStatement().executeUpdate(
                "INSERT INTO state (type, summary) VALUES ('transaction', '" + summary + "')"));
    }

    @Test
    void readOnlyOpenNeedsAnExistingDatabaseOfTheRightKind() throws Exception {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> Database.openReadOnly(missing, Schema.META))
                .isInstanceOf(DatabaseException.class)
                .hasMessage(missing + ": database does not exist");
        assertThat(missing).doesNotExist();

        Path state = dir.resolve("state");
        Database.open(state, Schema.STATE).close();
        assertThatThrownBy(() -> Database.openReadOnly(state, Schema.META))
                .isInstanceOf(DatabaseException.class)
                .hasMessage(state + ": not a moss meta database (no table meta)");
    }

    @Test
    void readOnlyDatabaseRefusesWrites() throws Exception {
        Path file = dir.resolve("state");
        Database.open(file, Schema.STATE).close();
        byte[] before = Files.readAllBytes(file);
        try (Database db = Database.openReadOnly(file, Schema.STATE)) {
            assertThat(db.isReadOnly()).isTrue();
            assertThatThrownBy(() -> insertState(db, "nope"))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith(file.toString());
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void closedDatabaseSaysSo() throws Exception {
        Path file = dir.resolve("state");
        Database db = Database.open(file, Schema.STATE);
        db.close();
        db.close();
        assertThatThrownBy(db::schemaVersion)
                .isInstanceOf(DatabaseException.class)
                .hasMessageEndingWith("database is closed");
    }

    @Test
    void writerWaitsForAnotherProcessesLockInsteadOfFailing() throws Exception {
        Path file = dir.resolve("state");
        Database.open(file, Schema.STATE).close();
        try (java.sql.Connection other = RawSqlite.connect(file); Database db = Database.open(file, Schema.STATE)) {
            other.createStatement().execute("BEGIN IMMEDIATE");
            other.createStatement().executeUpdate("INSERT INTO state (type, summary) VALUES ('transaction', 'other')");
            Thread releaser = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(300);
                    other.createStatement().execute("COMMIT");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            insertState(db, "ours"); // blocks on the busy timeout until the other writer commits
            releaser.join();
        }
        assertThat(RawSqlite.rows(file, "SELECT summary FROM state ORDER BY id"))
                .containsExactly(java.util.List.of("other"), java.util.List.of("ours"));
    }

    @Test
    void threadsSharingOneDatabaseAreSerialised() throws Exception {
        Path file = dir.resolve("state");
        try (Database db = Database.open(file, Schema.STATE)) {
            var threads = new java.util.ArrayList<Thread>();
            var failures = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 10; i++) {
                        String name = thread + "-" + i + "-";
                        try {
                            db.inTransaction(c -> {
                                insertState(db, name + "a");
                                insertState(db, name + "b");
                                return null;
                            });
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failures).isEmpty();
        }
        assertThat(RawSqlite.scalar(file, "SELECT count(*) FROM state")).isEqualTo(80);
        // Each transaction's two rows are adjacent: no interleaving between threads.
        var summaries = RawSqlite.rows(file, "SELECT summary FROM state ORDER BY id");
        for (int i = 0; i < summaries.size(); i += 2) {
            String a = summaries.get(i).getFirst();
            assertThat(summaries.get(i + 1).getFirst()).isEqualTo(a.substring(0, a.length() - 1) + "b");
        }
    }
}
