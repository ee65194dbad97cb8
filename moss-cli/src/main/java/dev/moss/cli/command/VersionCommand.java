package dev.moss.cli.command;

import dev.moss.cli.ExitCodes;
import dev.moss.cli.MossVersion;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code moss version}: {@code moss <version>}, or with {@code --full} also the runtime it runs on. */
public final class VersionCommand implements Callable<Integer> {
    private final CommandModel model = CommandModel.of(this, "version", "Print the version of moss.");
    private final Arg<Boolean> full = model.flag("Also print the Java runtime and platform.", "-f", "--full");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() {
        PrintWriter out = model.spec().commandLine().getOut();
        out.println("moss " + MossVersion.version());
        if (full.get()) {
            out.println("java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")");
            out.println("os " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
