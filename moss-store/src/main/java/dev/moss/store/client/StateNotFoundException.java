package dev.moss.store.client;

import dev.moss.db.state.StateId;
import dev.moss.store.MossException;

/** No state with the given id is recorded (or its tree is gone). */
public final class StateNotFoundException extends MossException {
    public StateNotFoundException(StateId id) {
        super("state " + id + " does not exist");
    }

    public StateNotFoundException(StateId id, String why) {
        super("state " + id + " " + why);
    }
}
