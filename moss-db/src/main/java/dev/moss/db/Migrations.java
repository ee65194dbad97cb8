package dev.moss.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Schema migrations: the scripts {@code db/<schema>/v1.sql}, {@code v2.sql}, ... on the class path,
 * numbered from 1 without gaps. The version a database has reached is its
 * {@code PRAGMA user_version}, as in upstream moss, so a database upstream created (version 1)
 * continues at version 2.
 *
 * <p>Scripts must be idempotent ({@code CREATE ... IF NOT EXISTS}): diesel-era moss created the
 * same tables without setting {@code user_version}, so version 0 does not mean "empty".
 *
 * <p>Script syntax: statements end with {@code ;} at the end of a line, and lines starting with
 * {@code --} are comments. That is all the splitter understands, which is all the scripts need.
 */
final class Migrations {
    private static final Map<Schema, List<String>> SCRIPTS = new EnumMap<>(Schema.class);

    static {
        for (Schema schema : Schema.values()) {
            SCRIPTS.put(schema, load(schema));
        }
    }

    private Migrations() {}

    /** The newest version this build knows for {@code schema}. */
    static int latest(Schema schema) {
        return SCRIPTS.get(schema).size();
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Applies every script after the database's current version and records the new version.
     * The caller runs this inside one transaction, so a failing script leaves no trace.
     *
     * @return the version the database had before
     */
    static int migrate(Connection connection, Schema schema) throws SQLException {
        int current = currentVersion(connection);
        List<String> scripts = SCRIPTS.get(schema);
        if (current >= scripts.size()) {
            return current;
        }
        try (Statement s = connection.createStatement()) {
            for (int version = current + 1; version <= scripts.size(); version++) {
                for (String sql : statements(scripts.get(version - 1))) {
                    s.execute(sql);
                }
            }
            // user_version lives in the database header and is part of the transaction.
            s.execute("PRAGMA user_version = " + scripts.size());
        }
        return current;
    }

    /** Splits a script into statements (see the class comment for the accepted syntax). */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("migration script does not end with ';': " + current.toString().strip());
        }
        return List.copyOf(out);
    }

    private static List<String> load(Schema schema) {
        List<String> scripts = new ArrayList<>();
        for (int version = 1; ; version++) {
            String name = "/db/" + schema.directory + "/v" + version + ".sql";
            try (InputStream in = Migrations.class.getResourceAsStream(name)) {
                if (in == null) {
                    break;
                }
                scripts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration " + name, e);
            }
        }
        if (scripts.isEmpty()) {
            throw new IllegalStateException("no migrations for schema " + schema.directory + " on the class path");
        }
        return List.copyOf(scripts);
    }
}
