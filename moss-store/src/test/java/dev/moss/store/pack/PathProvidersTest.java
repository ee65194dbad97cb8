package dev.moss.store.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.format.meta.Capability;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathProvidersTest {
    private static List<String> of(String path) {
        return PathProviders.forPath(path).stream().map(Capability::toString).toList();
    }

    @Test
    void derivesFromPaths() {
        assertThat(of("bin/bash")).containsExactly("binary(bash)");
        assertThat(of("sbin/ip")).containsExactly("sysbinary(ip)");
        assertThat(of("lib/pkgconfig/zlib.pc")).containsExactly("pkgconfig(zlib)");
        assertThat(of("share/pkgconfig/bash-completion.pc")).containsExactly("pkgconfig(bash-completion)");
        assertThat(of("lib32/pkgconfig/zlib.pc")).containsExactly("pkgconfig32(zlib)");
        assertThat(of("lib/cmake/Qt6/Qt6Config.cmake")).containsExactly("cmake(Qt6)");
        assertThat(of("share/cmake/bash-completion/bash-completion-config.cmake"))
                .containsExactly("cmake(bash-completion)");
    }

    @Test
    void ignoresLookalikes() {
        assertThat(of("bin/sub/tool")).isEmpty();
        assertThat(of("share/cmake/bash-completion/bash-completion-config-version.cmake")).isEmpty();
        assertThat(of("lib/zlib.pc")).isEmpty();
        assertThat(of("lib/pkgconfig/.pc")).isEmpty();
        assertThat(of("lib/cmake/Config.cmake")).isEmpty();
        assertThat(of("share/doc/bin")).isEmpty();
    }
}
