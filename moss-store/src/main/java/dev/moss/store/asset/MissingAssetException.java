package dev.moss.store.asset;

import java.nio.file.NoSuchFileException;

/** A file a tree needs is not in the asset store (never imported, or pruned or deleted since). */
public final class MissingAssetException extends NoSuchFileException {
    public MissingAssetException(String assetPath) {
        super(assetPath, null, "asset missing from the store");
    }
}
