package dev.moss.store.client;

/**
 * How operations talk to their caller while they run. The CLI implements it with console output
 * and a y/N prompt; tests with a recorder. Every method has a silent default.
 */
public interface ClientListener {
    /** Another process holds the writer lock; the operation blocks until it is released. */
    default void waiting(String message) {}

    /** Recovery repaired one thing left behind by an interrupted command. */
    default void repaired(String message) {}

    /** Something could not be done exactly (e.g. a device node skipped without root). */
    default void warning(String message) {}

    /** A phase of a long operation started ("Verifying assets"). */
    default void phase(String name) {}

    /** Progress inside the current phase; {@code total} may be 0 when unknown. */
    default void progress(long done, long total) {}

    /**
     * Asks the user to confirm {@code question}. Returning false cancels the operation; nothing
     * has changed at that point.
     */
    default boolean confirm(String question) {
        return false;
    }

    /** A listener that hears nothing and answers yes: for tests and {@code -y}. */
    ClientListener YES = new ClientListener() {
        @Override
        public boolean confirm(String question) {
            return true;
        }
    };
}
