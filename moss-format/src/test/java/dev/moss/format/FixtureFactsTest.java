package dev.moss.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.format.digest.Digest128;
import dev.moss.format.header.FileType;
import dev.moss.format.meta.Capability;
import dev.moss.format.meta.PackageMeta;
import dev.moss.format.payload.Payload;
import dev.moss.format.payload.PayloadHeader;
import dev.moss.format.record.EntryType;
import dev.moss.format.record.IndexRecord;
import dev.moss.format.record.LayoutEntry;
import dev.moss.format.record.LayoutRecord;
import dev.moss.format.record.MetaPrimitive;
import dev.moss.format.record.MetaRecord;
import dev.moss.format.record.MetaTag;
import dev.moss.format.record.MetaValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every figure of the fixture's FACTS.md, decoded by our reader. */
class FixtureFactsTest {
    @TempDir
    static Path dir;

    static Path stone;

    @BeforeAll
    static void copy() {
        stone = Fixtures.bashCompletion(dir);
    }

    @Test
    void fileSizeAndSha256() throws Exception {
        byte[] bytes = Fixtures.bashCompletionBytes();
        assertThat(bytes).hasSize(168864);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo("13e2bce256b183ee0c721bd6cc438be8dcebf95850c8d851801e4ce000195d94");
        assertThat(HexFormat.of().formatHex(bytes, 0, 32))
                .isEqualTo("006d6f7300040000010000020000030000040000050000060000070100000001");
    }

    @Test
    void headerAndPayloadTable() throws IOException {
        try (StoneReader r = StoneReader.open(stone)) {
            assertThat(r.header().fileType()).isEqualTo(FileType.BINARY);
            assertThat(r.header().payloadCount()).isEqualTo(4);
            List<Payload> p = r.payloads();
            assertThat(p).hasSize(4);
            assertPayload(p.get(0), Payload.MetaPayload.class, 11, 307, 522, 0xf747b76066220445L);
            assertPayload(p.get(1), Payload.LayoutPayload.class, 745, 13792, 64731, 0x00080612c2aed8f1L);
            assertPayload(p.get(2), Payload.IndexPayload.class, 474, 9070, 15168, 0xaef2da49e8b09548L);
            assertPayload(p.get(3), Payload.ContentPayload.class, 474, 145535, 872279, 0xf99daf817c7da14cL);
            assertThat(((Payload.ContentPayload) p.get(3)).bodyOffset()).isEqualTo(23297 + 32);
            assertThat(p).allSatisfy(x -> {
                assertThat(x.header().version()).isEqualTo(1);
                assertThat(x.header().compressionCode()).isEqualTo(2);
            });
        }
    }

    private static void assertPayload(Payload p, Class<?> type, long records, long stored, long plain, long sum) {
        assertThat(p).isInstanceOf(type);
        PayloadHeader h = p.header();
        assertThat(h.recordCount()).isEqualTo(records);
        assertThat(h.storedSize()).isEqualTo(stored);
        assertThat(h.plainSize()).isEqualTo(plain);
        assertThat(h.checksum()).isEqualTo(sum);
    }

    @Test
    void metaRecordsInFileOrder() throws IOException {
        try (StoneReader r = StoneReader.open(stone)) {
            List<MetaRecord> m = r.metaRecords();
            assertThat(m).extracting(MetaRecord::tag).containsExactly(
                    MetaTag.NAME, MetaTag.VERSION, MetaTag.RELEASE, MetaTag.BUILD_RELEASE, MetaTag.SUMMARY,
                    MetaTag.DESCRIPTION, MetaTag.HOMEPAGE, MetaTag.SOURCE_ID, MetaTag.ARCHITECTURE,
                    MetaTag.LICENSE, MetaTag.PROVIDES);
            assertThat(m.get(2).value()).isEqualTo(new MetaValue.IntValue(MetaPrimitive.UINT64, 1));
            assertThat(m.get(10).value()).isEqualTo(new MetaValue.ProviderValue(4, "bash-completion"));

            PackageMeta meta = PackageMeta.from(m);
            assertThat(meta.name()).isEqualTo("bash-completion");
            assertThat(meta.version()).isEqualTo("2.11");
            assertThat(meta.release()).isEqualTo(1);
            assertThat(meta.buildRelease()).isEqualTo(1);
            assertThat(meta.summary()).isEqualTo("Programmable completion functions for bash");
            assertThat(meta.description()).startsWith("bash-completion is a collection of command line command completions for the Bash shell,");
            assertThat(meta.description().getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(256);
            assertThat(meta.homepage()).isEqualTo("https://github.com/scop/bash-completion");
            assertThat(meta.sourceId()).isEqualTo("bash-completion");
            assertThat(meta.architecture()).isEqualTo("x86_64");
            assertThat(meta.licenses()).containsExactly("GPL-2.0-or-later");
            assertThat(meta.provides()).containsExactly(Capability.parse("cmake(bash-completion)"));
            assertThat(meta.depends()).isEmpty();
            assertThat(meta.localId()).isEqualTo("bash-completion-2.11-1.x86_64");
            assertThat(meta.fileName()).isEqualTo("bash-completion-2.11-1-1-x86_64.stone");
        }
    }

    @Test
    void layoutEntries() throws IOException {
        try (StoneReader r = StoneReader.open(stone)) {
            List<LayoutRecord> layout = r.layoutRecords();
            assertThat(layout).hasSize(745);
            Map<EntryType, Long> byType = layout.stream().collect(
                    Collectors.groupingBy(l -> l.entry().type(), Collectors.counting()));
            assertThat(byType).containsOnly(Map.entry(EntryType.REGULAR, 474L), Map.entry(EntryType.SYMLINK, 271L));
            assertThat(layout).allSatisfy(l -> {
                assertThat(l.uid()).isZero();
                assertThat(l.gid()).isZero();
                assertThat(l.tag()).isZero();
                assertThat(l.mode()).isEqualTo(l.entry() instanceof LayoutEntry.Regular ? 0100644 : 0120777);
            });
            assertThat(layout.get(0).entry()).isEqualTo(new LayoutEntry.Regular(
                    Digest128.fromHex("3c005061e2d565b469e9abdfe6478cfe"), "share/bash-completion/bash_completion"));
            assertThat(layout.get(3).entry()).isEqualTo(
                    new LayoutEntry.Symlink("7z", "share/bash-completion/completions/7za"));
            assertThat(layout.get(744).entry()).isEqualTo(new LayoutEntry.Regular(
                    Digest128.fromHex("99d9990c4a3c70dd5a8adf383922e6d1"),
                    "share/cmake/bash-completion/bash-completion-config.cmake"));
            assertThat(layout.get(740).entry().target()).isEqualTo("share/bash-completion/completions/zopflipng");
            // every link is a bare sibling name of a regular file in the same package
            Set<String> regular = new HashSet<>();
            layout.forEach(l -> {
                if (l.entry() instanceof LayoutEntry.Regular reg) {
                    regular.add(reg.target());
                }
            });
            assertThat(layout).filteredOn(l -> l.entry() instanceof LayoutEntry.Symlink).allSatisfy(l -> {
                var s = (LayoutEntry.Symlink) l.entry();
                assertThat(s.source()).doesNotContain("/");
                assertThat(s.target()).startsWith("share/bash-completion/completions/");
                assertThat(regular).contains("share/bash-completion/completions/" + s.source());
            });
        }
    }

    @Test
    void indexAndContentVerify() throws IOException {
        try (StoneReader r = StoneReader.open(stone)) {
            List<IndexRecord> index = r.indexRecords();
            assertThat(index).hasSize(474);
            assertThat(index.get(0)).isEqualTo(new IndexRecord(0, 76332,
                    Digest128.fromHex("3c005061e2d565b469e9abdfe6478cfe")));
            assertThat(index.stream().map(IndexRecord::digest).distinct()).hasSize(474);
            assertThat(index.get(473).end()).isEqualTo(872279);
            assertThat(index.stream().filter(i -> i.digest().toHex().length() < 32)).hasSize(33);
            // index order is first-occurrence order of layout digests
            List<Digest128> firstSeen = new ArrayList<>();
            for (LayoutRecord l : r.layoutRecords()) {
                if (l.entry() instanceof LayoutEntry.Regular reg && !firstSeen.contains(reg.digest())) {
                    firstSeen.add(reg.digest());
                }
            }
            assertThat(index).extracting(IndexRecord::digest).containsExactlyElementsOf(firstSeen);

            List<IndexRecord> verified = new ArrayList<>();
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            r.unpackContent(new ContentSink() {
                @Override
                public OutputStream begin(IndexRecord rec) {
                    return verified.isEmpty() ? first : OutputStream.nullOutputStream();
                }

                @Override
                public void verified(IndexRecord rec) {
                    verified.add(rec);
                }
            });
            assertThat(verified).containsExactlyElementsOf(index);
            assertThat(first.size()).isEqualTo(76332);
        }
    }

    @Test
    void digestFormsAndVectors() {
        assertThat(dev.moss.format.digest.Xxh3.hash128(new byte[0])).isEqualTo(Digest128.EMPTY);
        assertThat(Digest128.EMPTY.toPaddedHex()).isEqualTo("99aa06d3014798d86001c324468d497f");
        Digest128 leadingZero = Digest128.fromHex("009e2840aabbccddeeff001122334455");
        assertThat(leadingZero.toHex()).isEqualTo("9e2840aabbccddeeff001122334455");
        assertThat(Digest128.fromHex("0000000000000000000000000000000a").toHex()).isEqualTo("0a");
        assertThat(Digest128.fromDecimal(Digest128.EMPTY.toDecimal())).isEqualTo(Digest128.EMPTY);
        assertThat(new Digest128(0, 42).toDecimal()).isEqualTo("42");
    }
}
