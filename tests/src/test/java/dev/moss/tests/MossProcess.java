package dev.moss.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real CLI in a fresh JVM, as a user's shell would, with the test's classpath: stdin
 * closed (no terminal, so no question can be answered), both output streams drained while it
 * runs, and only the environment variables a test sets on top of the inherited ones (any
 * {@code MOSS_TEST_CRASH_AT} or {@code MOSS_TEST_FAIL_AT} inherited from the outside is dropped).
 *
 * <pre>
 * MossProcess.Result r = MossProcess.in(dir).run("-D", root.toString(), "install", "-y", stone.toString());
 * MossProcess.Running p = MossProcess.in(dir).env("MOSS_TEST_CRASH_AT", "after-blit").start(...);
 * </pre>
 */
public final class MossProcess {
    /** Small, quick-starting JVMs: the CLI does little work per run. */
    static final List<String> DEFAULT_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    /** Exit code and both output streams of one run. */
    public record Result(int exit, String out, String err) {
        /** Whether the process was killed by SIGKILL (a crash point or {@code destroyForcibly}). */
        public boolean killed() {
            return exit == 137;
        }

        public List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A started process whose output is being collected. */
    public static final class Running {
        private final Process process;
        private final Drain out;
        private final Drain err;
        private final String description;

        private Running(Process process, String description) {
            this.process = process;
            this.description = description;
            this.out = new Drain(process.getInputStream());
            this.err = new Drain(process.getErrorStream());
        }

        public Process process() {
            return process;
        }

        /** Waits for the process to end by itself. */
        public Result await() throws IOException, InterruptedException {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new IOException(description + " did not finish");
            }
            return result();
        }

        /** SIGKILL (like {@code kill -9}), then waits for it to be gone. */
        public Result kill() throws IOException, InterruptedException {
            process.destroyForcibly();
            process.waitFor();
            return result();
        }

        /** Everything stderr has said so far. */
        public String errSoFar() {
            return err.text();
        }

        private Result result() throws InterruptedException {
            out.join();
            err.join();
            return new Result(process.exitValue(), out.text(), err.text());
        }
    }

    /** Copies one stream into memory on its own thread, so a full pipe never blocks the child. */
    private static final class Drain extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Drain(InputStream in) {
            this.in = in;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    synchronized (bytes) {
                        bytes.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process was killed; keep what arrived
            }
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private final Path workDir;
    private final List<String> jvmOptions = new ArrayList<>(DEFAULT_JVM);
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path root;
    private final List<String> wrapper = new ArrayList<>();

    private MossProcess(Path workDir) {
        this.workDir = workDir;
    }

    /** A runner whose processes start in {@code workDir}. */
    public static MossProcess in(Path workDir) {
        return new MossProcess(workDir);
    }

    /** A runner for installation {@code root}, started in the root's parent. */
    public static MossProcess on(Path root) {
        return new MossProcess(root.toAbsolutePath().getParent()).root(root);
    }

    /** Every command gets {@code -D root} in front of its arguments. */
    public MossProcess root(Path root) {
        this.root = root;
        return this;
    }

    /** Runs the JVM through {@code prefix}, e.g. {@code setpriv ...} to drop privileges. */
    public MossProcess wrap(String... prefix) {
        wrapper.addAll(List.of(prefix));
        return this;
    }

    public MossProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public MossProcess jvm(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    public Result run(String... args) throws IOException, InterruptedException {
        return start(args).await();
    }

    public Running start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(SqliteNative.jvmOptions());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.moss.cli.Main");
        if (root != null) {
            cmd.add("-D");
            cmd.add(root.toString());
        }
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().remove("MOSS_TEST_CRASH_AT");
        pb.environment().remove("MOSS_TEST_FAIL_AT");
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            p.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Running(p, "moss " + String.join(" ", args));
    }

    /** Kept for {@link LargeContentTest}: a run with extra JVM options. */
    public static Result run(List<String> jvmOptions, Path workDir, String... args) throws IOException, InterruptedException {
        MossProcess m = in(workDir);
        m.jvmOptions.clear();
        m.jvmOptions.addAll(jvmOptions);
        return m.run(args);
    }
}
