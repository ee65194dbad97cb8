package dev.moss.store.client;

import dev.moss.db.state.StateId;
import dev.moss.store.fs.AtomicFile;
import dev.moss.store.fs.TreeDeleter;
import dev.moss.store.installation.Installation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code .moss/pending-state}: the state a commit is switching to, named from just before its
 * tree gets its final name until {@code ROOT/usr} points at it. A command killed in between
 * leaves a complete, recorded state that never became active; the marker lets {@link Recovery}
 * tell it from a state that was active once (a rollback's target, say) and drop it, so the
 * interrupted command leaves the history as it found it.
 */
final class PendingState {
    static final String FILE = "pending-state";

    private PendingState() {}

    /** Names {@code id}, durably, before its tree can be found under its final name. */
    static void mark(Installation inst, StateId id) throws IOException {
        byte[] text = id.toString().getBytes(StandardCharsets.US_ASCII);
        AtomicFile.write(file(inst), (out, scratch) -> out.write(ByteBuffer.wrap(text)));
    }

    /** The switch happened (or the state is gone): nothing is pending. Losing this in a crash is harmless. */
    static void clear(Installation inst) throws IOException {
        Files.deleteIfExists(file(inst));
    }

    /** The pending state's id; empty when none is, or the file is unreadable (then it names nothing). */
    static OptionalLong read(Installation inst) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file(inst), StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Removes state {@code id} (tree, row, marker) unless {@code ROOT/usr} is its tree: a state the
     * switch never reached, which no one has seen active. If the switch did happen, only the
     * marker goes: nothing is pending any more.
     *
     * @return whether the state was removed
     */
    static boolean dropUnlessActive(Client client, long id) throws IOException {
        Installation inst = client.installation();
        if (inst.activeStateId().equals(OptionalLong.of(id))) {
            clear(inst);
            return false;
        }
        TreeDeleter.delete(inst.stateDir(id));
        client.states().remove(List.of(StateId.of(id)));
        clear(inst);
        return true;
    }

    private static Path file(Installation inst) {
        return inst.mossDir().resolve(FILE);
    }
}
