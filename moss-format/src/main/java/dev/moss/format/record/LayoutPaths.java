package dev.moss.format.record;

import java.nio.charset.StandardCharsets;

/**
 * Rules for layout paths: relative to {@code /usr}, never able to leave it. A path is non-empty,
 * relative, free of NUL, and made of non-empty components none of which is {@code .} or
 * {@code ..}.
 */
public final class LayoutPaths {
    private LayoutPaths() {}

    /** Returns why {@code path} is unsafe, or {@code null} when it is fine. */
    public static String problem(String path) {
        byte[] b = path.getBytes(StandardCharsets.UTF_8);
        return problem(b, 0, b.length);
    }

    /**
     * Returns why the UTF-8 path in {@code b[from, to)} is unsafe, or {@code null}. One pass over
     * the bytes: every layout path of every stone read goes through here, so it must not cost
     * more than reading the path did. ('/', '.' and NUL never occur inside a multi-byte UTF-8
     * sequence, so looking at bytes is looking at characters.)
     */
    public static String problem(byte[] b, int from, int to) {
        if (from >= to) {
            return "path is empty";
        }
        if (b[from] == '/') {
            return "path is absolute";
        }
        // A NUL anywhere is reported before the first bad component, as the rules list them.
        String first = null;
        int start = from;
        for (int i = from; i <= to; i++) {
            byte c = i < to ? b[i] : (byte) '/';
            if (c == 0) {
                return "path contains NUL";
            }
            if (c != '/') {
                continue;
            }
            if (first == null) {
                int len = i - start;
                if (len == 0) {
                    first = "path contains an empty component (\"//\" or a trailing \"/\")";
                } else if (b[start] == '.' && len == 1) {
                    first = "path contains \".\"";
                } else if (b[start] == '.' && len == 2 && b[start + 1] == '.') {
                    first = "path contains \"..\"";
                }
            }
            start = i + 1;
        }
        return first;
    }

    /** Returns why symlink text cannot be created, or {@code null}. Its value may point anywhere. */
    public static String linkTextProblem(String text) {
        if (text.isEmpty()) {
            return "symlink text is empty";
        }
        if (text.indexOf('\0') >= 0) {
            return "symlink text contains NUL";
        }
        return null;
    }
}
