/**
 * One class per {@code moss} subcommand. Each parses its arguments, calls one engine operation
 * (or the format library for read-only inspection) and renders the result; failures are thrown
 * and reported by {@code ErrorReporter}.
 */
package dev.moss.cli.command;
