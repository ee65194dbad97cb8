package dev.moss.store.extract;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The outcome of extracting one stone.
 *
 * @param id the package's local id, {@code name-version-release.arch}, also the directory name
 * @param directory the extracted tree ({@code <out>/<id>}), empty when the stone was skipped
 * @param entries layout entries written
 * @param files distinct file contents unpacked
 * @param skippedEntries entries that could not be created here (reported as warnings)
 */
public record ExtractResult(Path stone, String id, Optional<Path> directory, int entries, int files,
        int skippedEntries) {}
