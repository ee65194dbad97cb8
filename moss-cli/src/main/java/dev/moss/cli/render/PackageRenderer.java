package dev.moss.cli.render;

import dev.moss.format.meta.Capability;
import dev.moss.format.meta.PackageMeta;
import dev.moss.store.client.Installed;
import java.io.PrintWriter;
import java.util.List;

/** Packages as lists ({@code name  version-release - summary}) and as {@code info} blocks; JSON is {@link PackageJson}. */
public final class PackageRenderer {
    private static final int TITLE_WIDTH = 20;

    private PackageRenderer() {}

    /** One line per package, names padded to one column. */
    public static void lines(PrintWriter out, List<Installed.Package> packages) {
        summaries(out, packages.stream().map(Installed.Package::summary).toList());
    }

    /**
     * One line per package, names padded to one column. Written as one string: the output stream
     * flushes at every line, and hundreds of writes cost more than the rest of the listing.
     */
    public static void summaries(PrintWriter out, List<Installed.Summary> packages) {
        int width = 0;
        for (Installed.Summary p : packages) {
            width = Math.max(width, p.name().length());
        }
        StringBuilder text = new StringBuilder(packages.size() * (width + 60));
        String nl = System.lineSeparator();
        for (Installed.Summary p : packages) {
            text.append(p.name()).repeat(' ', width - p.name().length()).append("  ").append(p.versionRelease())
                    .append(" - ").append(p.meta().summary()).append(nl);
        }
        out.print(text);
    }

    /** {@code info}: titled fields, then dependencies and providers as bullet lists. */
    public static void info(PrintWriter out, String id, PackageMeta m, boolean installed) {
        field(out, "Name", m.name());
        field(out, "Status", installed ? "Installed" : "Not installed");
        field(out, "Version", m.version());
        field(out, "Release number", Long.toString(m.release()));
        if (m.buildRelease() > 1) {
            field(out, "Build Release", Long.toString(m.buildRelease()));
        }
        field(out, "Homepage", m.homepage());
        field(out, "Summary", m.summary());
        field(out, "Description", m.description().strip().replace("\n", "\n" + " ".repeat(TITLE_WIDTH + 1)));
        field(out, "Licenses", String.join(", ", m.licenses()));
        field(out, "Package id", id);
        bullets(out, "Dependencies", m.depends());
        bullets(out, "Providers", m.allProviders());
        bullets(out, "Conflicts", m.conflicts());
    }

    private static void field(PrintWriter out, String title, String value) {
        out.println(pad(title, TITLE_WIDTH) + " " + value);
    }

    private static void bullets(PrintWriter out, String title, List<Capability> items) {
        if (items.isEmpty()) {
            return;
        }
        out.println(title);
        items.stream().map(Capability::toString).sorted().forEach(c -> out.println("  \u2022 " + c));
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
