package dev.moss.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command accepts, before or after the subcommand name ({@code moss -v inspect x}
 * and {@code moss inspect x -v} are the same). Declared once on {@link MossCommand} with
 * {@link ScopeType#INHERIT}: picocli copies them into every subcommand, bound to this one instance.
 */
public final class GlobalOptions {
    @Option(names = {"-D", "--directory"}, paramLabel = "ROOT", defaultValue = "/", scope = ScopeType.INHERIT,
            description = "Root of the installation to operate on (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Option(names = "--cache", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Use DIR as the download and asset cache instead of ROOT/.moss.")
    Path cache;

    @Option(names = {"-y", "--yes", "--yes-all"}, scope = ScopeType.INHERIT,
            description = "Answer yes to every question.")
    boolean yes;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Say more; show stack traces of errors.")
    boolean verbose;

    @Option(names = "--no-wait", scope = ScopeType.INHERIT,
            description = "Fail at once instead of waiting when another moss process holds the lock.")
    boolean noWait;

    /** Whether to wait for another process's lock ({@code --no-wait} says no). */
    public boolean waitForLock() {
        return !noWait;
    }

    public Path directory() {
        return directory;
    }

    public Optional<Path> cache() {
        return Optional.ofNullable(cache);
    }

    public boolean yes() {
        return yes;
    }

    public boolean verbose() {
        return verbose;
    }
}
