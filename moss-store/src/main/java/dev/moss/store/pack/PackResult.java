package dev.moss.store.pack;

import dev.moss.format.meta.PackageMeta;
import java.nio.file.Path;

/**
 * A written stone.
 *
 * @param file the stone, {@code name-version-release-buildrelease-arch.stone} in the output dir
 * @param layoutEntries number of layout records
 * @param uniqueFiles number of distinct file contents stored
 * @param contentBytes plain size of the content payload
 */
public record PackResult(Path file, PackageMeta meta, int layoutEntries, int uniqueFiles, long contentBytes) {}
