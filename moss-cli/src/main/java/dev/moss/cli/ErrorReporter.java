package dev.moss.cli;

import dev.moss.format.StoneFormatException;
import dev.moss.store.MossException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns failures into output and exit codes: one line
 * {@code error: outer: cause: root cause} on stderr (like upstream's error chain), the stack trace
 * only with {@code --verbose}. Bad input never shows a Java stack trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IExitCodeExceptionMapper, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        int code = getExitCode(e);
        String prefix = code == ExitCodes.INTERNAL ? "error: internal error: " : "error: ";
        err.println(prefix + chain(e));
        if (verbose(cmd)) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("error: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        cmd.getErr().flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int getExitCode(Throwable e) {
        if (e instanceof ParameterException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof dev.moss.store.installation.InstallationLockedException
                || e instanceof dev.moss.store.client.BadStateException) {
            return ExitCodes.BAD_STATE;
        }
        if (e instanceof InterruptedException || e instanceof InterruptedIOException) {
            return ExitCodes.CANCELLED;
        }
        if (e instanceof IOException || e instanceof java.io.UncheckedIOException) {
            // Bad files, unreadable paths, damaged stones, refused layouts: the user's input, not a bug.
            return ExitCodes.FAILURE;
        }
        return ExitCodes.INTERNAL;
    }

    /** Messages from outermost to root cause, joined by ": ", repeats left out. */
    static String chain(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = describe(t);
            if (m == null || m.isBlank()) {
                continue;
            }
            if (t.getCause() != null && m.equals(t.getCause().toString())) {
                continue; // a wrapper made from its cause, e.g. new IOException(cause)
            }
            if (!parts.isEmpty() && (parts.getLast().equals(m) || parts.getLast().endsWith(": " + m))) {
                continue;
            }
            if (!parts.isEmpty() && t instanceof FileSystemException fse && fse.getFile() != null
                    && parts.getLast().equals("\"" + fse.getFile() + "\"")) {
                m = reason(fse);
            }
            parts.add(m);
        }
        if (parts.isEmpty()) {
            parts.add(e.getClass().getSimpleName());
        }
        return String.join(": ", parts);
    }

    private static String describe(Throwable t) {
        if (t instanceof java.io.UncheckedIOException) {
            return null; // a carrier for an IOException through a lambda or listener: its cause says it
        }
        if (t instanceof FileSystemException fse && fse.getFile() != null) {
            return "\"" + fse.getFile() + "\": " + reason(fse);
        }
        if (t instanceof MossException || t instanceof StoneFormatException) {
            return t.getMessage();
        }
        if (t instanceof RuntimeException && !(t instanceof IllegalArgumentException)) {
            return t.toString();
        }
        return t.getMessage();
    }

    private static String reason(FileSystemException e) {
        return switch (e) {
            case NoSuchFileException x -> "no such file or directory";
            case AccessDeniedException x -> "permission denied";
            case FileAlreadyExistsException x -> "already exists";
            case NotDirectoryException x -> "not a directory";
            case DirectoryNotEmptyException x -> "directory not empty";
            default -> e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        };
    }

    private static boolean verbose(CommandLine cmd) {
        return cmd.getCommandSpec().root().userObject() instanceof MossCommand m && m.globals().verbose();
    }
}
