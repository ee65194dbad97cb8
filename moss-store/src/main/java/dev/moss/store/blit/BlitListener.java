package dev.moss.store.blit;

/** What the blit tells its caller besides its result: things it could not do exactly. */
public interface BlitListener {
    /** An entry was skipped or approximated, e.g. a device node without root. Called once per kind. */
    void warning(String message);

    BlitListener NONE = message -> {};
}
