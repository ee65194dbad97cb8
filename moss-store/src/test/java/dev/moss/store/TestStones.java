package dev.moss.store;

import dev.moss.format.StoneWriter;
import dev.moss.format.digest.Digest128;
import dev.moss.format.header.FileType;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.record.LayoutRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/** Stones for tests, written by the format's own writer: any layout, any content records. */
public final class TestStones {
    /** One content record; the digest is taken as given (hostile tests give wrong ones). */
    public record Content(Digest128 digest, byte[] bytes) {}

    private TestStones() {}

    /** Writes a binary stone of package {@code name} into a new file in {@code dir}. */
    public static Path write(Path dir, String name, List<LayoutRecord> layout, List<Content> content)
            throws IOException {
        PackageMeta meta = new PackageMeta(name, "1", 1, 1, "x86_64", "", "", name, "", List.of(), List.of(),
                List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        StoneWriter w = new StoneWriter(FileType.BINARY, new StoneWriter.Options(3, 0));
        w.addMeta(meta.toRecords());
        w.addLayout(layout);
        for (Content c : content) {
            w.addContent(c.digest(), c.bytes().length, () -> new ByteArrayInputStream(c.bytes()));
        }
        Path file = Files.createTempFile(dir, name, ".stone");
        Path scratch = dir.resolve(file.getFileName() + ".scratch");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                FileChannel s = FileChannel.open(scratch, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
            w.write(out, s);
        } finally {
            Files.deleteIfExists(scratch);
        }
        return file;
    }
}
