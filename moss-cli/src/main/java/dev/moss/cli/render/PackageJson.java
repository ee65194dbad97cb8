package dev.moss.cli.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moss.format.meta.PackageMeta;
import dev.moss.store.client.Installed;
import java.util.List;

/**
 * The {@code --json} form of a package. Apart from {@link PackageRenderer}, and commands call
 * only methods that return strings or take lists, so that plain output never loads Jackson: the
 * verifier loads the types it must check assignments of.
 */
public final class PackageJson {
    private PackageJson() {}

    public static ObjectNode of(String id, PackageMeta m, boolean installed, boolean explicit) {
        ObjectNode o = Json.newObject();
        o.put("id", id);
        o.put("name", m.name());
        o.put("version", m.version());
        o.put("release", m.release());
        o.put("buildRelease", m.buildRelease());
        o.put("architecture", m.architecture());
        o.put("summary", m.summary());
        o.put("description", m.description());
        o.put("homepage", m.homepage());
        o.put("sourceId", m.sourceId());
        o.put("installed", installed);
        o.put("explicit", explicit);
        ArrayNode licenses = o.putArray("licenses");
        m.licenses().forEach(licenses::add);
        ArrayNode depends = o.putArray("depends");
        m.depends().forEach(c -> depends.add(c.toString()));
        ArrayNode provides = o.putArray("provides");
        m.allProviders().forEach(c -> provides.add(c.toString()));
        ArrayNode conflicts = o.putArray("conflicts");
        m.conflicts().forEach(c -> conflicts.add(c.toString()));
        return o;
    }

    /** A JSON array of the packages, each with the given installed flag. */
    public static String list(List<Installed.Package> packages, boolean installed) {
        return Json.writeArray(packages.stream().map(p -> of(p.id(), p.meta(), installed, p.explicit())).toList());
    }

    /** {@link #of} followed by a {@code files} array. */
    public static ObjectNode of(String id, PackageMeta m, boolean installed, boolean explicit, List<String> files) {
        ObjectNode o = of(id, m, installed, explicit);
        ArrayNode f = o.putArray("files");
        files.forEach(f::add);
        return o;
    }
}
