package dev.moss.store.pack;

import dev.moss.store.fs.FileStat;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing the collector found under {@code usr/}: its path relative to {@code /usr}, where it
 * is on disk, its lstat and, for a symlink, the link text (else {@code null}).
 */
record StagedEntry(String target, Path file, FileStat stat, String linkText) {
    StagedEntry {
        Objects.requireNonNull(target);
        Objects.requireNonNull(file);
        Objects.requireNonNull(stat);
    }
}
