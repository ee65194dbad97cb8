/**
 * File-system helpers for the engine: atomic replacement of files, lstat-style attributes, the
 * few POSIX calls NIO lacks (behind {@link dev.moss.store.fs.Posix}) and safe tree removal.
 */
package dev.moss.store.fs;
