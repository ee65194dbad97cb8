package dev.moss.store.blit;

import java.time.Duration;

/** What a blit wrote: entries by kind, files that had to be copied instead of linked, time. */
public record BlitStats(long directories, long files, long symlinks, long specials, long copied, Duration elapsed) {
    public long entries() {
        return directories + files + symlinks + specials;
    }

    /** Entries per second. */
    public double rate() {
        double s = Math.max(elapsed.toNanos(), 1) / 1e9;
        return entries() / s;
    }
}
