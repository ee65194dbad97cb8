/**
 * Helpers shared by the database classes of moss-db: chunked multi-row inserts and id lists bound
 * as one parameter. Not part of the module's API.
 */
package dev.moss.db.internal;
