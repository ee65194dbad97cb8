package dev.moss.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void splitsScriptsIntoStatementsAndSkipsComments() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE a (
                    x TEXT -- trailing comments are kept inside the statement
                );

                CREATE INDEX i ON a (x);
                """;
        assertThat(Migrations.statements(script)).containsExactly(
                "CREATE TABLE a (\n    x TEXT -- trailing comments are kept inside the statement\n);",
                "CREATE INDEX i ON a (x);");
    }

    @Test
    void unterminatedStatementIsAnError() {
        assertThatThrownBy(() -> Migrations.statements("CREATE TABLE a (x)"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CREATE TABLE a (x)");
    }

    @Test
    void knowsTheShippedVersions() {
        assertThat(Migrations.latest(Schema.META)).isEqualTo(2);
        assertThat(Migrations.latest(Schema.LAYOUT)).isEqualTo(2);
        assertThat(Migrations.latest(Schema.STATE)).isEqualTo(1);
    }

    @Test
    void migratingTwiceChangesNothing() throws Exception {
        Path file = dir.resolve("install");
        try (Connection c = RawSqlite.connect(file)) {
            assertThat(Migrations.migrate(c, Schema.META)).isZero();
            String schemaAfterFirst = schemaText(file);
            assertThat(Migrations.migrate(c, Schema.META)).isEqualTo(2);
            assertThat(schemaText(file)).isEqualTo(schemaAfterFirst);
            assertThat(Migrations.currentVersion(c)).isEqualTo(2);
        }
    }

    @Test
    void versionZeroWithTablesPresentIsMigratedInPlace() throws Exception {
        // diesel-era moss created the same tables but never set user_version.
        Path file = dir.resolve("layout");
        RawSqlite.execute(file, """
                CREATE TABLE layout (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, package_id TEXT NOT NULL,
                  uid INTEGER NOT NULL, gid INTEGER NOT NULL, mode INTEGER NOT NULL, tag INTEGER NOT NULL,
                  entry_type TEXT NOT NULL, entry_value1 TEXT NULL, entry_value2 TEXT NULL);
                CREATE TABLE __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL,
                  run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP);
                INSERT INTO layout (package_id, uid, gid, mode, tag, entry_type, entry_value1, entry_value2)
                  VALUES ('p', 0, 0, 16877, 0, 'directory', 'share', NULL)
                """);
        try (Database db = Database.open(file, Schema.LAYOUT)) {
            assertThat(db.schemaVersion()).isEqualTo(2);
        }
        assertThat(RawSqlite.scalar(file, "SELECT count(*) FROM layout")).isEqualTo(1);
    }

    private static String schemaText(Path file) throws Exception {
        return RawSqlite.rows(file, "SELECT type, name, sql FROM sqlite_master ORDER BY name").toString();
    }
}
