package dev.moss.db.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Inserts many rows into one table with multi-row {@code INSERT ... VALUES (...), (...)}
 * statements, as upstream moss does: far fewer statement executions than one row at a time, and
 * the full-size statement is prepared once and reused.
 *
 * <p>A statement carries at most 999 parameters, SQLite's historical
 * {@code SQLITE_MAX_VARIABLE_NUMBER}, so it is valid whatever limit the library was built with.
 *
 * <pre>{@code
 * try (ChunkedInsert insert = new ChunkedInsert(c, "INSERT", "meta_licenses", "package", "license")) {
 *     insert.row(id, license);
 *     insert.finish();
 * }
 * }</pre>
 */
public final class ChunkedInsert implements AutoCloseable {
    private static final int MAX_PARAMETERS = 999;

    private final Connection connection;
    private final String prefix;
    private final String rowPlaceholders;
    private final int columns;
    private final int rowsPerStatement;
    private final Object[] buffer;
    private int buffered;
    private PreparedStatement full;

    /**
     * @param verb {@code INSERT} or {@code INSERT OR IGNORE}
     */
    public ChunkedInsert(Connection connection, String verb, String table, String... columnNames) {
        this.connection = connection;
        this.columns = columnNames.length;
        this.prefix = verb + " INTO " + table + " (" + String.join(", ", columnNames) + ") VALUES ";
        this.rowPlaceholders = "(" + String.join(",", Arrays.stream(columnNames).map(c -> "?").toList()) + ")";
        this.rowsPerStatement = Math.max(1, MAX_PARAMETERS / columns);
        this.buffer = new Object[rowsPerStatement * columns];
    }

    /** Adds one row; values are {@code String}, {@code Integer}, {@code Long}, {@code Boolean} or null. */
    public void row(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
        }
        System.arraycopy(values, 0, buffer, buffered * columns, columns);
        buffered++;
        if (buffered == rowsPerStatement) {
            if (full == null) {
                full = connection.prepareStatement(sql(rowsPerStatement));
            }
            execute(full, rowsPerStatement);
        }
    }

    /** Writes the rows still buffered. */
    public void finish() throws SQLException {
        if (buffered == 0) {
            return;
        }
        try (PreparedStatement rest = connection.prepareStatement(sql(buffered))) {
            execute(rest, buffered);
        }
    }

    private void execute(PreparedStatement statement, int rows) throws SQLException {
        int n = rows * columns;
        for (int i = 0; i < n; i++) {
            bind(statement, i + 1, buffer[i]);
            buffer[i] = null;
        }
        statement.executeUpdate();
        buffered = 0;
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, java.sql.Types.NULL);
            case String s -> statement.setString(index, s);
            case Integer i -> statement.setInt(index, i);
            case Long l -> statement.setLong(index, l);
            case Boolean b -> statement.setInt(index, b ? 1 : 0);
            default -> throw new IllegalArgumentException("cannot bind " + value.getClass().getName());
        }
    }

    private String sql(int rows) {
        StringBuilder sb = new StringBuilder(prefix.length() + rows * (rowPlaceholders.length() + 1));
        sb.append(prefix);
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(rowPlaceholders);
        }
        return sb.toString();
    }

    @Override
    public void close() throws SQLException {
        if (full != null) {
            full.close();
        }
    }
}
