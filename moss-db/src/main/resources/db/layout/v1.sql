-- Upstream moss's layout schema, version 1 (reference section 3.1). entry_value1/entry_value2 by
-- entry_type: regular = (digest as decimal u128 text, path); symlink = (link text, path);
-- unknown = (source text, path); directory and special files = (path, NULL).

CREATE TABLE IF NOT EXISTS layout (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    package_id TEXT NOT NULL,
    uid INTEGER NOT NULL,
    gid INTEGER NOT NULL,
    mode INTEGER NOT NULL,
    tag INTEGER NOT NULL,
    entry_type TEXT NOT NULL,
    entry_value1 TEXT NULL,
    entry_value2 TEXT NULL
);
