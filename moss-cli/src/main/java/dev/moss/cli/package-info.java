/**
 * The {@code moss} command line: picocli wiring, global options, exit codes and error reporting.
 * Commands live in {@code dev.moss.cli.command}; they parse, call the engine and render.
 */
package dev.moss.cli;
