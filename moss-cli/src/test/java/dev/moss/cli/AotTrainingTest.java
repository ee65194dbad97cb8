package dev.moss.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher drops a cache whose training failed, silently; this is where a failure shows. */
class AotTrainingTest {
    @Test
    void everyTrainingCommandSucceeds(@TempDir Path work) throws Exception {
        Path root = work.resolve("root");
        assertThat(AotTraining.train(root)).isEqualTo(ExitCodes.OK);
        assertThat(root.resolve("usr/bin/aot-training")).exists();
        assertThat(AotTraining.queries(root)).isEqualTo(ExitCodes.OK);
        assertThat(AotTraining.queries(work.resolve("missing"))).isNotEqualTo(ExitCodes.OK);
        assertThat(Files.list(work)).containsExactly(root);
    }
}
