package dev.moss.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC access to a database file, bypassing moss-db: to build files the way upstream moss
 * leaves them, and to check what our code really wrote.
 */
public final class RawSqlite {
    private RawSqlite() {}

    public static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Runs statements separated by ';' in autocommit mode. */
    public static void execute(Path file, String script) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
    }

    public static long scalar(Path file, String sql) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row for " + sql);
            }
            return rs.getLong(1);
        }
    }

    /** Every row of the query, each as a list of column values rendered with {@code String.valueOf}. */
    public static List<List<String>> rows(Path file, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = connect(file); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                out.add(row);
            }
        }
        return out;
    }
}
