package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh installation root per test, {@code dir/root}, and the real CLI to run against it. A class
 * whose tests only read may point {@link #root} at a shared root in its own {@code @BeforeEach}.
 */
abstract class E2eTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path root;

    @BeforeEach
    void createRoot() throws IOException {
        root = Files.createDirectory(dir.resolve("root"));
    }

    /** Runs {@code moss -D root ARGS} in a new JVM. */
    MossProcess.Result moss(String... args) throws IOException, InterruptedException {
        return MossProcess.on(root).run(args);
    }

    /** Runs {@code moss -D root ARGS} and asserts it succeeded without a word on stderr but warnings. */
    MossProcess.Result mossOk(String... args) throws IOException, InterruptedException {
        MossProcess.Result r = moss(args);
        assertThat(r.exit()).as("moss %s\n%s", String.join(" ", args), r).isZero();
        return r;
    }

    /** Runs a command that prints JSON and parses its stdout. */
    JsonNode json(String... args) throws IOException, InterruptedException {
        return JSON.readTree(mossOk(args).out());
    }

    /** The target of ROOT/usr. */
    String usrLink() throws IOException {
        return Files.readSymbolicLink(root.resolve("usr")).toString();
    }
}
