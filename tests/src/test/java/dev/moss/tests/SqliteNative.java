package dev.moss.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * sqlite-jdbc's native library, extracted once per test JVM into a private directory and handed
 * to every moss process the tests start (as the launcher does with its own copy). Left to itself,
 * each process extracts into /tmp and deletes other processes' copies, and concurrent processes
 * race over that: a SEVERE stack trace on stderr, where the tests read moss's messages.
 */
final class SqliteNative {
    private static List<String> options;

    private SqliteNative() {}

    static synchronized List<String> jvmOptions() throws IOException {
        if (options == null) {
            String arch = switch (System.getProperty("os.arch")) {
                case "amd64", "x86_64" -> "x86_64";
                case "aarch64" -> "aarch64";
                default -> "";
            };
            String resource = "org/sqlite/native/Linux/" + arch + "/libsqlitejdbc.so";
            try (InputStream in = SqliteNative.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    options = List.of(); // another platform: sqlite-jdbc finds its own
                } else {
                    Path dir = Files.createTempDirectory("moss-tests-sqlite");
                    Files.copy(in, dir.resolve("libsqlitejdbc.so"), StandardCopyOption.REPLACE_EXISTING);
                    dir.toFile().deleteOnExit();
                    dir.resolve("libsqlitejdbc.so").toFile().deleteOnExit();
                    options = List.of("-Dorg.sqlite.lib.path=" + dir, "-Dorg.sqlite.lib.name=libsqlitejdbc.so");
                }
            }
        }
        return options;
    }
}
