package dev.moss.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the command word in an argument list, and expands upstream's two-word shortcuts
 * ({@code li} for {@code list installed}), which picocli aliases cannot express. Unlike upstream,
 * only the command word itself is rewritten, never a package name that happens to be {@code li}.
 */
final class Aliases {
    private static final Map<String, List<String>> EXPANSIONS = Map.of("li", List.of("list", "installed"));
    /** Global options that take a value: the word after them is not the command. */
    private static final Set<String> WITH_VALUE = Set.of("-D", "--directory", "--cache");

    private Aliases() {}

    /** Index of the first word that is neither an option nor an option's value, or -1. */
    static int commandWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (WITH_VALUE.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return i;
            }
        }
        return -1;
    }

    static String[] expand(String[] args) {
        int i = commandWord(args);
        List<String> expansion = i < 0 ? null : EXPANSIONS.get(args[i]);
        if (expansion == null) {
            return args;
        }
        List<String> out = new ArrayList<>(List.of(args).subList(0, i));
        out.addAll(expansion);
        out.addAll(List.of(args).subList(i + 1, args.length));
        return out.toArray(String[]::new);
    }
}
