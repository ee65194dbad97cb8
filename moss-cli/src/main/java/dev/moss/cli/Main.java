package dev.moss.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Entry point of the {@code moss} launcher. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String[] expanded = Aliases.expand(args);
        WarmUp.start(expanded);
        System.exit(commandLineFor(expanded).execute(expanded));
    }

    /**
     * The fully wired command line with every subcommand: the error reporter as exit-code mapper,
     * execution-exception handler and parameter-exception handler. Tests, help and the man pages
     * use this, with their own {@code setOut}/{@code setErr}.
     */
    public static CommandLine commandLine() {
        CommandLine cl = wire(new CommandLine(new MossCommand().model().spec()));
        Subcommands.all().forEach(cl::addSubcommand);
        return cl;
    }

    /**
     * The command line for one invocation: only the subcommand that was typed is modelled (see
     * {@link Subcommands}); without a recognisable one (help, a typo) everything is, so usage and
     * "did you mean" messages are complete.
     */
    static CommandLine commandLineFor(String[] args) {
        int word = Aliases.commandWord(args);
        CommandSpec sub = word < 0 ? null : Subcommands.create(args[word]);
        if (sub == null) {
            return commandLine();
        }
        CommandLine cl = wire(new CommandLine(new MossCommand().model().spec()));
        cl.addSubcommand(sub);
        return cl;
    }

    private static CommandLine wire(CommandLine cl) {
        ErrorReporter reporter = new ErrorReporter();
        return cl.setExitCodeExceptionMapper(reporter)
                .setExecutionExceptionHandler(reporter)
                .setParameterExceptionHandler(reporter);
    }
}
