package dev.moss.cli;

import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Options every command accepts, before or after the subcommand name ({@code moss -v inspect x}
 * and {@code moss inspect x -v} are the same). Declared once on {@link MossCommand} as inherited
 * options: picocli copies them into every subcommand, all bound to the one value held here.
 */
public final class GlobalOptions {
    private final Arg<Path> directory;
    private final Arg<Path> cache;
    private final Arg<Boolean> yes;
    private final Arg<Boolean> verbose;
    private final Arg<Boolean> noWait;

    GlobalOptions(CommandModel root) {
        directory = root.inheritedOption(Path.class, "ROOT", "/",
                "Root of the installation to operate on (default: ${DEFAULT-VALUE}).", "-D", "--directory");
        cache = root.inheritedOption(Path.class, "DIR", null,
                "Use DIR as the download and asset cache instead of ROOT/.moss.", "--cache");
        yes = root.inheritedFlag("Answer yes to every question.", "-y", "--yes", "--yes-all");
        verbose = root.inheritedFlag("Say more; show stack traces of errors.", "-v", "--verbose");
        noWait = root.inheritedFlag("Fail at once instead of waiting when another moss process holds the lock.",
                "--no-wait");
    }

    /** Whether to wait for another process's lock ({@code --no-wait} says no). */
    public boolean waitForLock() {
        return !noWait.get();
    }

    public Path directory() {
        return directory.get();
    }

    public Optional<Path> cache() {
        return Optional.ofNullable(cache.get());
    }

    public boolean yes() {
        return yes.get();
    }

    public boolean verbose() {
        return verbose.get();
    }
}
