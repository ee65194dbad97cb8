package dev.moss.cli.render;

import dev.moss.format.StoneCheck;
import java.io.PrintWriter;

/** Prints an {@code inspect --check} report: one OK/FAILED line per payload and a result line. */
public final class CheckRenderer {
    private CheckRenderer() {}

    public static void render(PrintWriter out, String path, StoneCheck.Report report) {
        out.println("Checking: \"" + path + "\"");
        for (StoneCheck.PayloadResult p : report.payloads()) {
            if (p.skipped()) {
                out.println("  SKIPPED: " + p.kind() + " (unknown kind or compression)");
            } else if (p.ok()) {
                out.println("  OK: " + p.kind());
            } else {
                out.println("  FAILED: " + p.kind() + ": " + withoutPayloadPrefix(p));
            }
        }
        report.fatal().ifPresent(f -> out.println("  FAILED: " + f));
        out.println(report.ok() ? "Result: OK" : "Result: FAILED - " + report.firstProblem().orElse("unknown problem"));
    }

    /** The line already names the payload kind, so "payload 1 (Layout): " in front of the problem is dropped. */
    private static String withoutPayloadPrefix(StoneCheck.PayloadResult p) {
        String prefix = "payload " + p.index() + " (" + p.kind() + "): ";
        return p.problem().startsWith(prefix) ? p.problem().substring(prefix.length()) : p.problem();
    }
}
