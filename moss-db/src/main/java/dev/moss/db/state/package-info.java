/**
 * The state database: {@link dev.moss.db.state.StateDb} records each system state (its id, time,
 * summary and selected packages) and answers the reference counts that pruning needs.
 */
package dev.moss.db.state;
