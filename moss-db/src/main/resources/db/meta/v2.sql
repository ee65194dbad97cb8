-- Our addition: indexes for the lookups the resolver makes all the time. Upstream has none and
-- scans; an upstream moss opening this file ignores them (it only migrates up to version 1).
CREATE INDEX IF NOT EXISTS meta_name_index ON meta (name);
CREATE INDEX IF NOT EXISTS meta_providers_provider_index ON meta_providers (provider);
CREATE INDEX IF NOT EXISTS meta_dependencies_dependency_index ON meta_dependencies (dependency);
