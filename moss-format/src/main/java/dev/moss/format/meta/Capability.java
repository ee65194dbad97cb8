package dev.moss.format.meta;

import java.util.Objects;

/**
 * A dependency, provider or conflict: {@code kind(name)}. Matching is exact equality of the
 * text form, so one type serves all three roles.
 */
public record Capability(CapabilityKind kind, String name) implements Comparable<Capability> {
    public Capability {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(name);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty " + kind.prefix + "() name");
        }
    }

    public static Capability name(String packageName) {
        return new Capability(CapabilityKind.PACKAGE_NAME, packageName);
    }

    /**
     * Parses {@code kind(name)}: split at the first {@code (}, the text must end in {@code )} and
     * the prefix must be a known kind; text without {@code (} is a plain package name.
     *
     * @throws IllegalArgumentException naming the text and the problem
     */
    public static Capability parse(String text) {
        int open = text.indexOf('(');
        if (open < 0) {
            if (text.isEmpty() || text.indexOf(')') >= 0) {
                throw new IllegalArgumentException("invalid provider \"" + text + "\"");
            }
            return name(text);
        }
        if (!text.endsWith(")") || open == text.length() - 1) {
            throw new IllegalArgumentException("invalid provider \"" + text + "\": expected kind(name)");
        }
        String prefix = text.substring(0, open);
        CapabilityKind kind = CapabilityKind.fromPrefix(prefix).orElseThrow(() ->
                new IllegalArgumentException("invalid provider \"" + text + "\": unknown kind \"" + prefix + "\""));
        String name = text.substring(open + 1, text.length() - 1);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("invalid provider \"" + text + "\": empty name");
        }
        return new Capability(kind, name);
    }

    @Override
    public String toString() {
        return kind.prefix + "(" + name + ")";
    }

    /** Upstream sorts by the text form. */
    @Override
    public int compareTo(Capability o) {
        return toString().compareTo(o.toString());
    }
}
