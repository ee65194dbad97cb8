package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.db.meta.MetaDb;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A state that selects a package whose metadata row is gone (a damaged or hand-edited install
 * database): the listings say so in one line and exit 1, as text and as JSON, and change nothing.
 */
class DamagedMetadataQueryTest extends E2eTest {
    @Test
    void listingsReportTheMissingMetadata() throws Exception {
        TestStones.TestStone hello = TestStones.named("hello").file("bin/hello", "#!/bin/sh\n", 0755).build(root.getParent());
        TestStones.TestStone world = TestStones.named("world").file("bin/world", "#!/bin/sh\n", 0755).build(root.getParent());
        mossOk("install", "-y", hello.path(), world.path());
        assertThat(mossOk("li").out().lines()).hasSize(2);

        String gone = Listing.sha256(hello.file());
        try (MetaDb meta = MetaDb.open(root.resolve(".moss/db/install"))) {
            assertThat(meta.remove(List.of(gone))).isEqualTo(1);
        }
        byte[] before = Files.readAllBytes(root.resolve(".moss/db/install"));

        for (String[] args : List.of(new String[] {"li"}, new String[] {"list", "installed", "--json"},
                new String[] {"state", "query", "1"})) {
            MossProcess.Result r = moss(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines().toList()).as(String.join(" ", args)).singleElement().asString()
                    .startsWith("error: state 1 selects package " + gone + ", which has no metadata in ")
                    .endsWith(".moss/db/install");
        }
        assertThat(Files.readAllBytes(root.resolve(".moss/db/install"))).isEqualTo(before);
    }
}
