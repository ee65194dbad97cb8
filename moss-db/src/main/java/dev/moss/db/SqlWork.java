package dev.moss.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work run by {@link Database#inTransaction} or {@link Database#read} on the database's one
 * connection. Throwing anything makes the surrounding transaction roll back.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException, DatabaseException;
}
