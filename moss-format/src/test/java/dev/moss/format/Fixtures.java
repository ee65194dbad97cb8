package dev.moss.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The upstream test package shipped in test resources, copied out to a real file. */
public final class Fixtures {
    public static final String BASH_COMPLETION = "bash-completion-2.11-1-1-x86_64.stone";

    private Fixtures() {}

    public static byte[] bashCompletionBytes() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + BASH_COMPLETION)) {
            if (in == null) {
                throw new IllegalStateException("fixture missing from test resources: " + BASH_COMPLETION);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the fixture into {@code dir} and returns its path. */
    public static Path bashCompletion(Path dir) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + BASH_COMPLETION)) {
            Path out = dir.resolve(BASH_COMPLETION);
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
