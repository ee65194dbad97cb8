package dev.moss.db.layout;

import dev.moss.format.record.LayoutRecord;

/**
 * Receives layout rows one at a time, so a state of a million entries never has to sit in a list.
 *
 * @param <E> what the visitor may throw; it propagates unchanged out of the query
 */
@FunctionalInterface
public interface LayoutVisitor<E extends Exception> {
    void visit(String packageId, LayoutRecord record) throws E;
}
