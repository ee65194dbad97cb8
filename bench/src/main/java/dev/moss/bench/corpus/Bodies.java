package dev.moss.bench.corpus;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * File bodies for one package, drawn from that package's own seeded random source. Text is
 * built from a skewed vocabulary so it compresses like source and documentation (about 3-4x
 * at zstd level 3); "binary" mixes random, small-integer and repeated 64-byte blocks like
 * executables (about 2x); "random" is incompressible (images, fonts, compressed data).
 *
 * <p>Duplicates: a text body is, with a small probability, a repeat of one this package wrote
 * before (the same README or __init__.py in two places), and callers ask for {@link Shared}
 * bodies (license texts, boilerplate) that many packages ship byte for byte.
 */
final class Bodies {
    private static final int RECENT = 64;

    private final SplittableRandom rng;
    private final Shared shared;
    private final boolean tiny;
    private final byte[][] recent = new byte[RECENT][];
    private int recentCount;

    Bodies(SplittableRandom rng, Shared shared, boolean tiny) {
        this.rng = rng;
        this.shared = shared;
        this.tiny = tiny;
    }

    SplittableRandom rng() {
        return rng;
    }

    Shared shared() {
        return shared;
    }

    /** Log-uniform size in [min, max]: many small files, few big ones, as in real packages. */
    int logSize(int min, int max) {
        return logSize(rng, min, max);
    }

    static int logSize(SplittableRandom rng, int min, int max) {
        double lo = Math.log(min);
        double hi = Math.log(max);
        return (int) Math.min(max, Math.exp(lo + rng.nextDouble() * (hi - lo)));
    }

    /**
     * The size of an ordinary small file: 100 B - 8 KiB, one in a hundred 8 - 128 KiB. In the
     * million-entry set everything is tiny so the disk use stays small.
     */
    int smallSize() {
        if (tiny) {
            return logSize(20, 400);
        }
        return rng.nextInt(100) == 0 ? logSize(8 << 10, 128 << 10) : logSize(100, 8 << 10);
    }

    /** A text file of about {@code size} bytes; 4 % of them repeat an earlier one of this package. */
    byte[] text(int size) {
        if (tiny) {
            return shared.tiny(rng);
        }
        if (recentCount > 0 && rng.nextInt(25) == 0) {
            return recent[rng.nextInt(Math.min(recentCount, RECENT))];
        }
        byte[] b = shared.text(rng, size);
        recent[recentCount++ % RECENT] = b;
        return b;
    }

    byte[] binary(int size) {
        return tiny ? shared.tiny(rng) : binary(rng, size);
    }

    byte[] random(int size) {
        return tiny ? shared.tiny(rng) : random(rng, size);
    }

    static byte[] random(SplittableRandom rng, int size) {
        byte[] out = new byte[size];
        fillRandom(rng, out, 0, size);
        return out;
    }

    private static void fillRandom(SplittableRandom rng, byte[] out, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = rng.nextLong();
            for (int k = 0; k < 8; k++) {
                out[i + k] = (byte) (v >>> (8 * k));
            }
        }
        for (; i < to; i++) {
            out[i] = (byte) rng.nextInt(256);
        }
    }

    static byte[] binary(SplittableRandom rng, int size) {
        byte[] out = new byte[size];
        for (int pos = 0; pos < size; pos += 64) {
            int n = Math.min(64, size - pos);
            int kind = rng.nextInt(10);
            if (kind < 2 || pos < 4096) {
                fillRandom(rng, out, pos, pos + n);
            } else if (kind < 6) {
                // small integers with an occasional full byte, like code and relocations
                long bits = rng.nextLong();
                for (int i = 0; i < n; i++) {
                    int nib = (int) (bits >>> ((i % 16) * 4)) & 15;
                    out[pos + i] = (byte) (i % 5 == 0 && nib < 4 ? nib * 61 : nib);
                }
            } else {
                int from = pos - 64 * (1 + rng.nextInt(64));
                System.arraycopy(out, from, out, pos, n);
            }
        }
        return out;
    }

    /**
     * What every package shares: one vocabulary, license texts and boilerplate files that many
     * packages ship byte for byte, and (for the million-entry set) a pool of tiny bodies. Built
     * once from the corpus seed and only read afterwards, so packages can be made in parallel.
     */
    static final class Shared {
        private final byte[][] words;
        private final byte[][] licenses;
        private final byte[][] boilerplate;
        private final byte[][] tinyPool;

        Shared(long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            words = new byte[4096][];
            for (int i = 0; i < words.length; i++) {
                words[i] = Names.word(rng, 2 + rng.nextInt(9)).getBytes(StandardCharsets.US_ASCII);
            }
            licenses = new byte[24][];
            for (int i = 0; i < licenses.length; i++) {
                licenses[i] = text(rng, logSize(rng, 1 << 10, 35 << 10));
            }
            boilerplate = new byte[200][];
            for (int i = 0; i < boilerplate.length; i++) {
                boilerplate[i] = text(rng, logSize(rng, 40, 2 << 10));
            }
            tinyPool = new byte[4096][];
            for (int i = 0; i < tinyPool.length; i++) {
                tinyPool[i] = text(rng, logSize(rng, 20, 400));
            }
        }

        byte[] license(SplittableRandom rng) {
            // a few licenses (GPL, MIT, Apache) are far more common than the rest
            double u = rng.nextDouble();
            return licenses[(int) (licenses.length * u * u)];
        }

        byte[] boilerplate(SplittableRandom rng) {
            return boilerplate[rng.nextInt(boilerplate.length)];
        }

        /** 95 % from a pool of 4096 bodies, the rest unique. */
        /** The pool behind {@link #tiny}, so the generator can stage its bodies as hardlinks. */
        byte[][] tinyPool() {
            return tinyPool;
        }

        byte[] tiny(SplittableRandom rng) {
            return rng.nextInt(20) == 0 ? text(rng, logSize(rng, 20, 400)) : tinyPool[rng.nextInt(tinyPool.length)];
        }

        /** A frequent vocabulary word far more often than a rare one (index ~ u^3). */
        byte[] word(SplittableRandom rng) {
            double u = rng.nextDouble();
            return words[(int) (words.length * u * u * u)];
        }

        /** Source-code-like lines: indentation, identifiers, punctuation, numbers. */
        byte[] text(SplittableRandom rng, int size) {
            byte[] out = new byte[size];
            int pos = 0;
            int column = 0;
            while (pos < size) {
                if (column == 0) {
                    int indent = 4 * rng.nextInt(4);
                    for (int i = 0; i < indent && pos < size; i++) {
                        out[pos++] = ' ';
                    }
                }
                int kind = rng.nextInt(10);
                byte[] token;
                if (kind < 8) {
                    token = word(rng);
                } else if (kind == 8) {
                    token = Integer.toString(rng.nextInt(100_000)).getBytes(StandardCharsets.US_ASCII);
                } else {
                    token = PUNCT[rng.nextInt(PUNCT.length)];
                }
                int n = Math.min(token.length, size - pos);
                System.arraycopy(token, 0, out, pos, n);
                pos += n;
                column += n + 1;
                if (pos < size) {
                    out[pos++] = (byte) (column > 60 + rng.nextInt(30) ? '\n' : kind == 7 ? '_' : ' ');
                    if (out[pos - 1] == '\n') {
                        column = 0;
                    }
                }
            }
            return out;
        }
    }

    private static final byte[][] PUNCT = {
        b("("), b(")"), b("{"), b("};"), b("="), b("+="), b("->"), b("/*"), b("*/"), b(","), b("."), b("<"), b(">"),
        b("\""), b("#"), b("return"), b("if"), b("self."),
    };

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
