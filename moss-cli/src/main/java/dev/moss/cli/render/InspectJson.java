package dev.moss.cli.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moss.format.StoneCheck;
import dev.moss.format.StoneReader;
import dev.moss.format.meta.Capability;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.payload.Payload;
import dev.moss.format.payload.PayloadHeader;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import java.util.List;

/**
 * JSON forms of {@code inspect}: header, payload table, meta, providers and layout of a stone;
 * or a check report. Built as a Jackson tree, so field order is fixed and documented by the code.
 */
public final class InspectJson {
    private InspectJson() {}

    /** The whole stone. {@code meta} is null when the stone has no interpretable meta. */
    public static ObjectNode stone(String path, StoneReader reader, PackageMeta meta) {
        ObjectNode root = Json.newObject();
        root.put("path", path);
        ObjectNode header = root.putObject("header");
        header.put("version", 1);
        header.put("fileType", reader.header().fileType().name().toLowerCase());
        header.put("fileTypeCode", reader.header().rawFileType());
        header.put("payloadCount", reader.header().payloadCount());
        header.put("fileSize", reader.fileSize());
        ArrayNode payloads = root.putArray("payloads");
        for (Payload p : reader.payloads()) {
            payloads.add(payload(p));
        }
        if (meta != null) {
            root.set("meta", meta(meta));
            ArrayNode providers = root.putArray("providers");
            meta.allProviders().forEach(c -> providers.add(c.toString()));
        }
        ArrayNode layout = root.putArray("layout");
        reader.layoutRecords().forEach(r -> layout.add(layout(r)));
        return root;
    }

    private static ObjectNode payload(Payload p) {
        PayloadHeader h = p.header();
        ObjectNode n = Json.newObject();
        n.put("index", p.index());
        n.put("kind", h.kindName());
        n.put("compression", h.compression().map(c -> c.name().toLowerCase()).orElse("unknown " + h.compressionCode()));
        n.put("storedSize", h.storedSize());
        n.put("plainSize", h.plainSize());
        n.put("checksum", String.format("%016x", h.checksum()));
        n.put("records", h.recordCount());
        return n;
    }

    private static ObjectNode meta(PackageMeta m) {
        ObjectNode n = Json.newObject();
        n.put("name", m.name());
        n.put("version", m.version());
        n.put("release", m.release());
        n.put("buildRelease", m.buildRelease());
        n.put("architecture", m.architecture());
        n.put("summary", m.summary());
        n.put("description", m.description());
        n.put("homepage", m.homepage());
        n.put("sourceId", m.sourceId());
        n.put("localId", m.localId());
        strings(n.putArray("licenses"), m.licenses());
        capabilities(n.putArray("depends"), m.depends());
        capabilities(n.putArray("conflicts"), m.conflicts());
        m.uri().ifPresent(u -> n.put("packageUri", u));
        m.hash().ifPresent(h -> n.put("packageHash", h));
        m.downloadSize().ifPresent(s -> n.put("packageSize", s));
        return n;
    }

    private static ObjectNode layout(LayoutRecord r) {
        ObjectNode n = Json.newObject();
        LayoutEntry e = r.entry();
        n.put("path", "/usr/" + e.target());
        n.put("type", e.type().dbName);
        n.put("mode", String.format("%07o", r.mode() & 0xFFFFFFFFL));
        n.put("uid", Integer.toUnsignedLong(r.uid()));
        n.put("gid", Integer.toUnsignedLong(r.gid()));
        switch (e) {
            case LayoutEntry.Regular reg -> n.put("digest", reg.digest().toPaddedHex());
            case LayoutEntry.Symlink s -> n.put("linkText", s.source());
            case LayoutEntry.Unknown u -> n.put("typeCode", u.typeCode());
            default -> {}
        }
        return n;
    }

    public static ObjectNode check(String path, StoneCheck.Report report) {
        ObjectNode n = Json.newObject();
        n.put("path", path);
        n.put("ok", report.ok());
        ArrayNode payloads = n.putArray("payloads");
        for (StoneCheck.PayloadResult p : report.payloads()) {
            ObjectNode pn = payloads.addObject();
            pn.put("index", p.index());
            pn.put("kind", p.kind());
            pn.put("ok", p.ok());
            pn.put("skipped", p.skipped());
            if (!p.problem().isEmpty()) {
                pn.put("problem", p.problem());
            }
        }
        report.fatal().ifPresent(f -> n.put("fatal", f));
        return n;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static void capabilities(ArrayNode a, List<Capability> values) {
        values.forEach(c -> a.add(c.toString()));
    }
}
