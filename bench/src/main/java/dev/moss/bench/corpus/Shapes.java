package dev.moss.bench.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shapes real packages have, written into one package until its entry budget is spent:
 * Python modules with their bytecode, C libraries with .so version chains and header trees,
 * applications with locales, man pages and icons, documentation sites, data sets with alias
 * symlinks, kernel modules, fonts. Every path below a package-specific directory or carries the
 * package name, so two packages never claim one path; shared parent directories are normal.
 */
final class Shapes {
    enum Kind { PYTHON, LIBRARY, APPLICATION, DOCS, DATA, MODULES, FONTS }

    private static final String[] LANGS = {
        "af", "ar", "ast", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en_GB", "eo", "es", "et",
        "eu", "fa", "fi", "fr", "ga", "gl", "gu", "he", "hi", "hr", "hu", "id", "is", "it", "ja", "ka", "kk", "km",
        "kn", "ko", "lt", "lv", "mk", "ml", "mr", "ms", "nb", "ne", "nl", "nn", "oc", "pa", "pl", "pt", "pt_BR", "ro",
        "ru", "sk", "sl", "sq", "sr", "sr@latin", "sv", "ta", "te", "th", "tr", "uk", "vi", "zh_CN", "zh_HK", "zh_TW",
    };
    private static final int[] ICON_SIZES = {16, 22, 24, 32, 48, 64, 96, 128, 256, 512};

    private final PackageStager st;
    private final Bodies b;
    private final SplittableRandom rng;
    private final String name;
    private final int budget;

    Shapes(PackageStager st, Bodies b, String name, int budget) {
        this.st = st;
        this.b = b;
        this.rng = b.rng();
        this.name = name;
        this.budget = budget;
    }

    /** Entries still to write. */
    private int left() {
        return budget - st.entries();
    }

    /** Writes the package: its main shape, its large files, then the small things every package has. */
    void write(Kind kind, List<Integer> largeSizes) throws IOException {
        for (int i = 0; i < largeSizes.size(); i++) {
            st.file("lib/" + name + "/" + name + "-" + i + ".pak", 0644, Bodies.binary(rng, largeSizes.get(i)));
        }
        int reserve = Math.min(6, budget / 4);
        switch (kind) {
            case PYTHON -> python(left() - reserve);
            case LIBRARY -> library(left() - reserve);
            case APPLICATION -> application(left() - reserve);
            case DOCS -> docs(left() - reserve);
            case DATA -> data(left() - reserve);
            case MODULES -> modules(left() - reserve);
            case FONTS -> fonts(left() - reserve);
        }
        oddities();
        common();
    }

    // ---- the shapes ----------------------------------------------------------------------

    private void python(int n) throws IOException {
        int stop = st.entries() + n;
        String mod = name.replace('-', '_');
        String base = "lib/python3.12/site-packages/" + mod;
        String info = "lib/python3.12/site-packages/" + mod + "-" + version() + ".dist-info/";
        if (n >= 5) {
            st.file(info + "METADATA", 0644, b.text(b.logSize(400, 6000)));
            st.file(info + "RECORD", 0644, b.text(b.logSize(200, 8000)));
            st.file(info + "WHEEL", 0644, b.shared().boilerplate(rng));
            st.file(info + "top_level.txt", 0644, (mod + "\n").getBytes());
            st.file(info + "LICENSE", 0644, b.shared().license(rng));
        }
        // Python packages: every directory an __init__.py, modules next to their bytecode.
        List<String> dirs = new ArrayList<>();
        List<Integer> depth = new ArrayList<>();
        dirs.add(base);
        depth.add(0);
        pyInit(base, stop);
        while (st.entries() < stop) {
            if (rng.nextInt(9) == 0) {
                int parent = pickDir(dirs.size());
                if (depth.get(parent) < 6) {
                    String d = dirs.get(parent) + "/" + Names.word(rng);
                    if (!st.exists(d) && !st.exists(d + ".py")) {
                        dirs.add(d);
                        depth.add(depth.get(parent) + 1);
                        pyInit(d, stop);
                    }
                }
                continue;
            }
            String dir = dirs.get(pickDir(dirs.size()));
            String m = Names.identifier(rng);
            if (st.exists(dir + "/" + m + ".py") || st.exists(dir + "/" + m)) {
                continue;
            }
            int size = b.smallSize();
            st.file(dir + "/" + m + ".py", 0644, b.text(size));
            if (st.entries() < stop) {
                st.file(dir + "/__pycache__/" + m + ".cpython-312.pyc", 0644, b.binary(Math.max(64, size * 3 / 5)));
            }
        }
    }

    private void pyInit(String dir, int stop) throws IOException {
        if (st.entries() >= stop) {
            return;
        }
        // Most __init__.py files are empty; the rest are short.
        st.file(dir + "/__init__.py", 0644, rng.nextInt(10) < 4 ? new byte[0] : b.text(b.logSize(30, 2000)));
        if (st.entries() < stop && rng.nextBoolean()) {
            st.file(dir + "/__pycache__/__init__.cpython-312.pyc", 0644, b.binary(b.logSize(100, 1500)));
        }
    }

    private void library(int n) throws IOException {
        int stop = st.entries() + n;
        int libs = 1 + (n > 200 ? rng.nextInt(4) : 0);
        for (int i = 0; i < libs && st.entries() + 4 <= stop; i++) {
            String lib = "lib" + name + (i == 0 ? "" : "-" + Names.word(rng, 4));
            if (st.exists("lib/" + lib + ".so")) {
                continue;
            }
            int major = rng.nextInt(12);
            String real = lib + ".so." + major + "." + rng.nextInt(40) + "." + rng.nextInt(10);
            st.file("lib/" + real, 0755, b.binary(b.logSize(20 << 10, 2 << 20)));
            st.link("lib/" + lib + ".so." + major, real);
            st.link("lib/" + lib + ".so", lib + ".so." + major);
            st.file("lib/pkgconfig/" + lib + ".pc", 0644, b.text(b.logSize(200, 600)));
            if (rng.nextInt(3) == 0 && st.entries() < stop) {
                st.file("lib/" + lib + ".a", 0644, b.binary(b.logSize(20 << 10, 1 << 20)));
            }
        }
        // Section 3 man pages, many of them links to the page that documents a group of functions.
        String page = null;
        for (int i = n / 20; i > 0 && st.entries() < stop; i--) {
            String fn = name + "_" + Names.identifier(rng) + ".3";
            if (st.exists("share/man/man3/" + fn)) {
                continue;
            }
            if (page != null && rng.nextInt(5) < 2) {
                st.link("share/man/man3/" + fn, page);
            } else {
                st.file("share/man/man3/" + fn, 0644, b.text(b.logSize(600, 20 << 10)));
                page = fn;
            }
        }
        String cmake = "lib/cmake/" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "/";
        for (String f : new String[] {"Config.cmake", "ConfigVersion.cmake", "Targets.cmake"}) {
            if (st.entries() < stop) {
                st.file(cmake + name + f, 0644, b.text(b.logSize(300, 6000)));
            }
        }
        tree("include/" + name, stop - st.entries(), 5, 14, d -> {
            st.file(d + "/" + Names.identifier(rng) + ".h", 0644, b.text(b.smallSize()));
        });
    }

    private void application(int n) throws IOException {
        int stop = st.entries() + n;
        st.file("bin/" + name, 0755, b.binary(b.logSize(20 << 10, 1 << 20)));
        for (int i = rng.nextInt(4); i > 0 && st.entries() < stop; i--) {
            String alias = name + "-" + Names.word(rng, 4);
            if (st.exists("bin/" + alias)) {
                continue;
            }
            if (rng.nextBoolean()) {
                st.link("bin/" + alias, name);
            } else {
                st.file("bin/" + alias, 0755, b.binary(b.logSize(8 << 10, 256 << 10)));
            }
        }
        if (st.entries() + 2 < stop) {
            st.file("share/applications/" + name + ".desktop", 0644, b.text(b.logSize(200, 3000)));
            st.file("share/bash-completion/completions/" + name, 0644, b.text(b.logSize(300, 9000)));
        }
        for (int s = 1; s <= 8 && st.entries() < stop && rng.nextInt(3) > 0; s++) {
            st.file("share/man/man" + s + "/" + name + "." + s, 0644, b.text(b.logSize(500, 30 << 10)));
        }
        // Icons: a bitmap per size (incompressible), the same SVG in two places.
        if (rng.nextBoolean()) {
            for (int size : ICON_SIZES) {
                if (st.entries() < stop) {
                    st.file("share/icons/hicolor/" + size + "x" + size + "/apps/" + name + ".png", 0644,
                            b.random(Math.min(60 << 10, size * size / 2 + 200)));
                }
            }
            if (st.entries() + 1 < stop) {
                byte[] svg = b.text(b.logSize(1 << 10, 20 << 10));
                st.file("share/icons/hicolor/scalable/apps/" + name + ".svg", 0644, svg);
                st.file("share/pixmaps/" + name + ".svg", 0644, svg);
            }
        }
        // Translations: one catalogue per language, sometimes for a second domain too.
        int langs = Math.min(LANGS.length, Math.max(0, (stop - st.entries()) / 3));
        langs = langs == 0 ? 0 : rng.nextInt(langs + 1);
        int offset = rng.nextInt(LANGS.length);
        boolean second = rng.nextInt(4) == 0;
        for (int i = 0; i < langs && st.entries() < stop; i++) {
            String dir = "share/locale/" + LANGS[(offset + i) % LANGS.length] + "/LC_MESSAGES/";
            st.file(dir + name + ".mo", 0644, b.binary(b.logSize(500, 60 << 10)));
            if (second && st.entries() < stop) {
                st.file(dir + name + "-" + "plugins.mo", 0644, b.binary(b.logSize(200, 8 << 10)));
            }
        }
        if (rng.nextBoolean() && st.entries() < stop) {
            st.file("libexec/" + name + "/" + name + "-helper", 0755, b.binary(b.logSize(8 << 10, 200 << 10)));
        }
        tree("share/" + name, stop - st.entries(), 6, 10, d -> {
            String leaf = Names.identifier(rng);
            switch (rng.nextInt(10)) {
                case 0 -> st.file(d + "/" + leaf + ".png", 0644, b.random(b.logSize(200, 20 << 10)));
                case 1 -> st.file(d + "/" + leaf + ".sh", 0755, b.text(b.smallSize()));
                case 2 -> st.file(d + "/" + leaf + ".bin", 0644, b.binary(b.smallSize()));
                default -> st.file(d + "/" + leaf + (rng.nextBoolean() ? ".xml" : ".conf"), 0644, b.text(b.smallSize()));
            }
        });
    }

    private void docs(int n) throws IOException {
        int stop = st.entries() + n;
        String base = "share/doc/" + name + "/html";
        // Documentation generators copy the same static files into every site.
        for (int i = 0; i < 6 && st.entries() < stop; i++) {
            st.file(base + "/_static/" + "static" + i + ".js", 0644, b.shared().boilerplate(new SplittableRandom(i)));
        }
        byte[][] images = new byte[4][];
        for (int i = 0; i < images.length; i++) {
            images[i] = b.random(b.logSize(500, 30 << 10));
        }
        tree(base, stop - st.entries(), 4, 16, d -> {
            String leaf = Names.identifier(rng);
            if (rng.nextInt(8) == 0) {
                st.file(d + "/" + leaf + ".png", 0644, images[rng.nextInt(images.length)]);
            } else {
                st.file(d + "/" + leaf + ".html", 0644, b.text(b.smallSize()));
            }
        });
    }

    private void data(int n) throws IOException {
        int stop = st.entries() + n;
        String base = "share/" + name;
        List<String> regions = new ArrayList<>();
        for (int i = 2 + rng.nextInt(8); i > 0; i--) {
            regions.add(Names.capital(rng));
        }
        // Entries by region/name; some aliases as symlinks, some copies with identical bytes.
        while (st.entries() < stop) {
            String region = regions.get(rng.nextInt(regions.size()));
            String city = Names.capital(rng) + (rng.nextInt(4) == 0 ? "_" + Names.capital(rng) : "");
            String path = base + "/" + region + "/" + city;
            if (st.exists(path)) {
                continue;
            }
            byte[] body = b.binary(b.logSize(60, 4 << 10));
            st.file(path, 0644, body);
            int r = rng.nextInt(10);
            if (r < 2 && st.entries() < stop) {
                st.link(base + "/posix/" + region + "/" + city, "../../" + region + "/" + city);
            } else if (r < 4 && st.entries() < stop) {
                st.file(base + "/right/" + region + "/" + city, 0644, body);
            }
        }
    }

    private void modules(int n) throws IOException {
        int stop = st.entries() + n;
        String base = "lib/modules/6.9." + rng.nextInt(20) + "-" + name;
        for (String f : new String[] {"modules.dep", "modules.alias", "modules.symbols", "modules.order"}) {
            if (st.entries() < stop) {
                st.file(base + "/" + f, 0644, b.text(b.logSize(2 << 10, 200 << 10)));
            }
        }
        tree(base + "/kernel", stop - st.entries(), 5, 20, d -> {
            st.file(d + "/" + Names.identifier(rng) + ".ko", 0644, b.binary(b.logSize(2 << 10, 64 << 10)));
        });
    }

    private void fonts(int n) throws IOException {
        int stop = st.entries() + n;
        String family = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        String[] styles = {"Regular", "Bold", "Italic", "BoldItalic", "Light", "Medium", "Thin", "Black"};
        int i = 0;
        while (st.entries() < stop) {
            String style = styles[i % styles.length] + (i >= styles.length ? Integer.toString(i / styles.length) : "");
            if (i < 40) {
                st.file("share/fonts/" + name + "/" + family + "-" + style + ".ttf", 0644,
                        b.random(b.logSize(8 << 10, 400 << 10)));
            } else {
                // big families ship many small bitmap faces
                st.file("share/fonts/" + name + "/misc/" + family + "-" + style + ".pcf.gz", 0644,
                        b.random(b.logSize(1 << 10, 16 << 10)));
            }
            i++;
            if (i % 5 == 0 && st.entries() + 1 < stop) {
                String conf = (50 + i % 40) + "-" + name + "-" + i + ".conf";
                st.file("share/fontconfig/conf.avail/" + conf, 0644, b.text(b.logSize(200, 2000)));
                st.link("share/fontconfig/conf.default/" + conf, "../conf.avail/" + conf);
            }
        }
    }

    // ---- shared helpers ------------------------------------------------------------------

    @FunctionalInterface
    private interface Leaf {
        void write(String dir) throws IOException;
    }

    /**
     * Fills a tree under {@code base} with about {@code n} entries: each step either opens a new
     * subdirectory (one in {@code fanout}) below an existing one of depth less than
     * {@code maxDepth}, or writes a leaf, mostly into one of the newest directories.
     */
    private void tree(String base, int n, int maxDepth, int fanout, Leaf leaf) throws IOException {
        int stop = st.entries() + n;
        List<String> dirs = new ArrayList<>();
        List<Integer> depth = new ArrayList<>();
        dirs.add(base);
        depth.add(0);
        int misses = 0;
        while (st.entries() < stop && misses < 1000) {
            if (rng.nextInt(fanout) == 0) {
                int parent = pickDir(dirs.size());
                if (depth.get(parent) < maxDepth) {
                    String d = dirs.get(parent) + "/" + Names.word(rng);
                    if (!st.exists(d)) {
                        dirs.add(d);
                        depth.add(depth.get(parent) + 1);
                    }
                }
                continue;
            }
            int before = st.entries();
            try {
                leaf.write(dirs.get(pickDir(dirs.size())));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                misses++; // a name drawn twice; draw again
            }
            if (st.entries() == before) {
                misses++;
            }
        }
    }

    /** Mostly one of the eight newest directories (files arrive in bursts), else any. */
    private int pickDir(int count) {
        return rng.nextInt(4) > 0 ? Math.max(0, count - 1 - rng.nextInt(8)) : rng.nextInt(count);
    }

    /** Rare modes and empty directories, as real packages have a few. */
    private void oddities() throws IOException {
        if (left() > 2 && rng.nextInt(6) == 0) {
            st.emptyDir("share/" + name + "-plugins", 0755);
        }
        if (left() > 2 && rng.nextInt(12) == 0) {
            st.specialDir("libexec/" + name + "-private", 0700);
            st.file("libexec/" + name + "-private/" + name + "-setup", 0700, b.binary(b.logSize(2 << 10, 50 << 10)));
        }
        if (left() > 1 && rng.nextInt(10) == 0) {
            int[] modes = {0600, 0444, 0640, 0750, 0664};
            st.file("share/" + name + "-" + Names.word(rng, 5) + ".conf", modes[rng.nextInt(modes.length)],
                    b.text(b.smallSize()));
        }
        if (left() > 1 && rng.nextInt(15) == 0) {
            st.file("share/" + name + "-stamp", 0644, new byte[0]);
        }
    }

    /** README, NEWS and a license, the last shared byte for byte with many other packages. */
    private void common() throws IOException {
        String doc = "share/doc/" + name + "/";
        if (left() > 0) {
            st.file("share/licenses/" + name + "/LICENSE", 0644, b.shared().license(rng));
        }
        if (left() > 0) {
            st.file(doc + "README", 0644, b.text(b.logSize(300, 8 << 10)));
        }
        if (left() > 0) {
            st.file(doc + "NEWS", 0644, b.text(b.logSize(300, 30 << 10)));
        }
        while (left() > 0) {
            String extra = doc + "examples/" + Names.identifier(rng);
            if (!st.exists(extra)) {
                st.file(extra, 0644, b.text(b.smallSize()));
            }
        }
    }

    private String version() {
        return (1 + rng.nextInt(5)) + "." + rng.nextInt(30) + "." + rng.nextInt(10);
    }
}
