package dev.moss.db.meta;

import dev.moss.db.CorruptDatabaseException;
import dev.moss.db.Database;
import dev.moss.db.DatabaseException;
import dev.moss.db.Schema;
import dev.moss.db.internal.ChunkedInsert;
import dev.moss.db.internal.IdList;
import dev.moss.format.meta.Capability;
import dev.moss.format.meta.PackageMeta;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A package metadata database: the install database ({@code .moss/db/install}) and the database
 * of each repository ({@code .moss/repo/<id>/db}) share this schema.
 *
 * <p>Like upstream, every package is stored with its own {@code name(<name>)} provider, so
 * {@link #byProvider} finds packages by name too; {@link PackageMeta} keeps that provider implied,
 * so it is not duplicated when metadata is read back.
 *
 * <pre>{@code
 * try (MetaDb repo = MetaDb.open(repoDir.resolve("db"))) {
 *     repo.database().inTransaction("refreshing index", c -> {
 *         repo.wipe();
 *         repo.addAll(packagesById);
 *         return null;
 *     });
 * }
 * }</pre>
 */
public final class MetaDb implements AutoCloseable {
    private static final String META_COLUMNS = "package, name, version_identifier, source_release, build_release,"
            + " architecture, summary, description, source_id, homepage, uri, hash, download_size";

    /** The one-to-many tables, their value column, and how a value goes back into a package. */
    private enum Child {
        LICENSES("meta_licenses", "license"),
        DEPENDENCIES("meta_dependencies", "dependency"),
        PROVIDERS("meta_providers", "provider"),
        CONFLICTS("meta_conflicts", "conflict");

        final String table;
        final String column;

        Child(String table, String column) {
            this.table = table;
            this.column = column;
        }
    }

    private final Database db;

    /** Wraps an open database of {@link Schema#META}. */
    public MetaDb(Database db) {
        if (db.schema() != Schema.META) {
            throw new IllegalArgumentException(db.file() + " is a " + db.schema() + " database, not a meta database");
        }
        this.db = db;
    }

    /** Opens (creating or migrating if needed) the metadata database at {@code file}. */
    public static MetaDb open(Path file) throws DatabaseException {
        return new MetaDb(Database.open(file, Schema.META));
    }

    /** Opens an existing metadata database without writing to it. */
    public static MetaDb openReadOnly(Path file) throws DatabaseException {
        return new MetaDb(Database.openReadOnly(file, Schema.META));
    }

    /** The underlying database, e.g. to group several calls in one transaction. */
    public Database database() {
        return db;
    }

    /** Stores (or replaces) one package. See {@link #addAll}. */
    public void add(String id, PackageMeta meta) throws DatabaseException {
        Map<String, PackageMeta> one = new LinkedHashMap<>();
        one.put(id, meta);
        addAll(one);
    }

    /**
     * Stores the given packages in one transaction, replacing any package with the same id and
     * all of its licenses, dependencies, providers and conflicts.
     *
     * @throws DatabaseException nothing has changed
     */
    public void addAll(Map<String, PackageMeta> packages) throws DatabaseException {
        if (packages.isEmpty()) {
            return;
        }
        db.inTransaction("adding " + packages.size() + " packages", c -> {
            delete(c, packages.keySet());
            insert(c, packages);
            return null;
        });
    }

    private static void insert(Connection c, Map<String, PackageMeta> packages) throws SQLException {
        // All meta rows go in before any child row: the inserts are buffered and flushed in
        // chunks, and a child chunk flushed ahead of its parent's would break the foreign key.
        try (ChunkedInsert meta = new ChunkedInsert(c, "INSERT", "meta", META_COLUMNS.split(", "))) {
            for (Map.Entry<String, PackageMeta> e : packages.entrySet()) {
                String id = Objects.requireNonNull(e.getKey(), "package id");
                PackageMeta m = e.getValue();
                meta.row(id, m.name(), m.version(), m.release(), m.buildRelease(), m.architecture(), m.summary(),
                        m.description(), m.sourceId(), m.homepage(), m.uri().orElse(null), m.hash().orElse(null),
                        m.downloadSize().orElse(null));
            }
            meta.finish();
        }
        // Duplicate child values (a license listed twice) are collapsed rather than failing on the
        // composite primary key: they carry no information.
        try (ChunkedInsert licenses = child(c, Child.LICENSES);
                ChunkedInsert dependencies = child(c, Child.DEPENDENCIES);
                ChunkedInsert providers = child(c, Child.PROVIDERS);
                ChunkedInsert conflicts = child(c, Child.CONFLICTS)) {
            for (Map.Entry<String, PackageMeta> e : packages.entrySet()) {
                String id = e.getKey();
                PackageMeta m = e.getValue();
                for (String license : m.licenses()) {
                    licenses.row(id, license);
                }
                for (Capability d : m.depends()) {
                    dependencies.row(id, d.toString());
                }
                // Upstream stores the implied name(<name>) provider too; lookups by name rely on it.
                for (Capability p : m.allProviders()) {
                    providers.row(id, p.toString());
                }
                for (Capability x : m.conflicts()) {
                    conflicts.row(id, x.toString());
                }
            }
            licenses.finish();
            dependencies.finish();
            providers.finish();
            conflicts.finish();
        }
    }

    private static ChunkedInsert child(Connection c, Child child) {
        return new ChunkedInsert(c, "INSERT OR IGNORE", child.table, "package", child.column);
    }

    /** The package with this id. */
    public Optional<PackageMeta> get(String id) throws DatabaseException {
        List<MetaEntry> found = select("reading package " + id, "package = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst().meta());
    }

    /**
     * The packages with these ids that exist, ordered by id: one query for any number of ids,
     * where calling {@link #get} for each would cost a transaction and five statements per id.
     */
    public List<MetaEntry> byIds(Collection<String> ids) throws DatabaseException {
        if (ids.isEmpty()) {
            return List.of();
        }
        return select("reading " + ids.size() + " packages", "package IN " + IdList.IN_PARAMETER, IdList.json(ids));
    }

    /** The summaries of the packages with these ids that exist, ordered by name, then id. */
    public List<MetaSummary> summaries(Collection<String> ids) throws DatabaseException {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read("reading " + ids.size() + " package summaries", c -> {
            List<MetaSummary> out = new ArrayList<>(ids.size());
            try (PreparedStatement s = c.prepareStatement("SELECT package, name, version_identifier, source_release,"
                    + " summary FROM meta WHERE package IN " + IdList.IN_PARAMETER + " ORDER BY name, package")) {
                s.setString(1, IdList.json(ids));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        try {
                            out.add(new MetaSummary(id, rs.getString(2), rs.getString(3), rs.getLong(4),
                                    rs.getString(5)));
                        } catch (NullPointerException e) {
                            throw new CorruptDatabaseException(db.file(), "package " + id + ": a field is missing", e);
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Packages whose name is exactly {@code name}, ordered by id. */
    public List<MetaEntry> byName(String name) throws DatabaseException {
        return select("looking up name " + name, "name = ?", name);
    }

    /**
     * Packages providing {@code provider}, matched exactly on its text {@code kind(name)}, ordered by
     * id. {@code name(x)} finds the package named x.
     */
    public List<MetaEntry> byProvider(Capability provider) throws DatabaseException {
        return select("looking up provider " + provider,
                "package IN (SELECT package FROM meta_providers WHERE provider = ?)", provider.toString());
    }

    /** Ids of the packages providing {@code provider}, sorted; cheaper than {@link #byProvider}. */
    public SortedSet<String> idsByProvider(Capability provider) throws DatabaseException {
        return strings("looking up provider " + provider,
                "SELECT package FROM meta_providers WHERE provider = ?", provider.toString());
    }

    /**
     * Packages whose name or summary contains {@code keyword}, ignoring ASCII case (SQL {@code LIKE},
     * as upstream's {@code moss search}); {@code %} and {@code _} in the keyword match themselves.
     */
    public List<MetaEntry> search(String keyword) throws DatabaseException {
        String pattern = "%" + keyword.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return select("searching for \"" + keyword + "\"",
                "name LIKE ?1 ESCAPE '\\' OR summary LIKE ?1 ESCAPE '\\'", pattern);
    }

    /** Every package, ordered by id. */
    public List<MetaEntry> all() throws DatabaseException {
        return select("reading all packages", "1", null);
    }

    /** Ids of all packages, sorted. */
    public SortedSet<String> ids() throws DatabaseException {
        return strings("reading package ids", "SELECT package FROM meta", null);
    }

    /** The distinct {@code PackageHash} values (download cache file names) of all packages. */
    public SortedSet<String> hashes() throws DatabaseException {
        return strings("reading package hashes", "SELECT DISTINCT hash FROM meta WHERE hash IS NOT NULL", null);
    }

    /**
     * Deletes the given packages; their licenses, dependencies, providers and conflicts go with
     * them (foreign key cascade).
     *
     * @return the number of packages deleted
     */
    public int remove(Collection<String> ids) throws DatabaseException {
        if (ids.isEmpty()) {
            return 0;
        }
        return db.inTransaction("removing " + ids.size() + " packages", c -> delete(c, ids));
    }

    /** Deletes every package, as a repository refresh does before refilling. */
    public void wipe() throws DatabaseException {
        db.inTransaction("wiping packages", c -> {
            try (Statement s = c.createStatement()) {
                // Children first: a plain DELETE per table is much cheaper than a cascade that
                // looks up the children of each meta row one by one.
                for (Child child : Child.values()) {
                    s.executeUpdate("DELETE FROM " + child.table);
                }
                s.executeUpdate("DELETE FROM meta");
            }
            return null;
        });
    }

    private static int delete(Connection c, Collection<String> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM meta WHERE package IN " + IdList.IN_PARAMETER)) {
            s.setString(1, IdList.json(ids));
            return s.executeUpdate();
        }
    }

    /**
     * Reads the packages matching {@code where} (one optional text parameter, bound to every
     * {@code ?}/{@code ?1}) with all their child rows, in one read transaction.
     */
    private List<MetaEntry> select(String what, String where, String parameter) throws DatabaseException {
        return db.read(what, c -> {
            Map<String, PackageRows> found = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + META_COLUMNS + " FROM meta WHERE " + where + " ORDER BY package")) {
                bind(s, parameter);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        PackageRows p = PackageRows.read(rs);
                        found.put(p.id, p);
                    }
                }
            }
            if (found.isEmpty()) {
                return List.of();
            }
            for (Child child : Child.values()) {
                // rowid order is insertion order, so licenses come back in the order they were given.
                String sql = "SELECT package, " + child.column + " FROM " + child.table
                        + " WHERE package IN (SELECT package FROM meta WHERE " + where + ") ORDER BY rowid";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    bind(s, parameter);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            PackageRows p = found.get(rs.getString(1));
                            if (p != null) {
                                p.add(child, rs.getString(2));
                            }
                        }
                    }
                }
            }
            List<MetaEntry> out = new ArrayList<>(found.size());
            for (PackageRows p : found.values()) {
                out.add(new MetaEntry(p.id, p.toMeta(db.file())));
            }
            return out;
        });
    }

    private SortedSet<String> strings(String what, String sql, String parameter) throws DatabaseException {
        return db.read(what, c -> {
            SortedSet<String> out = new TreeSet<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, parameter);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private static void bind(PreparedStatement s, String parameter) throws SQLException {
        if (parameter != null) {
            s.setString(1, parameter);
        }
    }

    /** Closes the database. */
    @Override
    public void close() throws DatabaseException {
        db.close();
    }

    /** One package's rows, collected before they become a {@link PackageMeta}. */
    private static final class PackageRows {
        final String id;
        final ResultRow row;
        final List<String> licenses = new ArrayList<>();
        final Set<String> depends = new LinkedHashSet<>();
        final Set<String> provides = new LinkedHashSet<>();
        final Set<String> conflicts = new LinkedHashSet<>();

        private PackageRows(String id, ResultRow row) {
            this.id = id;
            this.row = row;
        }

        static PackageRows read(ResultSet rs) throws SQLException {
            long size = rs.getLong(13);
            Optional<Long> downloadSize = rs.wasNull() ? Optional.empty() : Optional.of(size);
            ResultRow row = new ResultRow(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                    rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                    Optional.ofNullable(rs.getString(11)), Optional.ofNullable(rs.getString(12)), downloadSize);
            return new PackageRows(rs.getString(1), row);
        }

        void add(Child child, String value) {
            switch (child) {
                case LICENSES -> licenses.add(value);
                case DEPENDENCIES -> depends.add(value);
                case PROVIDERS -> provides.add(value);
                case CONFLICTS -> conflicts.add(value);
            }
        }

        PackageMeta toMeta(Path file) throws CorruptDatabaseException {
            try {
                return new PackageMeta(row.name, row.version, row.release, row.buildRelease, row.architecture,
                        row.summary, row.description, row.sourceId, row.homepage, licenses,
                        parse(depends), parse(provides), parse(conflicts), row.uri, row.hash, row.downloadSize);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new CorruptDatabaseException(file, "package " + id + ": " + e.getMessage(), e);
            }
        }

        private static List<Capability> parse(Collection<String> texts) {
            List<Capability> out = new ArrayList<>(texts.size());
            for (String text : texts) {
                out.add(Capability.parse(text));
            }
            return out;
        }
    }

    /** The columns of one {@code meta} row. */
    private record ResultRow(String name, String version, long release, long buildRelease, String architecture,
            String summary, String description, String sourceId, String homepage, Optional<String> uri,
            Optional<String> hash, Optional<Long> downloadSize) {}
}
