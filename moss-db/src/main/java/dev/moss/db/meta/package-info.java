/**
 * The package metadata database, shared by the install database and every repository database:
 * {@link dev.moss.db.meta.MetaDb} stores {@link dev.moss.format.meta.PackageMeta} by package id and
 * finds packages by id, name, provider or keyword.
 */
package dev.moss.db.meta;
