package dev.moss.cli;

import picocli.CommandLine;

/** Entry point of the {@code moss} launcher. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(Aliases.expand(args)));
    }

    /**
     * The fully wired command line: subcommands, the error reporter as exit-code mapper,
     * execution-exception handler and parameter-exception handler. Tests use this too, with
     * their own {@code setOut}/{@code setErr}.
     */
    public static CommandLine commandLine() {
        ErrorReporter reporter = new ErrorReporter();
        return new CommandLine(new MossCommand())
                .setExitCodeExceptionMapper(reporter)
                .setExecutionExceptionHandler(reporter)
                .setParameterExceptionHandler(reporter);
    }
}
