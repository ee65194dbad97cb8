package dev.moss.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moss.format.Fixtures;
import dev.moss.format.digest.Xxh3;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * The upstream fixture installed by the real CLI: the tree is exactly what {@code moss extract}
 * makes of the same stone (content, mode, link text of all 745 entries), every file is a hardlink
 * of its asset, and state 1 is live through the {@code usr} symlink.
 */
class FixtureInstallTest extends E2eTest {
    @Test
    void installedTreeIsTheStoneAndSharesTheStore() throws Exception {
        Path stone = Fixtures.bashCompletion(dir);
        MossProcess.Result r = mossOk("install", "-y", stone.toString());
        assertThat(r.out()).contains("State 1 is now active");

        assertThat(usrLink()).isEqualTo(".moss/root/1/usr");
        assertThat(Files.readString(root.resolve("usr/.stateID"))).isEqualTo("1");
        for (String link : new String[] {"bin", "sbin", "lib", "lib64", "lib32"}) {
            assertThat(Files.isSymbolicLink(root.resolve(link))).as(link).isTrue();
        }

        Path extracted = dir.resolve("extracted");
        MossProcess.Result x = MossProcess.in(dir).run("extract", stone.toString(), "-o", extracted.toString());
        assertThat(x.exit()).as(x.toString()).isZero();
        SortedMap<String, Listing.Node> want = Listing.of(extracted.resolve("bash-completion-2.11-1.x86_64/usr"));
        SortedMap<String, Listing.Node> got = Listing.of(root.resolve("usr"), p -> !p.equals(".stateID"));
        assertThat(Listing.text(got)).isEqualTo(Listing.text(want));

        // FACTS.md: 474 regular files (all 0644), 271 symlinks, all under share/
        assertThat(got.values().stream().filter(n -> n.type() == 'f')).hasSize(474).allMatch(n -> n.mode() == 0644);
        assertThat(got.values().stream().filter(n -> n.type() == 'l')).hasSize(271);
        assertThat(got.get("share/bash-completion/completions/7za").link()).isEqualTo("7z");

        Path assets = root.resolve(".moss/assets/v2");
        Path usr = root.resolve("usr");
        for (var e : got.entrySet()) {
            if (e.getValue().type() != 'f') {
                continue;
            }
            Path file = usr.resolve(e.getKey());
            var digest = Xxh3.hash128(Files.readAllBytes(file));
            Path asset = RootCheck.assetPath(assets, digest);
            assertThat(RootCheck.sharesAssetInode(file, digest, assets))
                    .as("%s is a hardlink of %s or a variant beside it", e.getKey(), asset).isTrue();
            assertThat(Files.exists(asset, LinkOption.NOFOLLOW_LINKS)).isTrue();
        }
        RootCheck.assertWhole(root);
    }
}
