package dev.moss.store.state;

/**
 * Named steps of a transaction where tests may stop the process dead, to prove that recovery
 * copes with a crash at exactly that point. Set {@code MOSS_TEST_CRASH_AT=<step>}; unset, this is
 * one string comparison per step.
 */
public final class CrashPoint {
    private static final String TARGET = System.getenv("MOSS_TEST_CRASH_AT");

    private CrashPoint() {}

    public static void reached(String step) {
        if (TARGET != null && TARGET.equals(step)) {
            Runtime.getRuntime().halt(137); // like kill -9: no shutdown hooks, no cleanup
        }
    }
}
