package dev.moss.cli.command;

import dev.moss.cli.ExitCodes;
import dev.moss.cli.MossVersion;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code moss version}: {@code moss <version>}, or with {@code --full} also the runtime it runs on. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version of moss.")
public final class VersionCommand implements Callable<Integer> {
    @Option(names = {"-f", "--full"}, description = "Also print the Java runtime and platform.")
    boolean full;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("moss " + MossVersion.version());
        if (full) {
            out.println("java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")");
            out.println("os " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
