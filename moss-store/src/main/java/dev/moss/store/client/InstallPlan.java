package dev.moss.store.client;

import dev.moss.db.state.Selection;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Install#apply} will do.
 *
 * @param toInstall stones whose packages are not installed yet
 * @param alreadyInstalled stones whose exact package (same hash) is already selected
 * @param replaced {@code name version-release} of installed packages that a given stone of the
 *     same name replaces
 * @param selections the new state's full selection (empty for an ephemeral root)
 * @param unsatisfied dependencies of the new packages that no selected package provides; local
 *     stones cannot fetch them, so they are reported, not enforced
 * @param target the ephemeral root ({@code install --to}); empty for a normal install
 * @param force whether a non-empty ephemeral root may be emptied first
 */
public record InstallPlan(List<LocalStone> toInstall, List<LocalStone> alreadyInstalled, List<String> replaced,
        List<Selection> selections, List<String> unsatisfied, Optional<Path> target, boolean force) {
    public InstallPlan {
        toInstall = List.copyOf(toInstall);
        alreadyInstalled = List.copyOf(alreadyInstalled);
        replaced = List.copyOf(replaced);
        selections = List.copyOf(selections);
        unsatisfied = List.copyOf(unsatisfied);
    }

    /** Whether there is nothing to do (every package is installed already). */
    public boolean isEmpty() {
        return toInstall.isEmpty();
    }
}
