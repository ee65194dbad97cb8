package dev.moss.store.client;

import dev.moss.db.state.StateId;
import dev.moss.format.digest.Digest128;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing {@link VerifyStates} found wrong.
 *
 * @param kind what is wrong
 * @param state the state whose tree is affected; empty for store issues
 * @param file the file on disk: the asset or variant, or the tree path
 * @param entry the path as the layout names it ({@code /usr/bin/sh}); empty for store issues
 * @param digest the digest the file should hash to, where one is known
 * @param expected what the layout or the store wants, in words ({@code "04755"}, a link text)
 * @param found what is on disk, in words; empty when nothing is there
 */
public record VerifyIssue(Kind kind, Optional<StateId> state, Path file, String entry, Optional<Digest128> digest,
        String expected, String found) {
    public VerifyIssue {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(state);
        Objects.requireNonNull(file);
        Objects.requireNonNull(entry);
        Objects.requireNonNull(digest);
        Objects.requireNonNull(expected);
        Objects.requireNonNull(found);
    }

    /** The kinds of issue, each with the stable name {@code --json} uses. */
    public enum Kind {
        /** An asset a layout needs is not in the store. */
        MISSING_ASSET("missing-asset"),
        /** An asset's bytes do not hash to its name, or it is not a regular file. */
        CORRUPT_ASSET("corrupt-asset"),
        /** A mode/owner variant beside an asset does not hash to the asset's digest. */
        CORRUPT_VARIANT("corrupt-variant"),
        /** A state's {@code usr} tree is not on disk. */
        MISSING_TREE("missing-tree"),
        /** A state's {@code usr/.stateID} is missing or names another state. */
        BAD_STATE_ID("bad-state-id"),
        /** The state's layouts cannot be merged into a tree (a damaged layout database). */
        BAD_LAYOUT("bad-layout"),
        /** A path of the layout is missing from the tree. */
        MISSING_PATH("missing-path"),
        /** A path has another file type than the layout says. */
        WRONG_TYPE("wrong-type"),
        /** A path's permission bits differ from the layout's. */
        WRONG_MODE("wrong-mode"),
        /** A path's owner differs from the layout's (checked only when running as root). */
        WRONG_OWNER("wrong-owner"),
        /** A symlink's text differs from the layout's. */
        WRONG_LINK("wrong-link-target"),
        /** A regular file's bytes do not hash to the layout's digest. */
        CORRUPT_PATH("corrupt-path");

        /** The name in {@code --json} output. */
        public final String id;

        Kind(String id) {
            this.id = id;
        }

        /** Whether the issue is in the asset store rather than in a state tree. */
        public boolean inStore() {
            return this == MISSING_ASSET || this == CORRUPT_ASSET || this == CORRUPT_VARIANT;
        }
    }
}
