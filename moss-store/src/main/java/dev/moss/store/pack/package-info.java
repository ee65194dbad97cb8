/**
 * Making a stone from a staged install root the way boulder does: collect {@code usr/} in sorted
 * lstat order, hash the files, derive path providers, build the package meta and write the stone
 * atomically. Entry point: {@link dev.moss.store.pack.Pack}.
 */
package dev.moss.store.pack;
