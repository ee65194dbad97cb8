package dev.moss.store.state;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Named steps of a transaction where tests may stop the process dead, to prove that recovery
 * copes with a crash at exactly that point. Set {@code MOSS_TEST_CRASH_AT=<step>} to halt the
 * first time the step is reached, or {@code <step>:<n>} to halt the n-th time (for steps reached
 * once per entry or asset, such as {@code blit-entry:40}). Unset, this is one null check per step.
 */
public final class CrashPoint {
    private static final String TARGET;
    private static final long COUNT;
    private static final AtomicLong HITS = new AtomicLong();

    static {
        String spec = System.getenv("MOSS_TEST_CRASH_AT");
        long count = 1;
        if (spec != null && spec.lastIndexOf(':') > 0) {
            int colon = spec.lastIndexOf(':');
            try {
                count = Long.parseLong(spec.substring(colon + 1));
                spec = spec.substring(0, colon);
            } catch (NumberFormatException e) {
                // not a counted step: the whole text is the name
            }
        }
        TARGET = spec;
        COUNT = count;
    }

    private CrashPoint() {}

    public static void reached(String step) {
        if (TARGET != null && TARGET.equals(step) && HITS.incrementAndGet() >= COUNT) {
            Runtime.getRuntime().halt(137); // like kill -9: no shutdown hooks, no cleanup
        }
    }
}
