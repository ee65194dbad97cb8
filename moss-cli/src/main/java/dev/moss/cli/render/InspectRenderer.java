package dev.moss.cli.render;

import dev.moss.format.meta.CapabilityKind;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import dev.moss.format.record.MetaRecord;
import dev.moss.format.record.MetaTag;
import dev.moss.format.record.MetaValue;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a stone the way upstream's {@code moss inspect} does: the container line, every meta
 * record in file order as {@code <Tag padded to 20> : <value>}, then the dependency, provider and
 * conflict lists and the layout entries.
 */
public final class InspectRenderer {
    private static final int COLUMN = 20;

    private InspectRenderer() {}

    public static void render(PrintWriter out, String path, List<MetaRecord> meta, List<LayoutRecord> layout) {
        out.println("\"" + path + "\" = stone container version V1");
        List<String> depends = new ArrayList<>();
        List<String> providers = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        if (!meta.isEmpty()) {
            out.println();
        }
        for (MetaRecord r : meta) {
            switch (r.value()) {
                case MetaValue.DependencyValue(int kind, String name) -> depends.add(capability(kind, name));
                case MetaValue.ProviderValue(int kind, String name) when r.tag() == MetaTag.CONFLICTS ->
                        conflicts.add(capability(kind, name));
                case MetaValue.ProviderValue(int kind, String name) -> providers.add(capability(kind, name));
                default -> out.println(pad(r.tag().displayName) + " : " + r.value());
            }
        }
        list(out, "Dependencies", depends);
        list(out, "Providers", providers);
        list(out, "Conflicts", conflicts);
        if (!layout.isEmpty()) {
            out.println();
            out.println(pad("Layout entries") + " :");
            for (LayoutRecord r : layout) {
                out.println("    - " + layoutLine(r.entry()));
            }
        }
    }

    /** One layout entry as upstream prints it, without the leading bullet. */
    static String layoutLine(LayoutEntry entry) {
        String path = "/usr/" + entry.target();
        return switch (entry) {
            case LayoutEntry.Regular r -> path + " - [Regular] " + r.digest().toPaddedHex();
            case LayoutEntry.Symlink s -> path + " -> " + s.source() + " [Symlink]";
            case LayoutEntry.Directory d -> path + " - [Directory]";
            case LayoutEntry.Special s -> path + " - [" + s.type().displayName + "]";
            case LayoutEntry.Unknown u -> path + " - [Unknown " + u.typeCode() + "]";
        };
    }

    /** {@code kind(name)}, also for kind codes this version does not know. */
    static String capability(int kind, String name) {
        String prefix = CapabilityKind.fromCode(kind).map(k -> k.prefix).orElse("unknown" + kind);
        return prefix + "(" + name + ")";
    }

    private static void list(PrintWriter out, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.println();
        out.println(pad(title) + " :");
        for (String s : items) {
            out.println("    - " + s);
        }
    }

    private static String pad(String s) {
        return s.length() >= COLUMN ? s : s + " ".repeat(COLUMN - s.length());
    }
}
