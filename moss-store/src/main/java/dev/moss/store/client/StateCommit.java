package dev.moss.store.client;

import dev.moss.db.state.Selection;
import dev.moss.db.state.State;
import dev.moss.db.state.StateId;
import dev.moss.store.blit.BlitStats;
import dev.moss.store.blit.Blitter;
import dev.moss.store.blit.VfsTree;
import dev.moss.store.fs.Durability;
import dev.moss.store.fs.FileStat;
import dev.moss.store.fs.Posix;
import dev.moss.store.fs.TreeDeleter;
import dev.moss.store.installation.Installation;
import dev.moss.store.state.CrashPoint;
import dev.moss.store.state.StateActivator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Steps 5 to 8 of DESIGN.md's transaction, shared by install and remove: blit the tree into
 * {@code .moss/root/staging-<unique>}, make it durable, insert the state row, write
 * {@code usr/.stateID}, rename the tree to {@code .moss/root/<id>} and switch {@code ROOT/usr}.
 *
 * <p>A crash anywhere before the switch leaves the old system live; {@link Recovery} then removes
 * the staging tree, the state row whose tree never got its final name, or the state that got
 * its final name but was never switched to ({@link PendingState}). A root whose {@code /usr} a
 * switch may not replace is refused before anything is written.
 */
final class StateCommit {
    /** What a committed state is. */
    record Committed(StateId id, BlitStats stats) {}

    /**
     * What a transaction takes back when it fails before its new state went live (that state is
     * gone by then): what it added for that state alone, such as imported content and package rows.
     */
    @FunctionalInterface
    interface Undo {
        Undo NOTHING = () -> {};

        void undo() throws IOException;
    }

    /** Runs {@code undo} after {@code failure}, which stays what the caller throws. */
    static void undoQuietly(Undo undo, Throwable failure) {
        try {
            undo.undo();
        } catch (IOException | RuntimeException x) {
            failure.addSuppressed(x);
        }
    }

    private StateCommit() {}

    /** Refuses, before a transaction writes anything, a {@code ROOT/usr} that its switch may not replace. */
    static void requireSwitchable(Client client) throws IOException {
        StateActivator.checkSwitchable(client.installation(), client.activeState().isPresent());
    }

    /**
     * @param undo run when the commit fails and its state did not go live; not when the switch
     *     happened (the new state then needs all it was given)
     */
    static Committed commit(Client client, VfsTree tree, List<Selection> selections, String summary,
            ClientListener listener, Undo undo) throws IOException {
        Installation inst = client.installation();
        Path staging = inst.treesDir().resolve("staging-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        State state = null;
        try {
            BlitStats stats = blitStaging(client, tree, staging, listener);
            CrashPoint.reached("after-blit");
            // Assets, downloads and the new tree sit on the store's file system: one syncfs makes
            // all of them durable before any row or name says the state exists.
            Durability.syncFilesystem(inst.treesDir());
            state = client.states().add(selections, summary);
            CrashPoint.reached("after-state-row");
            writeStateId(staging.resolve("usr"), state.id());
            Path finalDir = inst.stateDir(state.id().value());
            TreeDeleter.delete(finalDir); // a tree without row, e.g. from a restored backup: not ours
            PendingState.mark(inst, state.id());
            Files.move(staging, finalDir);
            Durability.syncDirectory(inst.treesDir());
            CrashPoint.reached("after-rename");
            StateActivator.activate(inst, state.id().value());
            PendingState.clear(inst);
            return new Committed(state.id(), stats);
        } catch (IOException | RuntimeException | Error e) {
            TreeDeleter.deleteQuietly(staging, e);
            if (state == null || dropUnlessActive(client, state.id(), e)) {
                client.assets().discardMade(); // variants only the staging tree linked
                undoQuietly(undo, e);
            }
            throw e;
        }
    }

    /**
     * After a failure: a state the switch never reached goes with its tree, so the command leaves
     * the history as it found it. One that became active stays. What cannot be undone here,
     * recovery undoes at the next command.
     *
     * @return whether the state is gone
     */
    private static boolean dropUnlessActive(Client client, StateId id, Throwable failure) {
        try {
            return PendingState.dropUnlessActive(client, id.value());
        } catch (IOException | RuntimeException x) {
            failure.addSuppressed(x);
            return false;
        }
    }

    /** Blits {@code tree} to {@code dir/usr} ({@code dir} must not exist). */
    static BlitStats blitStaging(Client client, VfsTree tree, Path dir, ClientListener listener) throws IOException {
        Files.createDirectory(dir);
        FileStat.chmod(dir, 0755);
        listener.phase("Blitting");
        Blitter blitter = new Blitter(client.assets(), listener::warning, Posix.isRoot(),
                Runtime.getRuntime().availableProcessors());
        return blitter.blit(tree, dir.resolve("usr"));
    }

    /** {@code usr/.stateID}: the id in decimal, no newline, forced to disk with its directory. */
    static void writeStateId(Path usr, StateId id) throws IOException {
        Path file = usr.resolve(".stateID");
        // CREATE_NEW: were a package to ship usr/.stateID, writing through its hardlink would
        // change the asset in the store
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(id.toString().getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new dev.moss.store.MossException("a package ships /usr/.stateID, which only moss may write", e);
        }
        FileStat.chmod(file, 0644);
        // usr may be read-only by its layout mode; fsync of a directory needs only read access
        Durability.syncDirectory(usr);
    }
}
