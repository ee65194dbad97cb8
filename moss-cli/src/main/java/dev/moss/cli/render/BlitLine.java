package dev.moss.cli.render;

import dev.moss.store.blit.BlitStats;
import java.util.Locale;

/** {@code N entries blitted in X s (Y k/s)}, the line every blit ends with. */
public final class BlitLine {
    private BlitLine() {}

    public static String of(BlitStats stats) {
        double seconds = stats.elapsed().toNanos() / 1e9;
        String line = String.format(Locale.ROOT, "%d entries blitted in %.2f s (%.1f k/s)", stats.entries(), seconds,
                stats.rate() / 1000);
        if (stats.copied() > 0) {
            line += ", " + stats.copied() + " copied instead of linked";
        }
        return line;
    }
}
