package dev.moss.store.pack;

import dev.moss.format.meta.Capability;
import dev.moss.format.meta.CapabilityKind;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The providers boulder derives from paths alone: {@code /usr/bin/X} gives {@code binary(X)}
 * (symlinks included), {@code /usr/sbin/X} {@code sysbinary(X)}, {@code .../pkgconfig/N.pc}
 * {@code pkgconfig(N)} ({@code pkgconfig32(N)} when a {@code lib32} component is present) and
 * {@code NConfig.cmake} or {@code N-config.cmake} {@code cmake(N)}. Only regular files and
 * symlinks provide; directories and special files do not.
 */
public final class PathProviders {
    private PathProviders() {}

    /** Providers of a whole layout, sorted by text form and unique. */
    public static Set<Capability> derive(List<LayoutRecord> layout) {
        Set<Capability> out = new TreeSet<>();
        for (LayoutRecord r : layout) {
            if (r.entry() instanceof LayoutEntry.Regular || r.entry() instanceof LayoutEntry.Symlink) {
                forPath(r.entry().target()).forEach(out::add);
            }
        }
        return out;
    }

    /** Providers implied by one file path relative to {@code /usr}. */
    public static List<Capability> forPath(String target) {
        String[] parts = target.split("/");
        String file = parts[parts.length - 1];
        List<String> dirs = Arrays.asList(parts).subList(0, parts.length - 1);
        if (parts.length == 2 && parts[0].equals("bin")) {
            return List.of(new Capability(CapabilityKind.BINARY, file));
        }
        if (parts.length == 2 && parts[0].equals("sbin")) {
            return List.of(new Capability(CapabilityKind.SYSTEM_BINARY, file));
        }
        if (dirs.contains("pkgconfig") && file.endsWith(".pc") && file.length() > 3) {
            CapabilityKind kind = dirs.contains("lib32") ? CapabilityKind.PKG_CONFIG32 : CapabilityKind.PKG_CONFIG;
            return List.of(new Capability(kind, file.substring(0, file.length() - 3)));
        }
        return cmakeName(file).map(n -> List.of(new Capability(CapabilityKind.CMAKE, n))).orElse(List.of());
    }

    private static Optional<String> cmakeName(String file) {
        for (String suffix : new String[] {"-config.cmake", "Config.cmake"}) {
            if (file.endsWith(suffix) && file.length() > suffix.length()) {
                return Optional.of(file.substring(0, file.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }
}
