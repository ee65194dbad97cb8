/**
 * moss's SQLite databases: {@link dev.moss.db.Database} opens a file, checks and migrates its
 * schema ({@code PRAGMA user_version}, scripts under {@code db/<schema>/v<N>.sql}) and runs work
 * in transactions. The schemas are upstream moss's version 1 plus our own indexes; the typed
 * stores live in the {@code meta}, {@code layout} and {@code state} subpackages. Nothing here
 * prints; every failure is a checked {@link dev.moss.db.DatabaseException} naming the file.
 */
package dev.moss.db;
