package dev.moss.store.client;

import dev.moss.db.state.State;
import dev.moss.store.blit.BlitStats;
import dev.moss.store.blit.VfsTree;
import dev.moss.store.fs.Durability;
import dev.moss.store.fs.FileStat;
import dev.moss.store.fs.LinuxNativeFs;
import dev.moss.store.fs.TreeDeleter;
import dev.moss.store.installation.Installation;
import dev.moss.store.state.CrashPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a recorded state's tree with a fresh blit of its layouts ({@code state verify}'s
 * repair). The new tree is built in {@code .moss/root/staging-<random>/usr} with its
 * {@code .stateID}, made durable, and then trades places with the old {@code usr} in one
 * {@code renameat2(RENAME_EXCHANGE)}: the state's path, and so the live {@code ROOT/usr} link when
 * the state is active, always leads to one complete tree. The old tree, now in the staging
 * directory, is deleted last; after a crash, recovery deletes it.
 */
final class StateRebuild {
    private StateRebuild() {}

    /**
     * @param usr where the state's tree belongs ({@code .moss/root/<id>/usr}, or {@code ROOT/usr}
     *     for a live tree that is a real directory)
     * @throws IOException the old tree is still in place (or, once swapped, the new one is)
     */
    static BlitStats reblit(Client client, State state, Path usr, ClientListener listener)
            throws IOException {
        Installation inst = client.installation();
        VfsTree tree = TreeBuilder.build(client, TreeBuilder.ids(state.selections()));
        Path staging = inst.treesDir().resolve("staging-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            BlitStats stats = StateCommit.blitStaging(client, tree, staging, listener);
            StateCommit.writeStateId(staging.resolve("usr"), state.id());
            Durability.syncFilesystem(inst.treesDir());
            CrashPoint.reached("before-reblit-swap");
            swapIn(staging.resolve("usr"), usr);
            CrashPoint.reached("after-reblit-swap");
            TreeDeleter.delete(staging); // the old tree
            return stats;
        } catch (IOException | RuntimeException | Error e) {
            TreeDeleter.deleteQuietly(staging, e);
            throw e;
        }
    }

    /** Puts {@code fresh} at {@code target}; whatever was at {@code target} ends up at {@code fresh}. */
    private static void swapIn(Path fresh, Path target) throws IOException {
        Path parent = target.getParent();
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(parent);
                FileStat.chmod(parent, 0755);
            }
            Files.move(fresh, target);
        } else {
            // No fallback where the filesystem lacks RENAME_EXCHANGE: moving the old tree away
            // first would leave a moment without one, which a crash could make permanent.
            LinuxNativeFs.exchange(fresh, target);
        }
        Durability.syncDirectory(parent);
        Durability.syncDirectory(fresh.getParent());
    }
}
