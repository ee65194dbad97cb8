package dev.moss.store.client;

import dev.moss.db.state.StateId;
import dev.moss.store.blit.BlitStats;
import java.util.Optional;

/**
 * What an install did.
 *
 * @param state the new state (empty for an ephemeral root)
 * @param imported asset files written to the store
 * @param reused asset files that were already there
 * @param importSkipped stones whose content was all in the store, so their content was not read
 */
public record InstallResult(Optional<StateId> state, BlitStats blit, int imported, int reused, int importSkipped) {}
