package dev.moss.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The contents of an installation's databases as text, for comparing them before and after a
 * command: a failed command may leave a database file with other bytes (SQLite counts every
 * write), yet it must leave the same schema and the same rows.
 */
final class DbDump {
    private DbDump() {}

    /** Schema and every row of {@code ROOT/.moss/db/{install,layout,state}}, rows sorted. */
    static String of(Path root) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("install", "layout", "state")) {
            Path file = root.resolve(".moss/db").resolve(name);
            out.append("== ").append(name).append('\n');
            if (!Files.exists(file)) {
                continue;
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
                    Statement st = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = st.executeQuery(
                        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(": ")
                                .append(rs.getString(3)).append('\n');
                        if (rs.getString(1).equals("table")) {
                            tables.add(rs.getString(2));
                        }
                    }
                }
                for (String table : tables) {
                    List<String> rows = new ArrayList<>();
                    try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder(table).append(':');
                            for (int i = 1; i <= n; i++) {
                                row.append(' ').append(rs.getString(i));
                            }
                            rows.add(row.toString());
                        }
                    }
                    rows.sort(null);
                    rows.forEach(r -> out.append(r).append('\n'));
                }
            }
        }
        return out.toString();
    }
}
