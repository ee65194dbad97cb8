/**
 * Writing a stone's {@code /usr} tree into a directory ({@code moss extract}): exact modes,
 * symlink texts, owners when root, content streamed and verified, and no path able to leave the
 * output directory. Entry point: {@link dev.moss.store.extract.Extract}.
 */
package dev.moss.store.extract;
