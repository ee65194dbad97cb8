-- Our addition: layouts are read and deleted by package id; without this every query scans
-- the whole table (a million rows on a big system).
CREATE INDEX IF NOT EXISTS layout_package_id_index ON layout (package_id);
