package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.format.StoneWriter;
import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.header.FileType;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stone with 1 GiB of content is verified and extracted by the real CLI in a JVM limited to a
 * 64 MiB heap: content is streamed, never held whole.
 */
class LargeContentTest {
    static final int FILES = 512;
    static final int FILE_SIZE = 2 << 20; // 512 x 2 MiB = 1 GiB

    @TempDir
    Path dir;

    /** A 2 MiB file: a 64 KiB random block repeated, stamped with the file's number (compresses well). */
    static byte[] body(int n) {
        byte[] block = new byte[64 << 10];
        new Random(7).nextBytes(block);
        byte[] b = new byte[FILE_SIZE];
        for (int off = 0; off < b.length; off += block.length) {
            System.arraycopy(block, 0, b, off, block.length);
        }
        for (int i = 0; i < 8; i++) {
            b[i * 4096] = (byte) (n >> (i % 4 * 8));
        }
        return b;
    }

    @Test
    void oneGibibyteOfContentWithASmallHeap() throws Exception {
        List<LayoutRecord> layout = new ArrayList<>();
        StoneWriter w = new StoneWriter(FileType.BINARY, new StoneWriter.Options(1, 2));
        for (int n = 0; n < FILES; n++) {
            int file = n;
            Digest128 d = Xxh3.hash128(body(n));
            layout.add(new LayoutRecord(0, 0, 0100644, 0, new LayoutEntry.Regular(d, "share/big/f" + n)));
            w.addContent(d, FILE_SIZE, () -> new java.io.ByteArrayInputStream(body(file)));
        }
        PackageMeta meta = new PackageMeta("big", "1", 1, 1, "x86_64", "", "", "big", "", List.of(), List.of(),
                List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        w.addMeta(meta.toRecords()).addLayout(layout);
        Path stone = dir.resolve("big-1-1-1-x86_64.stone");
        Path scratch = dir.resolve("scratch");
        try (FileChannel out = FileChannel.open(stone, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                FileChannel s = FileChannel.open(scratch, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
            w.write(out, s);
        }
        Files.delete(scratch);

        MossProcess.Result check = MossProcess.run(List.of("-Xmx64m"), dir, "inspect", "--check", stone.toString());
        assertThat(check.err()).isEmpty();
        assertThat(check.out()).contains("OK: Content", "Result: OK");
        assertThat(check.exit()).isZero();

        MossProcess.Result extract = MossProcess.run(List.of("-Xmx64m"), dir, "extract", stone.toString(), "-o",
                dir.resolve("out").toString());
        assertThat(extract.exit()).as(extract.err()).isZero();
        Path usr = dir.resolve("out/big-1-1.x86_64/usr/share/big");
        assertThat(Files.size(usr.resolve("f511"))).isEqualTo(FILE_SIZE);
        assertThat(Xxh3.hash128(Files.readAllBytes(usr.resolve("f300")))).isEqualTo(Xxh3.hash128(body(300)));
    }
}
