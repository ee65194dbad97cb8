package dev.moss.db;

import static dev.moss.db.TestPackages.sha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.db.layout.LayoutDb;
import dev.moss.db.layout.LayoutRow;
import dev.moss.db.meta.MetaDb;
import dev.moss.db.meta.MetaEntry;
import dev.moss.db.state.Selection;
import dev.moss.db.state.State;
import dev.moss.db.state.StateDb;
import dev.moss.db.state.StateId;
import dev.moss.db.state.StateKind;
import dev.moss.format.digest.Digest128;
import dev.moss.format.meta.Capability;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases as upstream moss leaves them: its version 1 DDL (reference section 3.1), written here
 * independently of our migration scripts, {@code user_version = 1}, and rows in upstream's text
 * forms. Our code must open them, migrate them without losing a row, and read them back.
 */
class UpstreamDatabaseTest {
    static final String UPSTREAM_META = """
            CREATE TABLE meta (package TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL,
              version_identifier TEXT NOT NULL, source_release INT NOT NULL, build_release INT NOT NULL,
              architecture TEXT NOT NULL, summary TEXT NOT NULL, description TEXT NOT NULL,
              source_id TEXT NOT NULL, homepage TEXT NOT NULL, uri TEXT NULL, hash TEXT NULL,
              download_size BIGINT NULL);
            CREATE TABLE meta_licenses (package TEXT NOT NULL, license TEXT NOT NULL,
              PRIMARY KEY (package, license), FOREIGN KEY (package) REFERENCES meta(package) ON DELETE CASCADE);
            CREATE TABLE meta_dependencies (package TEXT NOT NULL, dependency TEXT NOT NULL,
              PRIMARY KEY (package, dependency), FOREIGN KEY (package) REFERENCES meta(package) ON DELETE CASCADE);
            CREATE TABLE meta_providers (package TEXT NOT NULL, provider TEXT NOT NULL,
              PRIMARY KEY (package, provider), FOREIGN KEY (package) REFERENCES meta(package) ON DELETE CASCADE);
            CREATE TABLE meta_conflicts (package TEXT NOT NULL, conflict TEXT NOT NULL,
              PRIMARY KEY (package, conflict), FOREIGN KEY (package) REFERENCES meta(package) ON DELETE CASCADE);
            PRAGMA user_version = 1
            """;

    static final String UPSTREAM_LAYOUT = """
            CREATE TABLE layout (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, package_id TEXT NOT NULL,
              uid INTEGER NOT NULL, gid INTEGER NOT NULL, mode INTEGER NOT NULL, tag INTEGER NOT NULL,
              entry_type TEXT NOT NULL, entry_value1 TEXT NULL, entry_value2 TEXT NULL);
            PRAGMA user_version = 1
            """;

    static final String UPSTREAM_STATE = """
            CREATE TABLE state (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL,
              created BIGINT NOT NULL DEFAULT (unixepoch()), summary TEXT NULL, description TEXT NULL);
            CREATE TABLE state_selections (state_id INTEGER NOT NULL, package_id TEXT NOT NULL,
              explicit BOOLEAN NOT NULL, reason TEXT NULL, PRIMARY KEY (state_id, package_id),
              FOREIGN KEY (state_id) REFERENCES state(id) ON DELETE CASCADE);
            PRAGMA user_version = 1
            """;

    @TempDir
    Path dir;

    @Test
    void installDatabaseFromUpstreamOpensMigratesAndReads() throws Exception {
        Path file = dir.resolve("install");
        RawSqlite.execute(file, UPSTREAM_META + ";" + """
                INSERT INTO meta VALUES ('%1$s', 'bash', '5.2.37', 12, 1, 'x86_64', 'The GNU shell',
                  'Bash is the shell', 'bash', 'https://www.gnu.org/software/bash', NULL, NULL, NULL);
                INSERT INTO meta_licenses VALUES ('%1$s', 'GPL-3.0-or-later');
                INSERT INTO meta_dependencies VALUES ('%1$s', 'soname(libc.so.6(x86_64))');
                INSERT INTO meta_dependencies VALUES ('%1$s', 'name(bash-completion)');
                INSERT INTO meta_providers VALUES ('%1$s', 'binary(bash)');
                INSERT INTO meta_providers VALUES ('%1$s', 'name(bash)');
                INSERT INTO meta_conflicts VALUES ('%1$s', 'name(dash-as-sh)');
                INSERT INTO meta VALUES ('%2$s', 'zlib', '1.3', 3, 2, 'x86_64', '', '', 'zlib', '',
                  'z/zlib-1.3-3-2-x86_64.stone', '%2$s', 98765);
                INSERT INTO meta_providers VALUES ('%2$s', 'name(zlib)');
                INSERT INTO meta_providers VALUES ('%2$s', 'soname(libz.so.1(x86_64))')
                """.formatted(sha(1), sha(2)));

        PackageMeta bash = new PackageMeta("bash", "5.2.37", 12, 1, "x86_64", "The GNU shell", "Bash is the shell",
                "bash", "https://www.gnu.org/software/bash", List.of("GPL-3.0-or-later"),
                List.of(Capability.parse("soname(libc.so.6(x86_64))"), Capability.name("bash-completion")),
                List.of(Capability.parse("binary(bash)")), List.of(Capability.name("dash-as-sh")),
                Optional.empty(), Optional.empty(), Optional.empty());
        PackageMeta zlib = new PackageMeta("zlib", "1.3", 3, 2, "x86_64", "", "", "zlib", "", List.of(), List.of(),
                List.of(Capability.parse("soname(libz.so.1(x86_64))")), List.of(),
                Optional.of("z/zlib-1.3-3-2-x86_64.stone"), Optional.of(sha(2)), Optional.of(98765L));

        try (MetaDb db = MetaDb.openReadOnly(file)) {
            assertThat(db.database().schemaVersion()).isEqualTo(1);
            assertThat(db.get(sha(1))).contains(bash);
        }
        try (MetaDb db = MetaDb.open(file)) {
            assertThat(db.database().schemaVersion()).isEqualTo(2);
            assertThat(db.all()).containsExactly(new MetaEntry(sha(1), bash), new MetaEntry(sha(2), zlib));
            assertThat(db.byProvider(Capability.name("zlib"))).extracting(MetaEntry::id).containsExactly(sha(2));
            assertThat(db.byName("bash")).extracting(MetaEntry::id).containsExactly(sha(1));
            // Writing next to upstream's rows produces upstream's shape again.
            db.add(sha(3), bash);
            assertThat(db.remove(List.of(sha(1)))).isEqualTo(1);
        }
        assertThat(RawSqlite.scalar(file, "SELECT count(*) FROM meta_providers")).isEqualTo(4);
        assertThat(RawSqlite.rows(file, "SELECT provider FROM meta_providers WHERE package = '" + sha(3)
                + "' ORDER BY provider")).containsExactly(List.of("binary(bash)"), List.of("name(bash)"));
    }

    @Test
    void layoutDatabaseFromUpstreamOpensMigratesAndReads() throws Exception {
        Path file = dir.resolve("layout");
        Digest128 digest = Digest128.fromHex("8d1a9c6f4c0e0c8e3a6f1f0d2b7e4a11");
        RawSqlite.execute(file, UPSTREAM_LAYOUT + ";" + """
                INSERT INTO layout (package_id, uid, gid, mode, tag, entry_type, entry_value1, entry_value2)
                  VALUES ('%1$s', 0, 0, 33261, 0, 'regular', '%3$s', 'bin/bash');
                INSERT INTO layout (package_id, uid, gid, mode, tag, entry_type, entry_value1, entry_value2)
                  VALUES ('%1$s', 0, 0, 41471, 0, 'symlink', 'bash', 'bin/sh');
                INSERT INTO layout (package_id, uid, gid, mode, tag, entry_type, entry_value1, entry_value2)
                  VALUES ('%2$s', 0, 0, 16877, 0, 'directory', 'share/empty', NULL);
                INSERT INTO layout (package_id, uid, gid, mode, tag, entry_type, entry_value1, entry_value2)
                  VALUES ('%1$s', 0, 0, 33188, 0, 'regular', '204254712233039002205064565430793619839', 'share/bash/empty')
                """.formatted(sha(1), sha(2), "187559319997757097341649098310734989841"));
        assertThat(digest.toDecimal()).isEqualTo("187559319997757097341649098310734989841");

        List<LayoutRow> expected = List.of(
                new LayoutRow(sha(1), new LayoutRecord(0, 0, 0100755, 0, new LayoutEntry.Regular(digest, "bin/bash"))),
                new LayoutRow(sha(1), new LayoutRecord(0, 0, 0120777, 0, new LayoutEntry.Symlink("bash", "bin/sh"))),
                new LayoutRow(sha(2), new LayoutRecord(0, 0, 040755, 0, new LayoutEntry.Directory("share/empty"))),
                new LayoutRow(sha(1), new LayoutRecord(0, 0, 0100644, 0,
                        new LayoutEntry.Regular(Digest128.EMPTY, "share/bash/empty"))));
        try (LayoutDb db = LayoutDb.open(file)) {
            assertThat(db.database().schemaVersion()).isEqualTo(2);
            assertThat(db.query(List.of(sha(1), sha(2)))).containsExactlyElementsOf(expected);
            assertThat(db.regularDigests()).containsExactlyInAnyOrder(digest, Digest128.EMPTY);
            assertThat(db.searchFile("bin/")).hasSize(2);
        }
        assertThat(RawSqlite.scalar(file,
                "SELECT count(*) FROM sqlite_master WHERE name = 'layout_package_id_index'")).isEqualTo(1);
    }

    @Test
    void stateDatabaseFromUpstreamOpensAndReads() throws Exception {
        Path file = dir.resolve("state");
        RawSqlite.execute(file, UPSTREAM_STATE + ";" + """
                INSERT INTO state (type, created, summary, description) VALUES ('transaction', 1700000000, 'Install', NULL);
                INSERT INTO state_selections VALUES (1, '%1$s', 1, NULL);
                INSERT INTO state_selections VALUES (1, '%2$s', 0, NULL);
                INSERT INTO state (type, created, summary, description) VALUES ('transaction', 1700000100, NULL, NULL);
                INSERT INTO state_selections VALUES (2, '%1$s', 1, NULL)
                """.formatted(sha(1), sha(2)));
        byte[] before = Files.readAllBytes(file);

        State first = new State(StateId.of(1), StateKind.TRANSACTION, Instant.ofEpochSecond(1700000000),
                Optional.of("Install"), Optional.empty(),
                List.of(Selection.explicit(sha(1)), Selection.transitive(sha(2))));
        try (StateDb db = StateDb.open(file)) {
            assertThat(db.database().schemaVersion()).isEqualTo(1);
            assertThat(db.get(StateId.of(1))).contains(first);
            assertThat(db.list()).extracting(State::id).containsExactly(StateId.of(2), StateId.of(1));
            assertThat(db.list().getFirst().summary()).isEmpty();
        }
        // State is still at upstream's version, so opening it changed nothing at all.
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (StateDb db = StateDb.open(file)) {
            assertThat(db.add(List.of(Selection.explicit(sha(2))), "Sync").id()).isEqualTo(StateId.of(3));
            db.remove(List.of(StateId.of(1)));
        }
        assertThat(RawSqlite.scalar(file, "SELECT count(*) FROM state_selections")).isEqualTo(2);
    }
}
