package dev.moss.tests;

import dev.moss.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The same fully wired command line as {@code moss}, run inside the test JVM: for setting up
 * roots and finishing operations quickly, where a fresh JVM per command would only cost time.
 * Whatever is under test runs in a real process ({@link MossProcess}).
 */
final class MossInProcess {
    private MossInProcess() {}

    static MossProcess.Result run(Path root, String... args) {
        List<String> all = new ArrayList<>(List.of("-D", root.toString()));
        all.addAll(List.of(args));
        CommandLine cmd = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(all.toArray(String[]::new));
        return new MossProcess.Result(code, out.toString(), err.toString());
    }

    /** Runs and fails the test unless the command succeeded. */
    static MossProcess.Result ok(Path root, String... args) {
        MossProcess.Result r = run(root, args);
        if (r.exit() != 0) {
            throw new AssertionError("moss " + String.join(" ", args) + " (in process) failed:\n" + r);
        }
        return r;
    }
}
