package dev.moss.store.installation;

import java.io.IOException;

/** Another moss process holds the installation's writer lock and the caller chose not to wait. */
public final class InstallationLockedException extends IOException {
    public InstallationLockedException(String message) {
        super(message);
    }
}
