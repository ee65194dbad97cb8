package dev.moss.db.meta;

import static dev.moss.db.TestPackages.meta;
import static dev.moss.db.TestPackages.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moss.db.CorruptDatabaseException;
import dev.moss.db.DatabaseException;
import dev.moss.db.RawSqlite;
import dev.moss.format.meta.Capability;
import dev.moss.format.meta.PackageMeta;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaDbTest {
    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void setUp() {
        file = dir.resolve("install");
    }

    @Test
    void everyFieldSurvivesARoundTrip() throws Exception {
        PackageMeta repoPackage = meta("zlib").withRepositoryFields("z/zlib-1.2.3-4-1-x86_64.stone", sha(7), 123_456L);
        PackageMeta withConflicts = new PackageMeta("nano", "8.0", 2, 3, "x86_64", "", "", "nano", "",
                List.of(), List.of(), List.of(), List.of(Capability.name("pico"), Capability.parse("binary(nano)")),
                Optional.empty(), Optional.empty(), Optional.empty());
        try (MetaDb db = MetaDb.open(file)) {
            db.add(sha(1), repoPackage);
            db.add(sha(2), withConflicts);
        }
        try (MetaDb db = MetaDb.open(file)) {
            assertThat(db.get(sha(1))).contains(repoPackage);
            assertThat(db.get(sha(2))).contains(withConflicts);
            assertThat(db.get(sha(3))).isEmpty();
        }
    }

    @Test
    void licensesKeepTheirOrder() throws Exception {
        PackageMeta m = meta("a");
        assertThat(m.licenses()).containsExactly("MIT", "Apache-2.0"); // not sorted
        try (MetaDb db = MetaDb.open(file)) {
            db.add(sha(1), m);
            assertThat(db.get(sha(1)).orElseThrow().licenses()).containsExactly("MIT", "Apache-2.0");
        }
    }

    @Test
    void ownNameProviderIsStoredOnceAndNotDuplicatedWhenRead() throws Exception {
        try (MetaDb db = MetaDb.open(file)) {
            db.add(sha(1), meta("bash"));
            PackageMeta read = db.get(sha(1)).orElseThrow();
            assertThat(read.provides()).extracting(Capability::toString)
                    .containsExactly("binary(bash)", "soname(libbash.so.1(x86_64))");
            assertThat(read.allProviders()).extracting(Capability::toString)
                    .containsExactly("name(bash)", "binary(bash)", "soname(libbash.so.1(x86_64))");
        }
        assertThat(RawSqlite.rows(file, "SELECT provider FROM meta_providers ORDER BY provider")).containsExactly(
                List.of("binary(bash)"), List.of("name(bash)"), List.of("soname(libbash.so.1(x86_64))"));
        assertThat(RawSqlite.rows(file, "SELECT dependency FROM meta_dependencies ORDER BY dependency"))
                .containsExactly(List.of("name(base)"), List.of("soname(libc.so.6(x86_64))"));
    }

    @Test
    void findsByNameAndByProviderTextExactly() throws Exception {
        try (MetaDb db = MetaDb.open(file)) {
            db.addAll(packages(Map.of(sha(1), meta("bash"), sha(2), meta("zsh"), sha(3), meta("bash"))));

            assertThat(db.byName("bash")).extracting(MetaEntry::id).containsExactly(sha(1), sha(3));
            assertThat(db.byName("bas")).isEmpty();

            assertThat(db.byProvider(Capability.name("zsh"))).extracting(MetaEntry::id).containsExactly(sha(2));
            assertThat(db.byProvider(Capability.parse("binary(bash)")))
                    .extracting(MetaEntry::id).containsExactly(sha(1), sha(3));
            assertThat(db.byProvider(Capability.parse("soname(libzsh.so.1(x86_64))")))
                    .singleElement().satisfies(e -> assertThat(e.meta()).isEqualTo(meta("zsh")));
            // Same name, other kind: no match.
            assertThat(db.byProvider(Capability.parse("pkgconfig(bash)"))).isEmpty();
            // A dependency is not a provider.
            assertThat(db.byProvider(Capability.name("base"))).isEmpty();
            assertThat(db.idsByProvider(Capability.parse("binary(bash)"))).containsExactly(sha(1), sha(3));
        }
    }

    @Test
    void searchMatchesNameOrSummaryAndTreatsWildcardsLiterally() throws Exception {
        PackageMeta underscore = new PackageMeta("lib_thing", "1", 1, 1, "x86_64", "100% useful", "", "s", "",
                List.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        try (MetaDb db = MetaDb.open(file)) {
            db.addAll(packages(Map.of(sha(1), meta("vim"), sha(2), meta("neovim"), sha(3), underscore,
                    sha(4), meta("libxthing"))));
            assertThat(db.search("VIM")).extracting(e -> e.meta().name()).containsExactly("vim", "neovim");
            assertThat(db.search("neovim package")).extracting(MetaEntry::id).containsExactly(sha(2));
            assertThat(db.search("b_t")).extracting(MetaEntry::id).containsExactly(sha(3));
            assertThat(db.search("0%")).extracting(MetaEntry::id).containsExactly(sha(3));
            assertThat(db.search("nothing like this")).isEmpty();
        }
    }

    @Test
    void byIdsReadsTheExistingOnesInOneGoOrderedById() throws Exception {
        try (MetaDb db = MetaDb.open(file)) {
            db.addAll(packages(Map.of(sha(1), meta("a"), sha(2), meta("b"), sha(3), meta("c"))));
            assertThat(db.byIds(List.of(sha(3), sha(9), sha(1)))).extracting(MetaEntry::id).containsExactly(sha(1), sha(3));
            assertThat(db.byIds(List.of(sha(2))).getFirst().meta()).isEqualTo(db.get(sha(2)).orElseThrow());
            assertThat(db.byIds(List.of())).isEmpty();
        }
    }

    @Test
    void summariesReadTheListedColumnsOrderedByNameThenId() throws Exception {
        try (MetaDb db = MetaDb.open(file)) {
            db.addAll(packages(Map.of(sha(1), meta("zed"), sha(2), meta("alpha"), sha(3), meta("alpha"),
                    sha(4), meta("mid"))));
            assertThat(db.summaries(List.of(sha(3), sha(1), sha(2), sha(9)))).containsExactly(
                    new MetaSummary(sha(2), "alpha", "1.2.3", 4, "The alpha package"),
                    new MetaSummary(sha(3), "alpha", "1.2.3", 4, "The alpha package"),
                    new MetaSummary(sha(1), "zed", "1.2.3", 4, "The zed package"));
            assertThat(db.summaries(List.of())).isEmpty();
        }
    }

    @Test
    void allIdsAndHashes() throws Exception {
        try (MetaDb db = MetaDb.open(file)) {
            db.addAll(packages(Map.of(
                    sha(3), meta("c").withRepositoryFields("c.stone", sha(33), 3),
                    sha(1), meta("a"),
                    sha(2), meta("b").withRepositoryFields("b.stone", sha(22), 2))));
            assertThat(db.all()).extracting(MetaEntry::id).containsExactly(sha(1), sha(2), sha(3));
            assertThat(db.all()).extracting(e -> e.meta().name()).containsExactly("a", "b", "c");
            assertThat(db.ids()).containsExactly(sha(1), sha(2), sha(3));
            assertThat(db.hashes()).containsExactly(sha(22), sha(33));
        }
    }

    @Test
    void addingAnExistingIdReplacesItAndItsChildren() throws Exception {
        PackageMeta old = meta("old");
        PackageMeta replacement = new PackageMeta("new", "2", 5, 1, "x86_64", "s", "d", "src", "h",
                List.of("GPL-2.0"), List.of(), List.of(Capability.parse("cmake(New)")), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
        try (MetaDb db = MetaDb.open(file)) {
            db.add(sha(1), old);
            db.add(sha(1), replacement);
            assertThat(db.get(sha(1))).contains(replacement);
            assertThat(db.byProvider(Capability.name("old"))).isEmpty();
        }
        assertThat(RawSqlite.scalar(file, "SELECT count(*) FROM meta_licenses")).isEqualTo(1);
        assertThat(RawSqlite.scalar(file, "SELECT count(*) FROM meta_dependencies")).isZero();
        assertThat(RawSqlite.scalar(file, "SELECT count(*) FROM meta_providers")).isEqualTo(2);
    }

    @Test
    void removeCascadesToEveryChildTable() throws Exception {
        PackageMeta withConflict = new PackageMeta("x", "1", 1, 1, "x86_64", "", "", "x", "", List.of("MIT"),
                List.of(Capability.name("y")), List.of(), List.of(Capability.name("z")),
                Optional.empty(), Optional.empty(), Optional.empty());
        try (MetaDb db = MetaDb.open(file)) {
            db.addAll(packages(Map.of(sha(1), withConflict, sha(2), meta("keep"))));
            assertThat(db.remove(List.of(sha(1), sha(99)))).isEqualTo(1);
            assertThat(db.ids()).containsExactly(sha(2));
        }
        for (String table : List.of("meta_licenses", "meta_dependencies", "meta_providers", "meta_conflicts")) {
            assertThat(RawSqlite.scalar(file, "SELECT count(*) FROM " + table + " WHERE package = '" + sha(1) + "'"))
                    .as(table).isZero();
        }
        assertThat(RawSqlite.scalar(file, "SELECT count(*) FROM meta_providers WHERE package = '" + sha(2) + "'"))
                .isEqualTo(3);
    }

    @Test
    void wipeEmptiesEveryTable() throws Exception {
        try (MetaDb db = MetaDb.open(file)) {
            Map<String, PackageMeta> many = new LinkedHashMap<>();
            for (int i = 0; i < 500; i++) {
                many.put(sha(i), meta("p" + i));
            }
            db.addAll(many);
            assertThat(db.ids()).hasSize(500);
            db.wipe();
            assertThat(db.all()).isEmpty();
        }
        for (String table : List.of("meta", "meta_licenses", "meta_dependencies", "meta_providers", "meta_conflicts")) {
            assertThat(RawSqlite.scalar(file, "SELECT count(*) FROM " + table)).as(table).isZero();
        }
    }

    @Test
    void batchAcrossChunkBoundariesKeepsEveryPackage() throws Exception {
        Map<String, PackageMeta> many = new LinkedHashMap<>();
        for (int i = 0; i < 1234; i++) {
            many.put(sha(i), meta("p" + i));
        }
        try (MetaDb db = MetaDb.open(file)) {
            db.addAll(many);
            List<MetaEntry> all = db.all();
            assertThat(all).hasSize(1234);
            for (MetaEntry e : all) {
                assertThat(e.meta()).isEqualTo(many.get(e.id()));
            }
        }
        assertThat(RawSqlite.scalar(file, "SELECT count(*) FROM meta_providers")).isEqualTo(3 * 1234);
    }

    @Test
    void failedBatchLeavesTheDatabaseAsItWas() throws Exception {
        try (MetaDb db = MetaDb.open(file)) {
            db.add(sha(1), meta("a"));
        }
        // Makes the insert fail after the old row of sha(1) has already been deleted.
        try (var c = RawSqlite.connect(file); var s = c.createStatement()) {
            s.execute("CREATE TRIGGER refuse BEFORE INSERT ON meta_licenses"
                    + " WHEN NEW.package = '" + sha(2) + "' BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
        }
        try (MetaDb db = MetaDb.open(file)) {
            Map<String, PackageMeta> batch = new LinkedHashMap<>();
            batch.put(sha(1), meta("replacement"));
            batch.put(sha(2), meta("b"));
            assertThatThrownBy(() -> db.addAll(batch))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith(file + ": adding 2 packages: ")
                    .hasMessageContaining("refused by test");
            assertThat(db.ids()).containsExactly(sha(1));
            assertThat(db.get(sha(1))).contains(meta("a"));
        }
    }

    @Test
    void unparsableProviderRowIsReportedAsCorrupt() throws Exception {
        try (MetaDb db = MetaDb.open(file)) {
            db.add(sha(1), meta("a"));
        }
        RawSqlite.execute(file, "INSERT INTO meta_providers VALUES ('" + sha(1) + "', 'weird(kind')");
        try (MetaDb db = MetaDb.open(file)) {
            assertThatThrownBy(() -> db.get(sha(1)))
                    .isInstanceOf(CorruptDatabaseException.class)
                    .hasMessageStartingWith(file + ": package " + sha(1) + ": ")
                    .hasMessageContaining("weird(kind");
        }
    }

    @Test
    void readOnlyOpenReadsButDoesNotWrite() throws Exception {
        try (MetaDb db = MetaDb.open(file)) {
            db.add(sha(1), meta("a"));
        }
        try (MetaDb db = MetaDb.openReadOnly(file)) {
            assertThat(db.get(sha(1))).contains(meta("a"));
            assertThatThrownBy(() -> db.remove(List.of(sha(1)))).isInstanceOf(DatabaseException.class);
        }
    }

    private static Map<String, PackageMeta> packages(Map<String, PackageMeta> in) {
        return new LinkedHashMap<>(in);
    }
}
