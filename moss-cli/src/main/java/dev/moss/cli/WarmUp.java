package dev.moss.cli;

import dev.moss.store.client.Client;
import java.util.Set;

/**
 * One-time work a command will need, started on background threads before picocli even parses:
 * readying SQLite (about 30 ms) and the native calls that build trees (about 0.1 s). The JVM's
 * start-up leaves the second core idle; this puts it to use.
 */
final class WarmUp {
    /** Commands that open an installation, and with it its databases. */
    private static final Set<String> OPEN_INSTALLATION =
            Set.of("install", "it", "remove", "rm", "list", "info", "search-file", "sf", "state", "cache");

    /** Commands, and state subcommands, that write trees. */
    private static final Set<String> BLIT = Set.of("install", "it", "remove", "rm", "activate", "verify");

    private WarmUp() {}

    /** Starts what the command in {@code args} (aliases expanded) will need. */
    static void start(String[] args) {
        int word = Aliases.commandWord(args);
        if (word < 0 || !OPEN_INSTALLATION.contains(args[word])) {
            return;
        }
        Client.warmUpInBackground();
        String next = word + 1 < args.length ? args[word + 1] : "";
        if (BLIT.contains(args[word]) || (args[word].equals("state") && BLIT.contains(next))) {
            Client.warmUpTreeCallsInBackground();
        }
    }
}
