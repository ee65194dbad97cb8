package dev.moss.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs the real, fully wired command line in process and captures what it prints. */
final class MossRunner {
    /** Exit code, stdout and stderr of one run. */
    record Run(int code, String out, String err, CommandLine cmd) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private MossRunner() {}

    static Run run(Object... args) {
        CommandLine cmd = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
        return new Run(code, out.toString(), err.toString(), cmd);
    }
}
