package dev.moss.store.client;

import dev.moss.db.Database;
import dev.moss.db.DatabaseException;
import dev.moss.db.layout.LayoutDb;
import dev.moss.db.meta.MetaDb;
import dev.moss.db.state.StateDb;
import dev.moss.db.state.StateId;
import dev.moss.store.asset.AssetStore;
import dev.moss.store.fs.LinuxNativeFs;
import dev.moss.store.fs.Posix;
import dev.moss.store.installation.Installation;
import dev.moss.store.installation.InstallationLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An open installation with its databases: the one object every operation works on.
 *
 * <pre>
 * try (Client client = Client.openWriter(root, true, listener)) {   // lock + recovery
 *     InstallPlan plan = Install.plan(client, stones);
 *     InstallResult result = Install.apply(client, plan, listener);
 * }
 * </pre>
 *
 * A writer holds the installation's exclusive lock until {@link #close()} and has run
 * {@link Recovery} before it is returned. A reader takes no lock, needs no write access and
 * writes nothing (unless the databases do not exist yet and the root is writable, in which case
 * they are created empty, as every upstream command does).
 */
public final class Client implements AutoCloseable {
    private final Installation inst;
    private final InstallationLock lock;
    /** Whether the databases are opened read-only (a reader of an existing installation). */
    private final boolean readOnly;
    // Each database is opened on first use: an ephemeral install never needs the layout or
    // metadata databases, and `list installed` never needs the layout one; a connection costs
    // ~10-20 ms of start-up.
    private MetaDb meta;
    private LayoutDb layout;
    private StateDb states;
    private AssetStore assets;

    private Client(Installation inst, InstallationLock lock, boolean readOnly) {
        this.inst = inst;
        this.lock = lock;
        this.readOnly = readOnly;
    }

    /**
     * Opens {@code root} for writing: takes the lock (waiting, and saying so through
     * {@code listener}, when {@code wait}; else failing at once) and runs recovery, whose repairs
     * are reported to the listener.
     *
     * @throws BadStateException the root is not writable by this user
     * @throws dev.moss.store.installation.InstallationLockedException locked and not {@code wait}
     */
    public static Client openWriter(Path root, boolean wait, ClientListener listener) throws IOException {
        Installation inst = Installation.open(root);
        if (!inst.writable()) {
            throw new BadStateException(inst.root() + ": no write access (run as root?)");
        }
        InstallationLock lock = InstallationLock.acquire(inst, wait, listener::waiting);
        Client client = new Client(inst, lock, false);
        try {
            client.createMissingDatabases();
            Recovery.run(client, listener);
            return client;
        } catch (IOException | RuntimeException | Error e) {
            closeAll(e, client.states, client.layout, client.meta, client.assets, lock);
            throw e;
        }
    }

    /** Opens {@code root} for queries: no lock, no recovery, read-only databases. */
    public static Client openReader(Path root) throws IOException {
        Installation inst = Installation.open(root);
        boolean exist = Files.isRegularFile(inst.installDb()) && Files.isRegularFile(inst.layoutDb())
                && Files.isRegularFile(inst.stateDb());
        if (!exist && !inst.writable()) {
            throw new BadStateException(inst.root() + " is not a moss installation (no " + inst.dbDir() + ")");
        }
        Client client = new Client(inst, null, exist);
        try {
            client.createMissingDatabases();
        } catch (IOException | RuntimeException | Error e) {
            closeAll(e, client.states, client.layout, client.meta);
            throw e;
        }
        return client;
    }

    /**
     * The first command on a writable root creates the three databases, empty, whatever it does
     * (as upstream does); on an installation that has them they are opened only when used.
     */
    private void createMissingDatabases() throws DatabaseException {
        if (readOnly || (Files.isRegularFile(inst.installDb()) && Files.isRegularFile(inst.layoutDb())
                && Files.isRegularFile(inst.stateDb()))) {
            return;
        }
        meta();
        layout();
        states();
    }

    public Installation installation() {
        return inst;
    }

    /** The metadata database ({@code db/install}), opened now if it is not yet. */
    public synchronized MetaDb meta() throws DatabaseException {
        if (meta == null) {
            meta = readOnly ? MetaDb.openReadOnly(inst.installDb()) : MetaDb.open(inst.installDb());
        }
        return meta;
    }

    /** The layout database ({@code db/layout}), opened now if it is not yet. */
    public synchronized LayoutDb layout() throws DatabaseException {
        if (layout == null) {
            layout = readOnly ? LayoutDb.openReadOnly(inst.layoutDb()) : LayoutDb.open(inst.layoutDb());
        }
        return layout;
    }

    /** The state database ({@code db/state}), opened now if it is not yet. */
    public synchronized StateDb states() throws DatabaseException {
        if (states == null) {
            states = readOnly ? StateDb.openReadOnly(inst.stateDb()) : StateDb.open(inst.stateDb());
        }
        return states;
    }

    /** Made on first use: read-only queries never touch the store (or the native calls it needs). */
    public synchronized AssetStore assets() {
        if (assets == null) {
            assets = new AssetStore(inst.assetsDir(), Posix.isRoot());
        }
        return assets;
    }

    /** Whether this client holds the writer lock. */
    public boolean isWriter() {
        return lock != null;
    }

    /**
     * Readies the database driver on a background thread, for a command that is about to open a
     * client: see {@link Database#warmUpInBackground}.
     */
    public static void warmUpInBackground() {
        Database.warmUpInBackground();
    }

    /**
     * Readies the file-system calls that build trees, on a background thread, for a command about
     * to blit (install, remove, activate, verify): see {@link LinuxNativeFs#prepareTreeCallsInBackground}.
     */
    public static void warmUpTreeCallsInBackground() {
        LinuxNativeFs.prepareTreeCallsInBackground();
    }

    /** The active state: where {@code ROOT/usr} points, if that state is recorded. */
    public Optional<StateId> activeState() throws DatabaseException {
        var id = inst.activeStateId();
        if (id.isEmpty() || id.getAsLong() < 1) {
            return Optional.empty();
        }
        StateId sid = StateId.of(id.getAsLong());
        return states().exists(sid) ? Optional.of(sid) : Optional.empty();
    }

    /** {@code .moss/cache/downloads/v1/<sha[0:5]>/<sha[-5:]>/<sha>}: the cached copy of a stone. */
    public Path downloadPath(String sha256) {
        if (sha256.length() < 10 || !sha256.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("not a package hash: \"" + sha256 + "\"");
        }
        return inst.downloadsDir().resolve(sha256.substring(0, 5)).resolve(sha256.substring(sha256.length() - 5))
                .resolve(sha256);
    }

    void requireWriter() {
        if (lock == null) {
            throw new IllegalStateException("operation needs a client opened with openWriter");
        }
    }

    @Override
    public void close() throws IOException {
        if (lock != null) {
            Recovery.markClean(inst);
        }
        IOException first = new IOException("closing " + inst.root());
        closeAll(first, assets, states, layout, meta, lock);
        if (first.getSuppressed().length > 0) {
            throw first;
        }
    }

    private static void closeAll(Throwable into, AutoCloseable... things) {
        for (AutoCloseable c : things) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                into.addSuppressed(e);
            }
        }
    }
}
