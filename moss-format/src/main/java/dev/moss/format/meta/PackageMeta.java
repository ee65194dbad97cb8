package dev.moss.format.meta;

import dev.moss.format.CorruptStoneException;
import dev.moss.format.record.MetaPrimitive;
import dev.moss.format.record.MetaRecord;
import dev.moss.format.record.MetaTag;
import dev.moss.format.record.MetaValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A package's metadata, interpreted from meta records the way moss does: the first record of a
 * tag wins, every dependency-typed record is a runtime dependency, {@code name()} providers are
 * implied rather than stored, dependencies and providers of unknown kinds are dropped.
 *
 * @param uri {@code PackageURI} (repository index only), or empty
 * @param hash {@code PackageHash}, SHA-256 hex of the stone (repository index only), or empty
 * @param downloadSize {@code PackageSize} in bytes (repository index only), or empty
 */
public record PackageMeta(
        String name,
        String version,
        long release,
        long buildRelease,
        String architecture,
        String summary,
        String description,
        String sourceId,
        String homepage,
        List<String> licenses,
        List<Capability> depends,
        List<Capability> provides,
        List<Capability> conflicts,
        Optional<String> uri,
        Optional<String> hash,
        Optional<Long> downloadSize) {

    public PackageMeta {
        Objects.requireNonNull(name);
        Objects.requireNonNull(version);
        Objects.requireNonNull(architecture);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(description);
        Objects.requireNonNull(sourceId);
        Objects.requireNonNull(homepage);
        licenses = List.copyOf(licenses);
        depends = sortedUnique(depends);
        provides = sortedUnique(provides.stream().filter(p -> p.kind() != CapabilityKind.PACKAGE_NAME).toList());
        conflicts = sortedUnique(conflicts);
        Objects.requireNonNull(uri);
        Objects.requireNonNull(hash);
        Objects.requireNonNull(downloadSize);
    }

    /**
     * Sorted by text form, as upstream sorts, without duplicates. Each text form is built once:
     * {@link Capability#compareTo} builds both for every comparison, and a repository index holds
     * thousands of packages with dozens of providers each.
     */
    private static List<Capability> sortedUnique(List<Capability> in) {
        if (in.isEmpty()) {
            return List.of();
        }
        TreeMap<String, Capability> byText = new TreeMap<>();
        for (Capability c : in) {
            byText.putIfAbsent(c.toString(), c);
        }
        return List.copyOf(byText.values());
    }

    /** moss's id for a local stone: {@code name-version-release.arch}. */
    public String localId() {
        return name + "-" + version + "-" + release + "." + architecture;
    }

    /** boulder's file name: {@code name-version-release-buildrelease-arch.stone}. */
    public String fileName() {
        return name + "-" + version + "-" + release + "-" + buildRelease + "-" + architecture + ".stone";
    }

    /** Stored providers plus the implied {@code name(<name>)}. */
    public List<Capability> allProviders() {
        List<Capability> all = new ArrayList<>(provides.size() + 1);
        all.add(Capability.name(name));
        all.addAll(provides);
        return all;
    }

    public PackageMeta withRepositoryFields(String uri, String hash, long size) {
        return new PackageMeta(name, version, release, buildRelease, architecture, summary, description,
                sourceId, homepage, licenses, depends, provides, conflicts,
                Optional.of(uri), Optional.of(hash), Optional.of(size));
    }

    /** Interprets meta records; missing mandatory fields are an error naming the field. */
    public static PackageMeta from(List<MetaRecord> records) throws CorruptStoneException {
        Map<MetaTag, MetaValue> first = new EnumMap<>(MetaTag.class);
        List<String> licenses = new ArrayList<>();
        List<Capability> depends = new ArrayList<>();
        List<Capability> provides = new ArrayList<>();
        List<Capability> conflicts = new ArrayList<>();
        for (MetaRecord r : records) {
            MetaTag tag = r.tag();
            first.putIfAbsent(tag, r.value());
            switch (r.value()) {
                case MetaValue.DependencyValue(int kind, String n) ->
                        CapabilityKind.fromCode(kind).filter(k -> !n.isEmpty())
                                .ifPresent(k -> depends.add(new Capability(k, n)));
                case MetaValue.ProviderValue(int kind, String n) -> {
                    var cap = CapabilityKind.fromCode(kind).filter(k -> !n.isEmpty())
                            .map(k -> new Capability(k, n));
                    if (tag == MetaTag.CONFLICTS) {
                        cap.ifPresent(conflicts::add);
                    } else if (tag == MetaTag.PROVIDES) {
                        cap.ifPresent(provides::add);
                    }
                }
                case MetaValue.Text(String s) when tag == MetaTag.LICENSE -> licenses.add(s);
                default -> {}
            }
        }
        return new PackageMeta(
                text(first, MetaTag.NAME),
                text(first, MetaTag.VERSION),
                integer(first, MetaTag.RELEASE),
                integer(first, MetaTag.BUILD_RELEASE),
                text(first, MetaTag.ARCHITECTURE),
                text(first, MetaTag.SUMMARY),
                text(first, MetaTag.DESCRIPTION),
                text(first, MetaTag.SOURCE_ID),
                text(first, MetaTag.HOMEPAGE),
                licenses, depends, provides, conflicts,
                optionalText(first, MetaTag.PACKAGE_URI),
                optionalText(first, MetaTag.PACKAGE_HASH),
                first.containsKey(MetaTag.PACKAGE_SIZE)
                        ? Optional.of(integer(first, MetaTag.PACKAGE_SIZE)) : Optional.empty());
    }

    private static String text(Map<MetaTag, MetaValue> first, MetaTag tag) throws CorruptStoneException {
        MetaValue v = first.get(tag);
        if (v == null) {
            throw new CorruptStoneException("meta: missing " + tag.displayName + " record");
        }
        if (!(v instanceof MetaValue.Text(String s))) {
            throw new CorruptStoneException("meta: " + tag.displayName + " is not a string");
        }
        return s;
    }

    private static Optional<String> optionalText(Map<MetaTag, MetaValue> first, MetaTag tag)
            throws CorruptStoneException {
        return first.containsKey(tag) ? Optional.of(text(first, tag)) : Optional.empty();
    }

    private static long integer(Map<MetaTag, MetaValue> first, MetaTag tag) throws CorruptStoneException {
        MetaValue v = first.get(tag);
        if (v == null) {
            throw new CorruptStoneException("meta: missing " + tag.displayName + " record");
        }
        if (!(v instanceof MetaValue.IntValue(MetaPrimitive type, long value))) {
            throw new CorruptStoneException("meta: " + tag.displayName + " is not an integer");
        }
        if (type.signed && value < 0) {
            throw new CorruptStoneException("meta: " + tag.displayName + " is negative (" + value + ")");
        }
        return value;
    }

    /**
     * The records in upstream's canonical order: fixed fields, repository fields when set,
     * licenses, then sorted depends, provides (no {@code name()}) and conflicts.
     */
    public List<MetaRecord> toRecords() {
        List<MetaRecord> out = new ArrayList<>();
        out.add(text(MetaTag.NAME, name));
        out.add(text(MetaTag.VERSION, version));
        out.add(new MetaRecord(MetaTag.RELEASE, new MetaValue.IntValue(MetaPrimitive.UINT64, release)));
        out.add(new MetaRecord(MetaTag.BUILD_RELEASE, new MetaValue.IntValue(MetaPrimitive.UINT64, buildRelease)));
        out.add(text(MetaTag.ARCHITECTURE, architecture));
        out.add(text(MetaTag.SUMMARY, summary));
        out.add(text(MetaTag.DESCRIPTION, description));
        out.add(text(MetaTag.SOURCE_ID, sourceId));
        out.add(text(MetaTag.HOMEPAGE, homepage));
        uri.ifPresent(u -> out.add(text(MetaTag.PACKAGE_URI, u)));
        hash.ifPresent(h -> out.add(text(MetaTag.PACKAGE_HASH, h)));
        downloadSize.ifPresent(s -> out.add(
                new MetaRecord(MetaTag.PACKAGE_SIZE, new MetaValue.IntValue(MetaPrimitive.UINT64, s))));
        licenses.forEach(l -> out.add(text(MetaTag.LICENSE, l)));
        depends.forEach(d -> out.add(new MetaRecord(MetaTag.DEPENDS, new MetaValue.DependencyValue(d.kind().code, d.name()))));
        provides.forEach(p -> out.add(new MetaRecord(MetaTag.PROVIDES, new MetaValue.ProviderValue(p.kind().code, p.name()))));
        conflicts.forEach(c -> out.add(new MetaRecord(MetaTag.CONFLICTS, new MetaValue.ProviderValue(c.kind().code, c.name()))));
        return out;
    }

    private static MetaRecord text(MetaTag tag, String value) {
        return new MetaRecord(tag, new MetaValue.Text(value));
    }
}
