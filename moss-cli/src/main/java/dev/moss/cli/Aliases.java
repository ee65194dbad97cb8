package dev.moss.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream's two-word shortcuts ({@code li} for {@code list installed}), which picocli aliases
 * cannot express. Unlike upstream, only the command word itself is rewritten, never a package
 * name that happens to be spelled {@code li}.
 */
final class Aliases {
    private static final Map<String, List<String>> EXPANSIONS = Map.of("li", List.of("list", "installed"));
    /** Global options that take a value: the word after them is not the command. */
    private static final Set<String> WITH_VALUE = Set.of("-D", "--directory", "--cache");

    private Aliases() {}

    static String[] expand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (WITH_VALUE.contains(a)) {
                i++;
                continue;
            }
            if (a.startsWith("-")) {
                continue;
            }
            List<String> expansion = EXPANSIONS.get(a);
            if (expansion == null) {
                return args;
            }
            List<String> out = new ArrayList<>(List.of(args).subList(0, i));
            out.addAll(expansion);
            out.addAll(List.of(args).subList(i + 1, args.length));
            return out.toArray(String[]::new);
        }
        return args;
    }
}
