package dev.moss.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.format.digest.Digest128;
import dev.moss.format.digest.Xxh3;
import dev.moss.format.header.FileType;
import dev.moss.format.index.RepositoryIndex;
import dev.moss.format.meta.Capability;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.payload.Payload;
import dev.moss.format.record.IndexRecord;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import dev.moss.format.record.MetaRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** read -> write -> read identity, writer determinism, boulder ordering, and the index. */
class RoundTripTest {
    @TempDir
    Path dir;

    /** Everything a stone holds, in comparable form. */
    record Decoded(List<MetaRecord> meta, List<LayoutRecord> layout, Map<Digest128, byte[]> content,
            List<IndexRecord> index) {}

    static Decoded decode(Path stone) throws IOException {
        try (StoneReader r = StoneReader.open(stone)) {
            Map<Digest128, byte[]> content = new HashMap<>();
            r.unpackContent(new ContentSink() {
                ByteArrayOutputStream cur;

                @Override
                public OutputStream begin(IndexRecord rec) {
                    return cur = new ByteArrayOutputStream();
                }

                @Override
                public void verified(IndexRecord rec) {
                    content.put(rec.digest(), cur.toByteArray());
                }
            });
            return new Decoded(r.metaRecords(), r.layoutRecords(), content, r.indexRecords());
        }
    }

    Path write(String name, List<MetaRecord> meta, List<LayoutRecord> layout, Map<Digest128, byte[]> content,
            StoneWriter.Options options) throws IOException {
        StoneWriter w = new StoneWriter(FileType.BINARY, options).addMeta(meta).addLayout(layout);
        // add content in layout order, as boulder does
        for (LayoutRecord l : layout) {
            if (l.entry() instanceof LayoutEntry.Regular reg) {
                byte[] b = content.get(reg.digest());
                w.addContent(reg.digest(), b.length, () -> new ByteArrayInputStream(b));
            }
        }
        Path out = dir.resolve(name);
        Path scratch = dir.resolve(name + ".scratch");
        try (FileChannel o = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                FileChannel s = FileChannel.open(scratch, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
            w.write(o, s);
        }
        Files.delete(scratch);
        return out;
    }

    @Test
    void fixtureSurvivesReadWriteRead() throws IOException {
        Decoded original = decode(Fixtures.bashCompletion(dir));
        Path rewritten = write("rewritten.stone", original.meta(), original.layout(), original.content(),
                new StoneWriter.Options(18, 2));
        Decoded again = decode(rewritten);
        assertThat(again.meta()).isEqualTo(original.meta());
        assertThat(again.layout()).isEqualTo(original.layout());
        assertThat(again.content().keySet()).isEqualTo(original.content().keySet());
        again.content().forEach((d, b) -> assertThat(b).isEqualTo(original.content().get(d)));
        // boulder order: contiguous, largest first (stable)
        List<IndexRecord> idx = again.index();
        for (int i = 1; i < idx.size(); i++) {
            assertThat(idx.get(i).start()).isEqualTo(idx.get(i - 1).end());
            assertThat(idx.get(i).size()).isLessThanOrEqualTo(idx.get(i - 1).size());
        }
        try (StoneReader r = StoneReader.open(rewritten)) {
            assertThat(r.payloads()).extracting(p -> p.getClass().getSimpleName())
                    .containsExactly("MetaPayload", "LayoutPayload", "IndexPayload", "ContentPayload");
            assertThat(r.content().orElseThrow().header().recordCount()).isZero();
            // Layout strings are written without NULs: 64731 -> 63715 bytes (spec section 5.2).
            assertThat(r.payloads().get(1).header().plainSize()).isEqualTo(63715);
            assertThat(r.payloads().get(3).header().plainSize()).isEqualTo(872279);
        }
        assertThat(StoneCheck.check(rewritten).ok()).isTrue();
    }

    @Test
    void writerIsDeterministic() throws IOException {
        Decoded original = decode(Fixtures.bashCompletion(dir));
        Path a = write("a.stone", original.meta(), original.layout(), original.content(), new StoneWriter.Options(18, 2));
        Path b = write("b.stone", original.meta(), original.layout(), original.content(), new StoneWriter.Options(18, 2));
        Path c = write("c.stone", original.meta(), original.layout(), original.content(), new StoneWriter.Options(18, 1));
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        // zstd's multi-threaded output does not depend on the number of workers
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(c));
    }

    @Test
    void generatedPackageRoundTripsWithDuplicatesEmptyFilesAndEveryEntryType() throws IOException {
        Random rnd = new Random(42);
        List<LayoutRecord> layout = new ArrayList<>();
        Map<Digest128, byte[]> content = new HashMap<>();
        byte[] shared = new byte[5000];
        rnd.nextBytes(shared);
        for (int i = 0; i < 300; i++) {
            byte[] body = i % 10 == 0 ? shared : i % 17 == 0 ? new byte[0] : randomText(rnd, rnd.nextInt(20000));
            Digest128 d = Xxh3.hash128(body);
            content.put(d, body);
            layout.add(new LayoutRecord(0, 0, i % 3 == 0 ? 0100755 : 0100644, 0,
                    new LayoutEntry.Regular(d, "lib/pkg/f" + i)));
        }
        layout.add(new LayoutRecord(0, 0, 0120777, 0, new LayoutEntry.Symlink("../lib/pkg/f1", "bin/f1")));
        layout.add(new LayoutRecord(0, 0, 041777, 0, new LayoutEntry.Directory("share/sticky")));
        layout.add(new LayoutRecord(0, 0, 040755, 0, new LayoutEntry.Directory("share/empty")));
        layout.add(new LayoutRecord(0, 0, 010644, 0,
                new LayoutEntry.Special(dev.moss.format.record.EntryType.FIFO, "share/fifo")));
        layout.add(new LayoutRecord(1000, 100, 0104755, 0, new LayoutEntry.Regular(
                Xxh3.hash128(shared), "bin/setuid")));
        PackageMeta meta = new PackageMeta("pkg", "1.0", 3, 2, "x86_64", "summary", "", "pkg", "",
                List.of("MIT"), List.of(Capability.parse("soname(libc.so.6(x86_64))")),
                List.of(Capability.parse("binary(f1)")), List.of(Capability.parse("name(other)")),
                Optional.empty(), Optional.empty(), Optional.empty());
        Path stone = write("gen.stone", meta.toRecords(), layout, content, StoneWriter.Options.DEFAULT);
        Decoded back = decode(stone);
        assertThat(back.layout()).isEqualTo(layout);
        assertThat(PackageMeta.from(back.meta())).isEqualTo(meta);
        assertThat(back.content()).hasSameSizeAs(content);
        back.content().forEach((d, b) -> assertThat(b).isEqualTo(content.get(d)));
    }

    static byte[] randomText(Random rnd, int n) {
        String words = "the quick brown fox jumps over lazy dog moss stone package layout index content ";
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) words.charAt(rnd.nextInt(words.length()));
        }
        return b;
    }

    /** Content of several MiB is decompressed on a read-ahead thread: same bytes, same failures, no thread left. */
    @Test
    void largeContentIsReadAheadAndItsFailuresStillStopTheUnpack() throws Exception {
        PackageMeta meta = new PackageMeta("large", "1", 1, 1, "x86_64", "", "", "large", "",
                List.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        Map<Digest128, byte[]> content = new HashMap<>();
        List<LayoutRecord> layout = new ArrayList<>();
        Random rng = new Random(11);
        for (int i = 0; i < 6; i++) {
            byte[] b = new byte[(1 << 20) + i * 4099]; // 6 MiB and more in all: above the read-ahead threshold
            rng.nextBytes(b);
            Digest128 d = Xxh3.hash128(b);
            content.put(d, b);
            layout.add(new LayoutRecord(0, 0, 0100644, 0, new LayoutEntry.Regular(d, "share/large/f" + i)));
        }
        Path stone = write("large.stone", meta.toRecords(), layout, content, new StoneWriter.Options(1, 1));
        assertThat(decode(stone).content()).containsOnlyKeys(content.keySet());
        decode(stone).content().forEach((d, b) -> assertThat(Xxh3.hash128(b)).isEqualTo(d));

        // A sink failing half-way: the failure comes out, and the reader stays usable.
        try (StoneReader r = StoneReader.open(stone)) {
            int[] begun = {0};
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.unpackContent(new ContentSink() {
                @Override
                public OutputStream begin(IndexRecord rec) throws IOException {
                    if (++begun[0] == 3) {
                        throw new IOException("disk full");
                    }
                    return OutputStream.nullOutputStream();
                }

                @Override
                public void verified(IndexRecord rec) {}
            })).isInstanceOf(IOException.class).hasMessage("disk full");
            r.unpackContent(ContentSink.verifyOnly());
        }

        // One byte changed in the compressed content: refused, as without the read-ahead.
        Payload.ContentPayload payload;
        try (StoneReader r = StoneReader.open(stone)) {
            payload = r.content().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(stone);
        int at = (int) (payload.bodyOffset() + payload.header().storedSize() / 2);
        bytes[at] ^= 0x40;
        Path damaged = dir.resolve("damaged.stone");
        Files.write(damaged, bytes);
        try (StoneReader r = StoneReader.open(damaged)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.unpackContent(ContentSink.verifyOnly()))
                    .isInstanceOf(StoneFormatException.class);
        }
        Thread.sleep(50); // a stopping read-ahead thread may still be returning
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("content-read-ahead"));
    }

    @Test
    void metaOnlyPackageHasNoIndexOrContent() throws IOException {
        PackageMeta meta = new PackageMeta("meta-only", "1", 1, 1, "x86_64", "", "", "meta-only", "",
                List.of(), List.of(Capability.parse("name(dep)")), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
        Path stone = write("m.stone", meta.toRecords(), List.of(), Map.of(), StoneWriter.Options.DEFAULT);
        try (StoneReader r = StoneReader.open(stone)) {
            assertThat(r.payloads()).hasSize(1).first().isInstanceOf(Payload.MetaPayload.class);
            assertThat(PackageMeta.from(r.metaRecords())).isEqualTo(meta);
            r.unpackContent(ContentSink.verifyOnly());
        }
    }

    @Test
    void repositoryIndexRoundTrip() throws IOException {
        PackageMeta base = new PackageMeta("zeta", "2", 5, 1, "x86_64", "z", "", "zeta", "", List.of("MIT"),
                List.of(), List.of(Capability.parse("pkgconfig(zeta)")), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty());
        PackageMeta zeta = base.withRepositoryFields("z/zeta-2-5-1-x86_64.stone", "ab".repeat(32), 1234);
        PackageMeta alpha = new PackageMeta("alpha", "1", 1, 1, "x86_64", "a", "", "alpha", "", List.of(),
                List.of(Capability.parse("zeta")), List.of(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty()).withRepositoryFields("../alpha.stone", "cd".repeat(32), 99);
        Path index = dir.resolve("stone.index");
        try (FileChannel o = FileChannel.open(index, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            RepositoryIndex.write(List.of(zeta, alpha), o, StoneWriter.Options.DEFAULT);
        }
        try (StoneReader r = StoneReader.open(index)) {
            assertThat(r.header().fileType()).isEqualTo(FileType.REPOSITORY);
            assertThat(RepositoryIndex.read(r)).containsExactly(alpha, zeta);
        }
    }
}
