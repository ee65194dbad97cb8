package dev.moss.man;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.moss.cli.ExitCodes;
import dev.moss.cli.Main;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Checks what the build wrote to {@code target/man/man1} and {@code target/completion} against the
 * live picocli model, so a command added to {@link Main} later is covered without editing
 * this test.
 */
class ManPagesTest {
    private static final Path MAN1 = Path.of(System.getProperty("moss.man.dir", "target/man/man1"));
    private static final Path COMPLETION = Path.of(System.getProperty("moss.completion", "target/completion/moss.bash"));

    /** Every visible command, keyed by its page name ({@code moss}, {@code moss-inspect}, {@code moss-repo-add}). */
    private static Map<String, CommandLine> commands;

    @BeforeAll
    static void walkModel() {
        commands = new LinkedHashMap<>();
        walk(Main.commandLine(), commands);
        assertThat(commands).as("the model has subcommands").hasSizeGreaterThan(1);
    }

    /** Like ManPageGenerator: hidden commands and their children get no page; aliases share one. */
    private static void walk(CommandLine cmd, Map<String, CommandLine> out) {
        out.put(pageName(cmd), cmd);
        Set<CommandLine> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (CommandLine sub : cmd.getSubcommands().values()) {
            if (seen.add(sub) && !sub.getCommandSpec().usageMessage().hidden()) {
                walk(sub, out);
            }
        }
    }

    private static String pageName(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName("-").replaceAll("\\s", "_");
    }

    @Test
    void everyCommandHasARoffPage() throws IOException {
        for (String name : commands.keySet()) {
            Path page = MAN1.resolve(name + ".1");
            assertThat(page).as("man page of '%s'", name).isRegularFile();
            String roff = Files.readString(page, StandardCharsets.UTF_8);
            assertThat(roff).as(name).matches(Pattern.compile("\\A('\\\\\" t\\n|\\.TH ).*", Pattern.DOTALL));
            assertThat(roff).as(name).contains("\n.TH \"" + roffEscape(name.toUpperCase(Locale.ROOT)) + "\" \"1\"");
            assertThat(roff).as(name).contains("\n.SH \"NAME\"\n" + name + " \\- ");
            assertThat(roff).as(name).contains("\n.SH \"SYNOPSIS\"\n");
        }
    }

    @Test
    void noStalePages() throws IOException {
        try (Stream<Path> pages = Files.list(MAN1)) {
            List<String> names = pages.map(p -> p.getFileName().toString())
                    .map(f -> f.substring(0, f.length() - ".1".length())).sorted().toList();
            assertThat(names).containsExactlyInAnyOrderElementsOf(commands.keySet());
        }
    }

    @Test
    void mossPageHasHandWrittenSections() throws IOException {
        String roff = Files.readString(MAN1.resolve("moss.1"), StandardCharsets.UTF_8);
        assertThat(section(roff, "DESCRIPTION")).contains("XXH3\\-128", ".moss/root");
        assertThat(section(roff, "FILES")).contains("ROOT/.moss/lock", "ROOT/.moss/assets/v2/");
    }

    @Test
    void exitStatusListsEveryExitCode() throws IOException, IllegalAccessException {
        String exitStatus = section(Files.readString(MAN1.resolve("moss.1"), StandardCharsets.UTF_8), "EXIT STATUS");
        // Each code is a term of the description list: a bold line of its own.
        Set<Integer> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\\\fB(\\d+)\\\\fP$").matcher(exitStatus);
        while (m.find()) {
            documented.add(Integer.parseInt(m.group(1)));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(exitCodes());
    }

    @Test
    void completionCoversEveryCommandAndAlias() throws IOException {
        String script = Files.readString(COMPLETION, StandardCharsets.UTF_8);
        // Each completion function lists the subcommands it completes: local commands="a b c".
        Set<String> completed = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\s*local commands=\"([^\"]*)\"").matcher(script);
        while (m.find()) {
            completed.addAll(Arrays.asList(m.group(1).trim().split("\\s+")));
        }
        for (CommandLine cmd : commands.values()) {
            for (Map.Entry<String, CommandLine> sub : cmd.getSubcommands().entrySet()) {
                if (!sub.getValue().getCommandSpec().usageMessage().hidden()) {
                    assertThat(completed).as("completion of '%s'", pageName(cmd)).contains(sub.getKey());
                }
            }
        }
        assertThat(script).contains("complete -F _complete_moss", "moss");
    }

    @Test
    void pagesRenderWithoutGroffWarnings() throws IOException, InterruptedException {
        assumeTrue(onPath("man") && onPath("groff"), "man and groff are not installed; rendering not checked");
        for (String name : commands.keySet()) {
            ProcessBuilder pb = new ProcessBuilder("man", "--warnings", "-l", MAN1.resolve(name + ".1").toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("MANWIDTH", "80");
            pb.environment().remove("MANPAGER");
            pb.environment().remove("PAGER");
            Process p = pb.start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("man -l %s finished", name).isTrue();
            assertThat(err).as("warnings rendering %s", name).isEmpty();
            assertThat(p.exitValue()).as("man -l %s", name).isZero();
        }
    }

    /** The text of one {@code .SH} section, up to the next one. */
    private static String section(String roff, String title) {
        int start = roff.indexOf("\n.SH \"" + title + "\"\n");
        assertThat(start).as("section %s", title).isNotNegative();
        int end = roff.indexOf("\n.SH ", start + 1);
        return roff.substring(start, end < 0 ? roff.length() : end);
    }

    private static List<Integer> exitCodes() throws IllegalAccessException {
        List<Integer> codes = new ArrayList<>();
        for (Field f : ExitCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                codes.add(f.getInt(null));
            }
        }
        assertThat(codes).as("ExitCodes constants").isNotEmpty();
        return codes;
    }

    /** Asciidoctor's manpage backend escapes hyphens as {@code \-} in the title (not in the NAME line). */
    private static String roffEscape(String text) {
        return text.replace("-", "\\-");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
