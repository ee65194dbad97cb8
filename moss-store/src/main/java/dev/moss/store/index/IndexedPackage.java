package dev.moss.store.index;

import dev.moss.format.meta.PackageMeta;
import java.nio.file.Path;

/**
 * One package written to the index.
 *
 * @param uri the {@code PackageURI}: path relative to the index's directory, {@code /}-separated
 * @param file the stone on disk
 * @param meta the package meta with URI, SHA-256 hash and size set
 */
public record IndexedPackage(String uri, Path file, PackageMeta meta) {}
