package dev.moss.format.index;

import dev.moss.format.StoneFormatException;
import dev.moss.format.StoneReader;
import dev.moss.format.StoneWriter;
import dev.moss.format.header.FileType;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.payload.Payload;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A repository index ({@code stone.index}): a stone of file type Repository holding one meta
 * payload per package, ordered by name, each with {@code PackageURI}, {@code PackageHash} and
 * {@code PackageSize}.
 */
public final class RepositoryIndex {
    private RepositoryIndex() {}

    /** Writes the entries sorted by name (bytewise); every entry needs its repository fields. */
    public static void write(List<PackageMeta> entries, WritableByteChannel out, StoneWriter.Options options)
            throws IOException {
        List<PackageMeta> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(PackageMeta::name));
        StoneWriter writer = new StoneWriter(FileType.REPOSITORY, options);
        for (PackageMeta m : sorted) {
            if (m.uri().isEmpty() || m.hash().isEmpty() || m.downloadSize().isEmpty()) {
                throw new IllegalArgumentException("index entry " + m.name() + " lacks PackageURI/Hash/Size");
            }
            writer.addMeta(m.toRecords());
        }
        writer.write(out, null); // an index has no content, so no scratch space is needed
    }

    /** Reads every package of an index; entries without a {@code PackageHash} are an error. */
    public static List<PackageMeta> read(StoneReader reader) throws StoneFormatException {
        if (reader.header().fileType() != FileType.REPOSITORY) {
            throw new StoneFormatException("not a repository index: file type is "
                    + reader.header().fileType() + " (" + reader.header().rawFileType() + ")");
        }
        List<PackageMeta> out = new ArrayList<>();
        for (Payload.MetaPayload p : reader.payloads(Payload.MetaPayload.class)) {
            PackageMeta meta;
            try {
                meta = PackageMeta.from(p.records());
            } catch (StoneFormatException e) {
                throw new StoneFormatException("payload " + p.index() + ": " + e.getMessage(), e);
            }
            if (meta.hash().isEmpty()) {
                throw new StoneFormatException("payload " + p.index() + " (" + meta.name() + "): no PackageHash");
            }
            out.add(meta);
        }
        return out;
    }
}
