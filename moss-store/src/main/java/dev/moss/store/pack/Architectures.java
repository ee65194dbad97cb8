package dev.moss.store.pack;

import java.util.Locale;

/** Maps the JVM's {@code os.arch} names to the ones stones use (uname-style, as boulder writes them). */
public final class Architectures {
    private Architectures() {}

    /** The architecture of this machine, e.g. {@code x86_64}. */
    public static String host() {
        return fromJava(System.getProperty("os.arch", "unknown"));
    }

    /** {@code amd64 -> x86_64}, {@code x86/i386 -> i686}, {@code arm64 -> aarch64}; others unchanged. */
    public static String fromJava(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "x86", "i386", "i486", "i586", "i686" -> "i686";
            case "arm64", "aarch64" -> "aarch64";
            default -> osArch;
        };
    }
}
