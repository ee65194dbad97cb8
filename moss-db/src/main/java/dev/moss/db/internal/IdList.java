package dev.moss.db.internal;

import java.util.Collection;

/**
 * Passes a list of ids to SQLite as one parameter. Upstream binds a Rust vector through the
 * {@code rarray()} extension, which JDBC lacks; instead we bind a JSON array and expand it with
 * SQLite's built-in {@code json_each()}: one parameter whatever the count (no chunking, so one
 * statement keeps its {@code ORDER BY} over all ids), nothing written to a temp table, and it
 * works on read-only connections.
 *
 * <pre>{@code
 * "DELETE FROM layout WHERE package_id IN " + IdList.IN_PARAMETER   // bind IdList.json(ids)
 * }</pre>
 */
public final class IdList {
    /** A subquery yielding the ids of the bound JSON array, to follow {@code IN}. */
    public static final String IN_PARAMETER = "(SELECT value FROM json_each(?))";

    private IdList() {}

    /** The ids as a JSON array of strings. */
    public static String json(Collection<String> ids) {
        StringBuilder sb = new StringBuilder(ids.size() * 68 + 2).append('[');
        boolean first = true;
        for (String id : ids) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            appendString(sb, id);
        }
        return sb.append(']').toString();
    }

    private static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
