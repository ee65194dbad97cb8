package dev.moss.store.client;

import java.time.Duration;
import java.util.List;

/**
 * What {@link VerifyStates#check} found.
 *
 * @param issues sorted: store issues first (by file), then by state and path
 * @param assets assets checked, variants included
 * @param states states checked
 * @param entries tree entries checked, over all states
 * @param hashed files whose bytes were read: every asset and variant once, plus tree files that
 *     are not hardlinks of one (copies, reflinks, empty files)
 */
public record VerifyReport(List<VerifyIssue> issues, long assets, int states, long entries, long hashed,
        Duration elapsed) {
    public VerifyReport {
        issues = List.copyOf(issues);
    }

    public boolean isClean() {
        return issues.isEmpty();
    }
}
