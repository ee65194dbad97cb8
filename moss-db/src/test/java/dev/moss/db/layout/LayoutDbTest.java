package dev.moss.db.layout;

import static dev.moss.db.TestPackages.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moss.db.CorruptDatabaseException;
import dev.moss.db.DatabaseException;
import dev.moss.db.RawSqlite;
import dev.moss.format.digest.Digest128;
import dev.moss.format.record.EntryType;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutDbTest {
    /** A digest above 2^127: its decimal text needs the full unsigned 128 bits. */
    static final Digest128 BIG = new Digest128(0xfedcba9876543210L, 0x0123456789abcdefL);

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void setUp() {
        file = dir.resolve("layout");
    }

    static LayoutRecord record(int mode, LayoutEntry entry) {
        return new LayoutRecord(0, 0, mode, 0, entry);
    }

    static List<LayoutRecord> everyKind() {
        return List.of(
                new LayoutRecord(1000, 100, 0100755, 7, new LayoutEntry.Regular(BIG, "bin/tool")),
                record(0100644, new LayoutEntry.Regular(Digest128.EMPTY, "share/tool/empty")),
                record(0120777, new LayoutEntry.Symlink("tool", "bin/tool-alias")),
                record(040700, new LayoutEntry.Directory("share/tool/private")),
                record(020644, new LayoutEntry.Special(EntryType.CHARACTER_DEVICE, "lib/dev/char")),
                record(060644, new LayoutEntry.Special(EntryType.BLOCK_DEVICE, "lib/dev/block")),
                record(010644, new LayoutEntry.Special(EntryType.FIFO, "lib/dev/fifo")),
                record(0140644, new LayoutEntry.Special(EntryType.SOCKET, "lib/dev/socket")),
                // uid and gid above 2^31: stored as negative i32 like upstream, read back unchanged.
                new LayoutRecord(-2, -3, 0100600, 0,
                        new LayoutEntry.Unknown(255, "raw source".getBytes(StandardCharsets.UTF_8), "lib/odd")));
    }

    @Test
    void everyEntryKindSurvivesARoundTrip() throws Exception {
        try (LayoutDb db = LayoutDb.open(file)) {
            db.add(sha(1), everyKind());
        }
        try (LayoutDb db = LayoutDb.open(file)) {
            assertThat(db.query(List.of(sha(1)))).extracting(LayoutRow::record).containsExactlyElementsOf(everyKind());
            assertThat(db.query(List.of(sha(1)))).extracting(LayoutRow::packageId).containsOnly(sha(1));
        }
    }

    @Test
    void columnsHoldUpstreamTextForms() throws Exception {
        try (LayoutDb db = LayoutDb.open(file)) {
            db.add(sha(1), everyKind());
        }
        assertThat(RawSqlite.rows(file,
                "SELECT package_id, uid, gid, mode, tag, entry_type, entry_value1, entry_value2 FROM layout ORDER BY id"))
                .containsExactly(
                        List.of(sha(1), "1000", "100", "33261", "7", "regular",
                                "338770000845734292516042252062085074415", "bin/tool"),
                        List.of(sha(1), "0", "0", "33188", "0", "regular",
                                "204254712233039002205064565430793619839", "share/tool/empty"),
                        List.of(sha(1), "0", "0", "41471", "0", "symlink", "tool", "bin/tool-alias"),
                        List.of(sha(1), "0", "0", "16832", "0", "directory", "share/tool/private", "null"),
                        List.of(sha(1), "0", "0", "8612", "0", "character-device", "lib/dev/char", "null"),
                        List.of(sha(1), "0", "0", "24996", "0", "block-device", "lib/dev/block", "null"),
                        List.of(sha(1), "0", "0", "4516", "0", "fifo", "lib/dev/fifo", "null"),
                        List.of(sha(1), "0", "0", "49572", "0", "socket", "lib/dev/socket", "null"),
                        List.of(sha(1), "-2", "-3", "33152", "0", "unknown", "raw source", "lib/odd"));
    }

    @Test
    void queryReturnsOnlyTheAskedPackagesInInsertionOrder() throws Exception {
        try (LayoutDb db = LayoutDb.open(file)) {
            db.add(sha(2), List.of(record(040755, new LayoutEntry.Directory("b1")),
                    record(040755, new LayoutEntry.Directory("a2"))));
            db.add(sha(1), List.of(record(040755, new LayoutEntry.Directory("z1"))));
            db.add(sha(3), List.of(record(040755, new LayoutEntry.Directory("c1"))));

            assertThat(db.query(List.of(sha(1), sha(2), sha(404))))
                    .extracting(r -> r.packageId() + ":" + r.record().entry().target())
                    .containsExactly(sha(2) + ":b1", sha(2) + ":a2", sha(1) + ":z1");
            assertThat(db.query(List.of())).isEmpty();
            assertThat(db.packageIds()).containsExactly(sha(1), sha(2), sha(3));
        }
    }

    @Test
    void addReplacesThePackagesExistingRows() throws Exception {
        try (LayoutDb db = LayoutDb.open(file)) {
            db.add(sha(1), everyKind());
            db.add(sha(2), List.of(record(040755, new LayoutEntry.Directory("other"))));
            db.add(sha(1), List.of(record(040755, new LayoutEntry.Directory("only"))));
            assertThat(db.query(List.of(sha(1)))).extracting(r -> r.record().entry().target()).containsExactly("only");
            assertThat(db.count()).isEqualTo(2);
        }
    }

    @Test
    void hundredThousandRowsGoInAsOneBatchAndStreamBack() throws Exception {
        int packages = 100;
        int perPackage = 1000;
        Map<String, List<LayoutRecord>> layouts = new LinkedHashMap<>();
        for (int p = 0; p < packages; p++) {
            List<LayoutRecord> records = new ArrayList<>(perPackage);
            for (int i = 0; i < perPackage; i++) {
                records.add(generated(p, i));
            }
            layouts.put(sha(p), records);
        }
        try (LayoutDb db = LayoutDb.open(file)) {
            db.addAll(layouts);
            assertThat(db.count()).isEqualTo(100_000);

            AtomicLong seen = new AtomicLong();
            db.forEach(layouts.keySet(), (id, record) -> {
                long n = seen.getAndIncrement();
                int p = (int) (n / perPackage);
                int i = (int) (n % perPackage);
                if (!id.equals(sha(p)) || !record.equals(generated(p, i))) {
                    throw new AssertionError("row " + n + " is " + id + " " + record);
                }
            });
            assertThat(seen).hasValue(100_000);

            AtomicLong half = new AtomicLong();
            List<String> odd = layouts.keySet().stream().filter(id -> Integer.parseInt(id.substring(56), 16) % 2 == 1).toList();
            db.forEach(odd, (id, record) -> half.incrementAndGet());
            assertThat(half).hasValue(50_000);

            AtomicLong all = new AtomicLong();
            db.forEachRow((id, record) -> all.incrementAndGet());
            assertThat(all).hasValue(100_000);
            assertThat(db.regularDigests()).hasSize(packages * perPackage / 2);
        }
    }

    private static LayoutRecord generated(int p, int i) {
        String path = "share/p" + p + "/f" + i;
        LayoutEntry entry = i % 2 == 0
                ? new LayoutEntry.Regular(new Digest128(p, i), path)
                : new LayoutEntry.Symlink("f" + (i - 1), path);
        return new LayoutRecord(p, i, i % 2 == 0 ? 0100644 : 0120777, 0, entry);
    }

    @Test
    void visitorExceptionsComeOutUnchangedAndStopTheQuery() throws Exception {
        try (LayoutDb db = LayoutDb.open(file)) {
            db.add(sha(1), everyKind());
            AtomicLong visits = new AtomicLong();
            assertThatThrownBy(() -> db.forEach(List.of(sha(1)), (id, r) -> {
                visits.incrementAndGet();
                throw new IOException("disk full while blitting");
            })).isExactlyInstanceOf(IOException.class).hasMessage("disk full while blitting");
            assertThat(visits).hasValue(1);
            // The database is still usable afterwards.
            assertThat(db.count()).isEqualTo(everyKind().size());
        }
    }

    @Test
    void removeDeletesOnlyThosePackages() throws Exception {
        try (LayoutDb db = LayoutDb.open(file)) {
            db.add(sha(1), everyKind());
            db.add(sha(2), everyKind());
            db.add(sha(3), everyKind());
            assertThat(db.remove(List.of(sha(1), sha(3), sha(9)))).isEqualTo(2 * everyKind().size());
            assertThat(db.packageIds()).containsExactly(sha(2));
            assertThat(db.remove(List.of())).isZero();
        }
    }

    @Test
    void searchFileLooksAtRegularSymlinkAndDirectoryPaths() throws Exception {
        try (LayoutDb db = LayoutDb.open(file)) {
            db.add(sha(1), everyKind());
            db.add(sha(2), List.of(record(0100644, new LayoutEntry.Regular(BIG, "share/doc/TOOL.md"))));

            assertThat(db.searchFile("tool")).extracting(r -> r.record().entry().target())
                    .containsExactly("bin/tool", "share/tool/empty", "bin/tool-alias", "share/tool/private");
            // Case-sensitive, like upstream's substring match.
            assertThat(db.searchFile("TOOL")).extracting(LayoutRow::packageId).containsExactly(sha(2));
            // Special files and unknown entries are not searched; symlink text is not a path.
            assertThat(db.searchFile("dev/")).isEmpty();
            assertThat(db.searchFile("odd")).isEmpty();
            assertThat(db.searchFile("bin/tool-")).singleElement()
                    .satisfies(r -> assertThat(r.record().entry()).isInstanceOf(LayoutEntry.Symlink.class));
        }
    }

    @Test
    void ownersOfAPath() throws Exception {
        try (LayoutDb db = LayoutDb.open(file)) {
            db.add(sha(1), everyKind());
            db.add(sha(2), List.of(record(040755, new LayoutEntry.Directory("share/tool/private"))));
            assertThat(db.owners("share/tool/private")).containsExactly(sha(1), sha(2));
            assertThat(db.owners("bin/tool-alias")).containsExactly(sha(1));
            assertThat(db.owners("tool")).isEmpty();
        }
    }

    @Test
    void regularDigestsAreDistinct() throws Exception {
        try (LayoutDb db = LayoutDb.open(file)) {
            db.add(sha(1), everyKind());
            db.add(sha(2), List.of(record(0100644, new LayoutEntry.Regular(BIG, "elsewhere"))));
            assertThat(db.regularDigests()).isEqualTo(Set.of(BIG, Digest128.EMPTY));
        }
    }

    @Test
    void malformedRowsAreReportedAsCorrupt() throws Exception {
        LayoutDb.open(file).close();
        RawSqlite.execute(file, "INSERT INTO layout (package_id, uid, gid, mode, tag, entry_type, entry_value1, entry_value2)"
                + " VALUES ('p', 0, 0, 33188, 0, 'regular', 'not-a-number', 'x')");
        try (LayoutDb db = LayoutDb.open(file)) {
            assertThatThrownBy(db::regularDigests)
                    .isInstanceOf(CorruptDatabaseException.class)
                    .hasMessageStartingWith(file + ": regular layout entry has a bad digest");
            assertThatThrownBy(() -> db.query(List.of("p")))
                    .isInstanceOf(CorruptDatabaseException.class)
                    .hasMessageStartingWith(file + ": layout row 1: ");
        }
        RawSqlite.execute(file, "UPDATE layout SET entry_type = 'teleporter'");
        try (LayoutDb db = LayoutDb.open(file)) {
            assertThatThrownBy(() -> db.query(List.of("p")))
                    .isInstanceOf(CorruptDatabaseException.class)
                    .hasMessageContaining("teleporter");
        }
        RawSqlite.execute(file, "UPDATE layout SET entry_type = 'symlink', entry_value2 = NULL");
        try (LayoutDb db = LayoutDb.open(file)) {
            assertThatThrownBy(() -> db.query(List.of("p")))
                    .isInstanceOf(CorruptDatabaseException.class)
                    .hasMessage(file + ": layout row 1: symlink entry without path");
        }
    }

    @Test
    void readOnlyOpenQueriesWithoutWriting() throws Exception {
        try (LayoutDb db = LayoutDb.open(file)) {
            db.add(sha(1), everyKind());
        }
        try (LayoutDb db = LayoutDb.openReadOnly(file)) {
            assertThat(db.query(List.of(sha(1)))).hasSize(everyKind().size());
            assertThatThrownBy(() -> db.remove(List.of(sha(1)))).isInstanceOf(DatabaseException.class);
        }
    }
}
