package dev.moss.db;

import dev.moss.format.meta.Capability;
import dev.moss.format.meta.PackageMeta;
import java.util.List;
import java.util.Optional;

/** Package metadata for tests. */
public final class TestPackages {
    private TestPackages() {}

    /** A package with two licenses, a dependency, a soname provider and no repository fields. */
    public static PackageMeta meta(String name) {
        return new PackageMeta(name, "1.2.3", 4, 1, "x86_64", "The " + name + " package",
                "Longer text about " + name, name + "-src", "https://example.org/" + name,
                List.of("MIT", "Apache-2.0"),
                List.of(Capability.parse("soname(libc.so.6(x86_64))"), Capability.name("base")),
                List.of(Capability.parse("soname(lib" + name + ".so.1(x86_64))"), Capability.parse("binary(" + name + ")")),
                List.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static String sha(int n) {
        return String.format("%064x", n);
    }
}
