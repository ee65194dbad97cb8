package dev.moss.store.pack;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to pack and how to describe it. Dependency, provider and conflict strings are in
 * {@code kind(name)} form (a bare name means {@code name(...)}); {@link Pack} parses and checks
 * them. Build with {@link #builder(Path, String, String, long)}.
 *
 * @param root the staged install root, the directory that contains {@code usr/}
 * @param outputDir where the stone is written (created if missing)
 * @param level zstd level for every payload
 * @param workers threads for hashing and for content compression
 */
public record PackRequest(
        Path root,
        Path outputDir,
        String name,
        String version,
        long release,
        long buildRelease,
        String architecture,
        String summary,
        String description,
        String homepage,
        String sourceId,
        List<String> licenses,
        List<String> depends,
        List<String> provides,
        List<String> conflicts,
        int level,
        int workers) {

    public PackRequest {
        Objects.requireNonNull(root);
        Objects.requireNonNull(outputDir);
        Objects.requireNonNull(name);
        Objects.requireNonNull(version);
        Objects.requireNonNull(architecture);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(description);
        Objects.requireNonNull(homepage);
        Objects.requireNonNull(sourceId);
        licenses = List.copyOf(licenses);
        depends = List.copyOf(depends);
        provides = List.copyOf(provides);
        conflicts = List.copyOf(conflicts);
    }

    /** A builder with boulder's defaults: build release 1, host architecture, empty texts, source id = name, level 18. */
    public static Builder builder(Path root, String name, String version, long release) {
        return new Builder(root, name, version, release);
    }

    /** Mutable builder; {@link #build()} makes the immutable request. */
    public static final class Builder {
        private final Path root;
        private final String name;
        private final String version;
        private final long release;
        private Path outputDir = Path.of(".");
        private long buildRelease = 1;
        private String architecture = Architectures.host();
        private String summary = "";
        private String description = "";
        private String homepage = "";
        private String sourceId;
        private List<String> licenses = List.of();
        private List<String> depends = List.of();
        private List<String> provides = List.of();
        private List<String> conflicts = List.of();
        private int level = 18;
        private int workers = Runtime.getRuntime().availableProcessors();

        private Builder(Path root, String name, String version, long release) {
            this.root = root;
            this.name = name;
            this.version = version;
            this.release = release;
        }

        public Builder outputDir(Path v) { outputDir = v; return this; }
        public Builder buildRelease(long v) { buildRelease = v; return this; }
        public Builder architecture(String v) { architecture = v; return this; }
        public Builder summary(String v) { summary = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder homepage(String v) { homepage = v; return this; }
        public Builder sourceId(String v) { sourceId = v; return this; }
        public Builder licenses(List<String> v) { licenses = v; return this; }
        public Builder depends(List<String> v) { depends = v; return this; }
        public Builder provides(List<String> v) { provides = v; return this; }
        public Builder conflicts(List<String> v) { conflicts = v; return this; }
        public Builder level(int v) { level = v; return this; }
        public Builder workers(int v) { workers = v; return this; }

        public PackRequest build() {
            return new PackRequest(root, outputDir, name, version, release, buildRelease, architecture, summary,
                    description, homepage, sourceId == null ? name : sourceId, licenses, depends, provides,
                    conflicts, level, workers);
        }
    }
}
