/**
 * Building a repository index ({@code moss index}): every {@code *.stone} below a directory,
 * highest release per package name, relative URIs, SHA-256 and size. Entry point:
 * {@link dev.moss.store.index.Index}.
 */
package dev.moss.store.index;
