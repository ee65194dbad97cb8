package dev.moss.cli.render;

import dev.moss.store.client.ClientListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/**
 * The CLI's ear on a running operation: lock waits, recovery repairs and warnings on stderr, phases
 * and progress on stderr when it is a terminal, and the y/N question. Questions default to No;
 * with {@code -y} they are answered yes; without a terminal to ask on they are refused rather than
 * left hanging on a stdin nobody writes to. With {@code --verbose}, each phase is also logged on
 * stderr with the seconds since the command started, to show where the time goes.
 */
public final class ConsoleListener implements ClientListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean yes;
    private final boolean interactive;
    private final boolean verbose;
    private final long started = System.nanoTime();
    private String phase = "";
    private long lastDraw;

    public ConsoleListener(PrintWriter out, PrintWriter err, boolean yes) {
        this(out, err, yes, false);
    }

    public ConsoleListener(PrintWriter out, PrintWriter err, boolean yes, boolean verbose) {
        this.out = out;
        this.err = err;
        this.yes = yes;
        this.verbose = verbose;
        this.interactive = System.console() != null;
    }

    @Override
    public void waiting(String message) {
        err.println(message);
        err.flush();
    }

    @Override
    public void repaired(String message) {
        err.println("recovery: " + message);
        err.flush();
    }

    @Override
    public void warning(String message) {
        clearProgress();
        err.println("warning: " + message);
        err.flush();
    }

    @Override
    public void phase(String name) {
        clearProgress();
        phase = name;
        if (verbose) {
            err.printf("[%7.3f s] %s%n", (System.nanoTime() - started) / 1e9, name);
            err.flush();
        }
    }

    @Override
    public void progress(long done, long total) {
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        if (done != total && now - lastDraw < 100_000_000L) {
            return; // at most ten redraws a second
        }
        lastDraw = now;
        err.print("\r" + phase + " " + done + (total > 0 ? "/" + total : "") + "\u001b[K");
        if (done == total) {
            err.println();
            phase = "";
        }
        err.flush();
    }

    private void clearProgress() {
        if (interactive && !phase.isEmpty()) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }

    @Override
    public boolean confirm(String question) {
        if (yes) {
            return true;
        }
        if (!interactive) {
            throw new UncheckedIOException(new NoTerminalException(question));
        }
        out.print(" " + question + " [y/N] ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
            return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }

    /** A question had to be asked but there is no terminal to ask it on. */
    public static final class NoTerminalException extends IOException {
        NoTerminalException(String question) {
            super("\"" + question + "\" needs an answer, but there is no terminal to ask on; pass -y to answer yes");
        }
    }
}
