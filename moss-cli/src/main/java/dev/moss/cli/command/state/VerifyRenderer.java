package dev.moss.cli.command.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moss.cli.render.Json;
import dev.moss.db.state.StateId;
import dev.moss.store.client.VerifyIssue;
import dev.moss.store.client.VerifyReport;
import dev.moss.store.client.VerifyStates;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text and JSON forms of {@code state verify}'s findings and repairs. */
final class VerifyRenderer {
    /** Issues printed without {@code -v}; the rest are counted. */
    static final int SHOWN = 50;

    private VerifyRenderer() {}

    /** {@code Found N issue(s)} and one line per issue, capped at {@link #SHOWN} unless {@code all}. */
    static void issues(PrintWriter out, Path root, List<VerifyIssue> issues, boolean all) {
        int shown = all ? issues.size() : Math.min(SHOWN, issues.size());
        for (int i = 0; i < shown; i++) {
            out.println(" \u00d7 " + line(root, issues.get(i)));
        }
        if (shown < issues.size()) {
            out.println(" ... and " + (issues.size() - shown) + " more (-v lists them all)");
        }
    }

    /** One issue in words, e.g. {@code state 3: /usr/bin/su: mode 0755, expected 4755}. */
    static String line(Path root, VerifyIssue i) {
        String file = shortPath(root, i.file());
        String state = i.state().map(s -> "state " + s + ": ").orElse("");
        return state + switch (i.kind()) {
            case MISSING_ASSET -> "missing asset " + i.expected() + " (" + file + ")";
            case CORRUPT_ASSET -> "corrupt asset " + i.expected() + " (" + file + "): " + content(i.found());
            case CORRUPT_VARIANT -> "corrupt asset variant " + file + ": " + content(i.found());
            case MISSING_TREE -> "tree " + file + (i.found().isEmpty() ? " is missing" : " is " + i.found());
            case BAD_STATE_ID -> file + (i.found().isEmpty() ? " is missing"
                    : i.found().startsWith("a ") ? " is " + i.found() : " says \"" + i.found() + "\"");
            case BAD_LAYOUT -> "its layouts cannot be merged: " + i.found();
            case MISSING_PATH -> i.entry() + ": missing (a " + i.expected() + ")";
            case WRONG_TYPE -> i.entry() + ": a " + i.found() + ", expected a " + i.expected();
            case WRONG_MODE -> i.entry() + ": mode " + i.found() + ", expected " + i.expected();
            case WRONG_OWNER -> i.entry() + ": owner " + i.found() + ", expected " + i.expected();
            case WRONG_LINK -> i.entry() + ": symlink to \"" + i.found() + "\", expected \"" + i.expected() + "\"";
            case CORRUPT_PATH -> i.entry() + ": content hashes to " + i.found() + ", expected " + i.expected();
        };
    }

    /** A hash found where another was expected, else what is wrong in words ("a directory", a mode). */
    private static String content(String found) {
        return found.chars().allMatch(c -> Character.digit(c, 16) >= 0) ? "content hashes to " + found : found;
    }

    private static String shortPath(Path root, Path file) {
        return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
    }

    /** {@code Checked ... in T s}: what one pass covered. */
    static String summary(VerifyReport r) {
        return String.format(Locale.ROOT, "Checked %d asset file(s) and %d entries in %d state(s), read %d file(s), in %.2f s",
                r.assets(), r.entries(), r.states(), r.hashed(), r.elapsed().toNanos() / 1e9);
    }

    /** What a repair did, one line each. */
    static void repair(PrintWriter out, VerifyStates.RepairResult r) {
        if (r.deleted() > 0) {
            out.println("Deleted " + r.deleted() + " corrupt store file(s)");
        }
        r.reimported().forEach(p -> out.println("Reimported " + p));
        r.unrepaired().forEach(u -> out.println("Cannot repair " + u.label() + ": " + u.reason()));
        r.reblitted().forEach(s -> out.println("Reblitted state " + s));
        r.failed().forEach((s, why) -> out.println("Cannot reblit state " + s + ": " + why));
    }

    static ArrayNode json(Path root, List<VerifyIssue> issues) {
        ArrayNode array = Json.newArray();
        for (VerifyIssue i : issues) {
            ObjectNode o = array.addObject();
            o.put("kind", i.kind().id);
            i.state().ifPresent(s -> o.put("state", s.value()));
            o.put("path", i.file().toString());
            if (!i.entry().isEmpty()) {
                o.put("entry", i.entry());
            }
            i.digest().ifPresent(d -> o.put("digest", d.toHex()));
            o.put("expected", i.expected());
            o.put("found", i.found());
            o.put("message", line(root, i));
        }
        return array;
    }

    static ObjectNode json(VerifyStates.RepairResult r) {
        ObjectNode o = Json.newObject();
        o.put("deleted", r.deleted());
        r.reimported().forEach(o.putArray("reimported")::add);
        ArrayNode unrepaired = o.putArray("unrepaired");
        r.unrepaired().forEach(u -> unrepaired.addObject().put("package", u.packageId()).put("name", u.label())
                .put("reason", u.reason()));
        ArrayNode reblitted = o.putArray("reblitted");
        r.reblitted().forEach(s -> reblitted.add(s.value()));
        ArrayNode failed = o.putArray("failed");
        for (Map.Entry<StateId, String> e : r.failed().entrySet()) {
            failed.addObject().put("state", e.getKey().value()).put("reason", e.getValue());
        }
        return o;
    }
}
