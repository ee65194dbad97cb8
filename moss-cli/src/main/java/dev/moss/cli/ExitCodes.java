package dev.moss.cli;

/** moss's exit codes; the usage footer lists them, and {@link ErrorReporter} is the one place that picks them. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** The operation failed, including bad or corrupt input files. */
    public static final int FAILURE = 1;
    /** Invalid command line. */
    public static final int USAGE = 2;
    /** The installation is in a state that forbids the operation (locked, no active state). */
    public static final int BAD_STATE = 3;
    /** A bug in moss. */
    public static final int INTERNAL = 4;
    /** Interrupted by the user. */
    public static final int CANCELLED = 130;

    /** The usage-help footer listing the codes (picocli expands {@code %n}). */
    public static final String FOOTER = "%nExit codes:%n"
            + "  0    OK%n"
            + "  1    failure (including bad or corrupt input files)%n"
            + "  2    invalid command line%n"
            + "  3    bad state (installation locked, no active state)%n"
            + "  4    internal error%n"
            + "  130  cancelled";

    private ExitCodes() {}
}
