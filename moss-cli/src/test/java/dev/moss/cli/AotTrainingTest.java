package dev.moss.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher drops a cache whose training failed, silently; this is where a failure shows. */
class AotTrainingTest {
    @Test
    void everyTrainingCommandSucceeds(@TempDir Path work) throws Exception {
        assertThat(AotTraining.train(work)).isEqualTo(ExitCodes.OK);
    }
}
