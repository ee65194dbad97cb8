package dev.moss.cli;

import dev.moss.cli.render.ConsoleListener;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a subcommand at any depth needs from the top: the global options (bound to the root
 * {@link MossCommand}, whatever level they were typed at), its output streams and a listener.
 */
public record CommandContext(GlobalOptions globals, PrintWriter out, PrintWriter err) {
    public static CommandContext of(CommandSpec spec) {
        if (!(spec.root().userObject() instanceof MossCommand root)) {
            throw new IllegalStateException(spec.qualifiedName() + " runs outside the moss command");
        }
        return new CommandContext(root.globals(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    public ConsoleListener listener() {
        return new ConsoleListener(out, err, globals.yes(), globals.verbose());
    }
}
