package dev.moss.store.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Named steps of a transaction where tests may stop the process dead, to prove that recovery
 * copes with a crash at exactly that point, or make it fail, to prove that a command failing
 * there changes nothing. Set {@code MOSS_TEST_CRASH_AT=<step>} to halt the first time the step is
 * reached, or {@code <step>:<n>} to halt the n-th time (for steps reached once per entry or
 * asset, such as {@code blit-entry:40}); {@code MOSS_TEST_FAIL_AT} takes the same form and throws
 * an I/O error there instead, as a full disk or a failing device would. Unset, this is one null
 * check per step.
 */
public final class CrashPoint {
    private static final Target CRASH = Target.parse(System.getenv("MOSS_TEST_CRASH_AT"));
    private static final Target FAIL = Target.parse(System.getenv("MOSS_TEST_FAIL_AT"));

    /** A step and the how-manieth time it is reached that counts. */
    private record Target(String step, long count, AtomicLong hits) {
        static Target parse(String spec) {
            if (spec == null) {
                return null;
            }
            int colon = spec.lastIndexOf(':');
            if (colon > 0) {
                try {
                    return new Target(spec.substring(0, colon), Long.parseLong(spec.substring(colon + 1)), new AtomicLong());
                } catch (NumberFormatException e) {
                    // not a counted step: the whole text is the name
                }
            }
            return new Target(spec, 1, new AtomicLong());
        }

        boolean hit(String at) {
            return step.equals(at) && hits.incrementAndGet() == count;
        }
    }

    private CrashPoint() {}

    public static void reached(String step) {
        if (CRASH != null && CRASH.step().equals(step) && CRASH.hits().incrementAndGet() >= CRASH.count()) {
            Runtime.getRuntime().halt(137); // like kill -9: no shutdown hooks, no cleanup
        }
        if (FAIL != null && FAIL.hit(step)) {
            throw new UncheckedIOException(new IOException("injected failure at step " + step + " (MOSS_TEST_FAIL_AT)"));
        }
    }
}
