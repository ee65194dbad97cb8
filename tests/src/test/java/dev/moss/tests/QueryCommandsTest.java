package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moss.format.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the query commands print about an installation with the fixture and a test package in
 * state 2 (state 1 held only the fixture): {@code list installed}, {@code info},
 * {@code search-file}, {@code state list}, {@code state query} and {@code state active}, as text
 * and as JSON (parsed, fields asserted). The tests only read, so they share one root.
 */
class QueryCommandsTest extends E2eTest {
    @TempDir
    static Path shared;

    static Path fixture;
    static TestStones.TestStone hello;

    /** Runs after {@link E2eTest#createRoot()}: every test uses the one shared root instead. */
    @BeforeEach
    void twoStates() throws Exception {
        root = shared.resolve("root");
        if (hello != null) {
            return;
        }
        Files.createDirectory(root);
        fixture = Fixtures.bashCompletion(shared);
        hello = TestStones.named("hello").version("2.5").release(3).file("bin/hello", "#!/bin/sh\necho hi\n", 0755)
                .file("share/doc/hello/README", "read me\n").build(shared);
        MossInProcess.ok(root, "install", "-y", fixture.toString());
        MossInProcess.ok(root, "install", "-y", hello.path());
    }

    @Test
    void listInstalled() throws Exception {
        MossProcess.Result text = mossOk("list", "installed");
        assertThat(text.out().lines().toList()).hasSize(2);
        assertThat(text.out()).contains("bash-completion  2.11-1 - Programmable completion functions for bash")
                .contains("hello            2.5-3 - test package hello");
        assertThat(mossOk("li").out()).isEqualTo(text.out());

        JsonNode json = json("list", "installed", "--json");
        assertThat(json).hasSize(2);
        JsonNode h = json.get(1);
        assertThat(h.get("name").asText()).isEqualTo("hello");
        assertThat(h.get("version").asText()).isEqualTo("2.5");
        assertThat(h.get("release").asLong()).isEqualTo(3);
        assertThat(h.get("installed").asBoolean()).isTrue();
        assertThat(h.get("explicit").asBoolean()).isTrue();
        assertThat(h.get("id").asText()).isEqualTo(Listing.sha256(hello.file()));
        assertThat(json.get(0).get("name").asText()).isEqualTo("bash-completion");
    }

    @Test
    void info() throws Exception {
        MossProcess.Result text = mossOk("info", "bash-completion");
        assertThat(text.out()).contains("Name", "bash-completion", "Installed", "2.11",
                "https://github.com/scop/bash-completion", "GPL-2.0-or-later", "cmake(bash-completion)");

        JsonNode bc = json("info", "--json", "bash-completion").get(0);
        assertThat(bc.get("homepage").asText()).isEqualTo("https://github.com/scop/bash-completion");
        assertThat(bc.get("licenses").get(0).asText()).isEqualTo("GPL-2.0-or-later");
        assertThat(texts(bc.get("provides"))).contains("cmake(bash-completion)");
        assertThat(bc.get("installed").asBoolean()).isTrue();

        JsonNode files = json("info", "--json", "--files", "hello").get(0).get("files");
        assertThat(texts(files)).anyMatch(f -> f.startsWith("/usr/bin/hello ("))
                .anyMatch(f -> f.startsWith("/usr/share/doc/hello/README ("));

        // a provider finds its package: pack derives binary(hello) from /usr/bin/hello
        assertThat(json("info", "--json", "binary(hello)").get(0).get("name").asText()).isEqualTo("hello");

        MossProcess.Result missing = moss("info", "no-such-thing");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: ").contains("no-such-thing");
    }

    @Test
    void searchFile() throws Exception {
        assertThat(mossOk("search-file", "bin/hello").out().strip()).isEqualTo("/usr/bin/hello from hello");
        assertThat(mossOk("sf", "/usr/share/bash-completion/completions/7za").out())
                .contains("/usr/share/bash-completion/completions/7za -> 7z from bash-completion");
        assertThat(mossOk("search-file", "nothing-has-this-name").out()).isEmpty();
    }

    @Test
    void stateListQueryAndActive() throws Exception {
        JsonNode list = json("state", "list", "--json");
        assertThat(list).hasSize(2);
        JsonNode newest = list.get(0);
        assertThat(newest.get("id").asLong()).isEqualTo(2);
        assertThat(newest.get("active").asBoolean()).isTrue();
        assertThat(newest.get("summary").asText()).isEqualTo("Install");
        assertThat(newest.get("created").asText()).isNotEmpty();
        List<String> packages = new ArrayList<>();
        newest.get("selections").forEach(s -> {
            packages.add(s.get("package").asText());
            assertThat(s.get("explicit").asBoolean()).isTrue();
        });
        assertThat(packages).containsExactlyInAnyOrder(Listing.sha256(hello.file()), Listing.sha256(fixture));
        assertThat(list.get(1).get("active").asBoolean()).isFalse();

        JsonNode q1 = json("state", "query", "1", "--json");
        assertThat(q1.get("id").asLong()).isEqualTo(1);
        assertThat(q1.get("active").asBoolean()).isFalse();
        assertThat(q1.get("packages")).hasSize(1);
        assertThat(q1.get("packages").get(0).get("name").asText()).isEqualTo("bash-completion");
        JsonNode q2 = json("state", "query", "2", "--json");
        assertThat(texts(q2.get("packages"), "name")).containsExactly("bash-completion", "hello");

        assertThat(json("state", "active", "--json").get("id").asLong()).isEqualTo(2);
        assertThat(mossOk("state", "list").out()).contains("State #2 - Install (active)", "State #1 - Install");

        MossProcess.Result none = moss("state", "query", "7");
        assertThat(none.exit()).isNotZero();
        assertThat(none.err()).startsWith("error: ").contains("7");
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
