package dev.moss.format.record;

/**
 * Rules for layout paths: relative to {@code /usr}, never able to leave it. A path is non-empty,
 * relative, free of NUL, and made of non-empty components none of which is {@code .} or
 * {@code ..}.
 */
public final class LayoutPaths {
    private LayoutPaths() {}

    /** Returns why {@code path} is unsafe, or {@code null} when it is fine. */
    public static String problem(String path) {
        if (path.isEmpty()) {
            return "path is empty";
        }
        if (path.charAt(0) == '/') {
            return "path is absolute";
        }
        if (path.indexOf('\0') >= 0) {
            return "path contains NUL";
        }
        int start = 0;
        int n = path.length();
        while (start <= n) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? n : slash;
            int len = end - start;
            if (len == 0) {
                return "path contains an empty component (\"//\" or a trailing \"/\")";
            }
            if (len == 1 && path.charAt(start) == '.') {
                return "path contains \".\"";
            }
            if (len == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.') {
                return "path contains \"..\"";
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return null;
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
