package dev.moss.db.state;

/**
 * The number of a state: the {@code state.id} row id, {@code /usr/.stateID}, the
 * {@code .moss/root/<id>} directory and the {@code moss.fstx=<id>} boot argument.
 */
public record StateId(long value) implements Comparable<StateId> {
    public StateId {
        if (value < 1) {
            throw new IllegalArgumentException("state id must be positive: " + value);
        }
    }

    public static StateId of(long value) {
        return new StateId(value);
    }

    /**
     * Parses the decimal text of {@code .stateID} files and command lines.
     *
     * @throws IllegalArgumentException naming the text
     */
    public static StateId parse(String text) {
        try {
            return new StateId(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a state id: \"" + text + "\"", e);
        }
    }

    @Override
    public int compareTo(StateId o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
