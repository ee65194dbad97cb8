package dev.moss.bench.corpus;

import dev.moss.format.StoneReader;
import dev.moss.format.payload.Compression;
import dev.moss.format.payload.Payload;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the stored bytes of each stone's content payload (a zstd frame, exactly as in the
 * stone) to {@code OUT/<stone name>.zst}, so the import figure can time {@code zstd -d} on the
 * very bytes moss decompresses. Prints one line per stone ({@code plain stored file}) and a
 * total line ({@code total plain stored}) on stdout.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.moss.bench.corpus.ContentDump OUT FILE.stone...
 * </pre>
 */
public final class ContentDump {
    private ContentDump() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ContentDump OUT FILE.stone...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        long plain = 0;
        long stored = 0;
        for (int i = 1; i < args.length; i++) {
            Path stone = Path.of(args[i]);
            try (StoneReader r = StoneReader.open(stone)) {
                Optional<Payload.ContentPayload> c = r.content();
                if (c.isEmpty()) {
                    continue;
                }
                Payload.ContentPayload content = c.get();
                if (content.header().compression().orElse(null) != Compression.ZSTD) {
                    throw new IOException(stone + ": content payload is not zstd-compressed");
                }
                String name = stone.getFileName().toString().replaceFirst("\\.stone$", "") + ".zst";
                Path target = out.resolve(name);
                try (FileChannel in = FileChannel.open(stone, StandardOpenOption.READ);
                        FileChannel w = FileChannel.open(target, StandardOpenOption.CREATE,
                                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                    long pos = content.bodyOffset();
                    long left = content.header().storedSize();
                    while (left > 0) {
                        long n = in.transferTo(pos, left, w);
                        if (n <= 0) {
                            throw new IOException(stone + ": content payload ends early");
                        }
                        pos += n;
                        left -= n;
                    }
                }
                plain += content.header().plainSize();
                stored += content.header().storedSize();
                System.out.printf(Locale.ROOT, "%d %d %s%n", content.header().plainSize(),
                        content.header().storedSize(), target);
            }
        }
        System.out.printf(Locale.ROOT, "total %d %d%n", plain, stored);
    }
}
