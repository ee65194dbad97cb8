/**
 * The layout database: {@link dev.moss.db.layout.LayoutDb} keeps each package's layout records
 * (files, symlinks, directories under {@code /usr}) in upstream moss's table and streams them
 * back for building state trees, pruning assets and {@code search-file}.
 */
package dev.moss.db.layout;
