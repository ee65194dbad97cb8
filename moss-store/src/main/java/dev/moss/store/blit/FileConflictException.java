package dev.moss.store.blit;

import java.io.IOException;
import java.util.List;

/** Two packages want different things at the same path; nothing has been written. */
public final class FileConflictException extends IOException {
    /** One clash: the path (under /usr) and the two packages. */
    public record Conflict(String path, String firstPackage, String secondPackage, String why) {
        @Override
        public String toString() {
            return "/usr/" + path + " (" + firstPackage + " vs " + secondPackage + ": " + why + ")";
        }
    }

    private final List<Conflict> conflicts;

    public FileConflictException(List<Conflict> conflicts) {
        super(message(conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    private static String message(List<Conflict> conflicts) {
        int shown = Math.min(conflicts.size(), 5);
        StringBuilder sb = new StringBuilder("file conflicts: ");
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(conflicts.get(i));
        }
        if (conflicts.size() > shown) {
            sb.append(" and ").append(conflicts.size() - shown).append(" more");
        }
        return sb.toString();
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }
}
