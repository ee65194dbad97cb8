/**
 * Operations on an installation, one class per operation ({@link dev.moss.store.client.Install},
 * {@link dev.moss.store.client.Remove}, {@link dev.moss.store.client.ActivateState}, ...), wired
 * together by {@link dev.moss.store.client.Client}. Each returns a plan or result record; progress,
 * questions and repairs go through a {@link dev.moss.store.client.ClientListener}. Nothing here
 * prints or reads the terminal.
 */
package dev.moss.store.client;
