package dev.moss.store.client;

import dev.moss.db.state.StateId;
import dev.moss.store.installation.Installation;
import dev.moss.store.state.StateActivator;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code moss state activate ID}: rollback (or forward) to a state whose tree is on disk. Only
 * the {@code ROOT/usr} symlink changes, in one rename; nothing is re-blitted. This is what the
 * initrd runs as {@code moss -D /sysroot state activate -y --skip-triggers ID}, so it must work
 * on an offline root and be idempotent: activating the active state succeeds and changes nothing.
 */
public final class ActivateState {
    /**
     * What happened.
     *
     * @param previous the state active before, if any
     * @param changed false when {@code id} was active already
     */
    public record Result(StateId id, Optional<StateId> previous, boolean changed) {}

    private ActivateState() {}

    /**
     * @throws StateNotFoundException no such state
     * @throws BadStateException its tree is missing or incomplete
     */
    public static Result run(Client client, StateId id) throws IOException {
        client.requireWriter();
        Installation inst = client.installation();
        client.states().get(id).orElseThrow(() -> new StateNotFoundException(id));
        Optional<StateId> previous = client.activeState();
        if (previous.equals(Optional.of(id))) {
            return new Result(id, previous, false); // also when its tree is upstream's real ROOT/usr
        }
        if (!Recovery.complete(inst, id.value())) {
            throw new BadStateException("state " + id + " has no complete tree at " + inst.stateDir(id.value())
                    + "; run 'moss state verify' to rebuild it");
        }
        StateCommit.requireSwitchable(client);
        StateActivator.Result r = StateActivator.activate(inst, id.value());
        return new Result(id, previous, r == StateActivator.Result.ACTIVATED);
    }
}
