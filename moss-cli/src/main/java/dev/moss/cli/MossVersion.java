package dev.moss.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version of this build, from the Maven-filtered {@code version.properties}. */
public final class MossVersion implements IVersionProvider {
    /**
     * Read on first use, not when picocli instantiates this provider for every command line:
     * reading a jar resource through its URL loads a dozen classes that most commands never need.
     */
    private static final class Holder {
        static final String VERSION = load();
    }

    /** The simple version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return Holder.VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"moss " + Holder.VERSION};
    }

    private static String load() {
        try (InputStream in = MossVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
