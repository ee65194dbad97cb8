package dev.moss.format.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PackageMetaTest {
    /** Upstream's order is that of the text forms, which is not the order of kind and then name. */
    @Test
    void capabilitiesAreSortedByTextFormWithoutDuplicates() {
        List<String> sorted = List.of("binary(a!)", "binary(a)", "binary(a.b)", "pkgconfig(zlib)",
                "pkgconfig32(zlib)", "soname(libc.so.6(x86_64))", "soname(libc.so.6)");
        List<Capability> given = new ArrayList<>();
        for (String text : sorted) {
            given.add(Capability.parse(text));
            given.add(Capability.parse(text)); // every one twice
        }
        given.add(Capability.name("p")); // a package provides its own name implicitly: dropped
        Collections.shuffle(given, new Random(7));

        PackageMeta meta = new PackageMeta("p", "1", 1, 1, "x86_64", "s", "d", "p", "h", List.of("MIT"),
                given, given, given, Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(meta.provides()).extracting(Capability::toString).containsExactlyElementsOf(sorted);
        assertThat(meta.conflicts()).extracting(Capability::toString).startsWith("binary(a!)").hasSize(8)
                .contains("name(p)");
        List<String> byCompareTo = given.stream().distinct().sorted().map(Capability::toString).toList();
        assertThat(meta.depends()).extracting(Capability::toString).containsExactlyElementsOf(byCompareTo);
    }
}
