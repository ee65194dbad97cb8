package dev.moss.format.record;

import java.nio.charset.StandardCharsets;

/**
 * Rules for layout paths: relative to {@code /usr}, never able to leave it. A path is non-empty,
 * relative, free of NUL, and made of non-empty components none of which is {@code .} or
 * {@code ..}. It also fits Linux's limits, so a package cannot fail half-way through writing its
 * tree: no component over {@link #MAX_NAME_BYTES}, and {@code /usr/<path>} within PATH_MAX.
 */
public final class LayoutPaths {
    /** NAME_MAX: the longest file name Linux file systems take. */
    public static final int MAX_NAME_BYTES = 255;
    /**
     * The longest path: {@code "/usr/" + path} and its NUL within PATH_MAX (4096), so every tool
     * can still open the file by its absolute name.
     */
    public static final int MAX_PATH_BYTES = 4096 - "/usr/".length() - 1;
    /** The longest symlink text Linux stores (PATH_MAX - 1). */
    public static final int MAX_LINK_TEXT_BYTES = 4095;

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
        if (to - from > MAX_PATH_BYTES) {
            return "path is " + (to - from) + " bytes long, over the " + MAX_PATH_BYTES + " that fit in PATH_MAX below /usr/";
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
                } else if (len > MAX_NAME_BYTES) {
                    first = "path has a " + len + "-byte component, over the " + MAX_NAME_BYTES + " of NAME_MAX";
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
        // a char is at most 3 UTF-8 bytes: only long texts need counting
        int bytes = text.length() * 3 <= MAX_LINK_TEXT_BYTES ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_LINK_TEXT_BYTES) {
            return "symlink text is " + bytes + " bytes long, over the " + MAX_LINK_TEXT_BYTES + " Linux stores";
        }
        return null;
    }
}
