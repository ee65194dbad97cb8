package dev.moss.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic package data. Everything comes from a seeded {@link SplittableRandom},
 * whose sequence is specified by the JDK, so the same seed gives the same bytes on every machine
 * and the same stone (the writer is deterministic) in every run.
 */
final class Corpus {
    private final SplittableRandom rng;
    private final String[] words;

    Corpus(long seed) {
        this.rng = new SplittableRandom(seed);
        // A fixed vocabulary picked with a skewed distribution gives text that compresses
        // about as well as source code and documentation (3-5x at level 18).
        this.words = new String[4096];
        for (int i = 0; i < words.length; i++) {
            words[i] = word(2 + rng.nextInt(9));
        }
    }

    SplittableRandom rng() {
        return rng;
    }

    private String word(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = (char) ('a' + rng.nextInt(26));
        }
        return new String(c);
    }

    /** A vocabulary word, frequent ones far more often (index ~ u^3). */
    String commonWord() {
        double u = rng.nextDouble();
        return words[(int) (words.length * u * u * u)];
    }

    /** Log-uniform size in [min, max]: many small files, few big ones, as in real packages. */
    int logSize(int min, int max) {
        double lo = Math.log(min);
        double hi = Math.log(max);
        return (int) Math.min(max, Math.exp(lo + rng.nextDouble() * (hi - lo)));
    }

    /** Source-code-like lines: indentation, identifiers, punctuation, numbers. */
    byte[] text(int size) {
        byte[] out = new byte[size];
        int pos = 0;
        while (pos < size) {
            StringBuilder line = new StringBuilder(96);
            line.append("    ".repeat(rng.nextInt(4)));
            int tokens = 2 + rng.nextInt(10);
            for (int t = 0; t < tokens; t++) {
                int kind = rng.nextInt(10);
                if (kind < 7) {
                    line.append(commonWord());
                } else if (kind == 7) {
                    line.append(rng.nextInt(100_000));
                } else {
                    line.append("(){};=+-*/,.<>\"".charAt(rng.nextInt(15)));
                }
                line.append(t % 3 == 2 ? "_" : " ");
            }
            line.append('\n');
            byte[] b = line.toString().getBytes(StandardCharsets.US_ASCII);
            int n = Math.min(b.length, size - pos);
            System.arraycopy(b, 0, out, pos, n);
            pos += n;
        }
        return out;
    }

    /**
     * Executable-like bytes: 64-byte blocks that are either random (incompressible, like
     * packed tables or compressed sections), small integers (like code and relocation
     * entries), or a repeat of a recent block (like repeated structures). Compresses ~1.5-2x.
     */
    byte[] binary(int size) {
        byte[] out = new byte[size];
        for (int pos = 0; pos < size; pos += 64) {
            int n = Math.min(64, size - pos);
            int kind = rng.nextInt(10);
            if (kind < 3 || pos < 4096) {
                for (int i = 0; i < n; i++) {
                    out[pos + i] = (byte) rng.nextInt(256);
                }
            } else if (kind < 7) {
                for (int i = 0; i < n; i++) {
                    out[pos + i] = (byte) (rng.nextInt(4) == 0 ? rng.nextInt(256) : rng.nextInt(16));
                }
            } else {
                int from = pos - 64 * (1 + rng.nextInt(64));
                System.arraycopy(out, from, out, pos, n);
            }
        }
        return out;
    }

    /** A file body: 70 % text, 30 % binary. */
    byte[] body(int size) {
        return rng.nextInt(10) < 7 ? text(size) : binary(size);
    }

    /**
     * {@code count} distinct realistic /usr-relative paths, in the shapes big packages have:
     * python modules, headers, locales, docs, icons, man pages, libraries.
     */
    List<String> paths(int count) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>(count);
        String[] langs = {"de", "fr", "es", "it", "ja", "ko", "nl", "pl", "pt_BR", "ru", "sv", "tr", "uk", "zh_CN", "zh_TW"};
        while (out.size() < count) {
            String pkg = words[rng.nextInt(256)];
            String p = switch (rng.nextInt(8)) {
                case 0, 1 -> "lib/python3.12/site-packages/" + pkg + "/" + commonWord() + "/" + commonWord() + "_"
                        + commonWord() + ".py";
                case 2 -> "include/" + pkg + "/" + commonWord() + "/" + commonWord() + ".h";
                case 3 -> "share/locale/" + langs[rng.nextInt(langs.length)] + "/LC_MESSAGES/" + pkg + "-"
                        + commonWord() + ".mo";
                case 4 -> "share/doc/" + pkg + "/html/" + commonWord() + "-" + commonWord() + ".html";
                case 5 -> "share/icons/hicolor/" + (16 << rng.nextInt(5)) + "x" + (16 << rng.nextInt(5)) + "/apps/"
                        + pkg + "-" + commonWord() + ".png";
                case 6 -> "share/man/man" + (1 + rng.nextInt(8)) + "/" + pkg + "-" + commonWord() + "." + (1 + rng.nextInt(8));
                default -> "lib/" + pkg + "/" + commonWord() + "/lib" + commonWord() + ".so." + rng.nextInt(10) + "."
                        + rng.nextInt(30);
            };
            if (seen.add(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Symlink text the way packages use them: sibling library names or relative paths. */
    String linkText(String target) {
        int slash = target.lastIndexOf('/');
        String name = target.substring(slash + 1);
        return rng.nextBoolean() ? name + "." + rng.nextInt(10) : "../" + commonWord() + "/" + name;
    }
}
