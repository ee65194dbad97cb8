package dev.moss.db.state;

import static dev.moss.db.TestPackages.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moss.db.CorruptDatabaseException;
import dev.moss.db.RawSqlite;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDbTest {
    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void setUp() {
        file = dir.resolve("state");
    }

    @Test
    void addRecordsATransactionStateWithItsSelections() throws Exception {
        List<Selection> selections = List.of(
                Selection.explicit(sha(3)),
                Selection.transitive(sha(1)),
                new Selection(sha(2), false, Optional.of("needed by " + sha(3))));
        Instant before = Instant.now().minusSeconds(2);
        State added;
        try (StateDb db = StateDb.open(file)) {
            added = db.add(selections, "Install");
        }
        Instant after = Instant.now().plusSeconds(2);

        assertThat(added.id()).isEqualTo(StateId.of(1));
        assertThat(added.type()).isEqualTo(StateKind.TRANSACTION);
        assertThat(added.summary()).contains("Install");
        assertThat(added.description()).isEmpty();
        assertThat(added.created()).isBetween(before, after);
        assertThat(added.selections()).containsExactlyElementsOf(selections);

        try (StateDb db = StateDb.open(file)) {
            assertThat(db.get(StateId.of(1))).contains(added);
            assertThat(db.get(StateId.of(2))).isEmpty();
        }
        assertThat(RawSqlite.rows(file, "SELECT id, type, summary, description FROM state"))
                .containsExactly(List.of("1", "transaction", "Install", "null"));
        assertThat(RawSqlite.rows(file, "SELECT state_id, package_id, explicit, reason FROM state_selections ORDER BY package_id"))
                .containsExactly(
                        List.of("1", sha(1), "0", "null"),
                        List.of("1", sha(2), "0", "needed by " + sha(3)),
                        List.of("1", sha(3), "1", "null"));
    }

    @Test
    void idsIncreaseAndAreNeverReused() throws Exception {
        try (StateDb db = StateDb.open(file)) {
            StateId first = db.add(List.of(Selection.explicit(sha(1))), "Install").id();
            StateId second = db.add(List.of(), Optional.empty(), Optional.of("empty")).id();
            assertThat(second.value()).isEqualTo(first.value() + 1);
            assertThat(db.exists(second)).isTrue();
            db.remove(List.of(second));
            assertThat(db.exists(second)).isFalse();
            assertThat(db.exists(first)).isTrue();
            // AUTOINCREMENT: a removed id is not handed out again.
            assertThat(db.add(List.of(), "Sync").id()).isEqualTo(StateId.of(3));
        }
    }

    @Test
    void listIsNewestFirstAndKeepsEmptyStates() throws Exception {
        try (StateDb db = StateDb.open(file)) {
            db.add(List.of(Selection.explicit(sha(1))), "Install");
            db.add(List.of(), "Remove");
            db.add(List.of(Selection.explicit(sha(1)), Selection.transitive(sha(2))), "Sync");

            List<State> states = db.list();
            assertThat(states).extracting(s -> s.id().value()).containsExactly(3L, 2L, 1L);
            assertThat(states).extracting(s -> s.selections().size()).containsExactly(2, 0, 1);
            assertThat(states.getFirst().selections()).extracting(Selection::packageId).containsExactly(sha(1), sha(2));
        }
    }

    @Test
    void largeStatesCrossInsertChunks() throws Exception {
        List<Selection> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(i % 3 == 0 ? Selection.explicit(sha(i)) : Selection.transitive(sha(i)));
        }
        try (StateDb db = StateDb.open(file)) {
            State s = db.add(many, "Install");
            assertThat(s.selections()).containsExactlyElementsOf(many);
        }
    }

    @Test
    void removingAStateCascadesToItsSelections() throws Exception {
        try (StateDb db = StateDb.open(file)) {
            db.add(List.of(Selection.explicit(sha(1)), Selection.explicit(sha(2))), "Install");
            db.add(List.of(Selection.explicit(sha(1))), "Remove");
            assertThat(db.remove(List.of(StateId.of(1), StateId.of(77)))).isEqualTo(1);
            assertThat(db.list()).extracting(State::id).containsExactly(StateId.of(2));
        }
        assertThat(RawSqlite.scalar(file, "SELECT count(*) FROM state_selections WHERE state_id = 1")).isZero();
        assertThat(RawSqlite.scalar(file, "SELECT count(*) FROM state_selections")).isEqualTo(1);
    }

    @Test
    void referenceCountsAndPackagesOnlyInSomeStates() throws Exception {
        try (StateDb db = StateDb.open(file)) {
            db.add(List.of(Selection.explicit(sha(1)), Selection.explicit(sha(2))), "Install");
            db.add(List.of(Selection.explicit(sha(1)), Selection.explicit(sha(3))), "Sync");
            db.add(List.of(Selection.explicit(sha(1)), Selection.explicit(sha(4))), "Sync");

            assertThat(db.referenceCounts()).isEqualTo(Map.of(sha(1), 3, sha(2), 1, sha(3), 1, sha(4), 1));
            assertThat(db.packagesOnlyIn(List.of(StateId.of(1)))).containsExactly(sha(2));
            assertThat(db.packagesOnlyIn(List.of(StateId.of(1), StateId.of(2)))).containsExactly(sha(2), sha(3));
            assertThat(db.packagesOnlyIn(List.of(StateId.of(1), StateId.of(2), StateId.of(3))))
                    .containsExactly(sha(1), sha(2), sha(3), sha(4));
            assertThat(db.packagesOnlyIn(List.of())).isEmpty();
        }
    }

    @Test
    void duplicatePackageInOneStateIsRefusedBeforeWriting() throws Exception {
        try (StateDb db = StateDb.open(file)) {
            assertThatThrownBy(() -> db.add(List.of(Selection.explicit(sha(1)), Selection.transitive(sha(1))), "Install"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(sha(1));
            assertThat(db.list()).isEmpty();
        }
    }

    @Test
    void unknownStateTypeIsReportedAsCorrupt() throws Exception {
        StateDb.open(file).close();
        RawSqlite.execute(file, "INSERT INTO state (type) VALUES ('mystery')");
        try (StateDb db = StateDb.open(file)) {
            assertThatThrownBy(db::list)
                    .isInstanceOf(CorruptDatabaseException.class)
                    .hasMessage(file + ": state 1 has unknown type \"mystery\"");
        }
    }

    @Test
    void stateIdParsesAndValidates() {
        assertThat(StateId.parse(" 42\n")).isEqualTo(StateId.of(42));
        assertThat(StateId.of(42)).hasToString("42");
        assertThatThrownBy(() -> StateId.parse("x")).hasMessage("not a state id: \"x\"");
        assertThatThrownBy(() -> StateId.of(0)).hasMessage("state id must be positive: 0");
    }
}
