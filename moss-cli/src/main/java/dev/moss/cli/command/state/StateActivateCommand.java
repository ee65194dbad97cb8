package dev.moss.cli.command.state;

import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.db.state.StateId;
import dev.moss.store.client.ActivateState;
import dev.moss.store.client.Client;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code moss state activate ID}: make an earlier (or later) state live, in one rename. The initrd
 * runs {@code moss -D /sysroot state activate -y --skip-triggers ID}; that line must keep working.
 */
@Command(name = "activate", mixinStandardHelpOptions = true,
        description = "Make a state the live system (rollback); only the /usr link changes.")
public final class StateActivateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", converter = StateIdConverter.class, description = "The state to activate.")
    StateId id;

    @Option(names = "--skip-triggers", description = "Do not run system triggers (as the initrd does).")
    boolean skipTriggers;

    @Option(names = "--skip-boot", description = "Do not update boot entries.")
    boolean skipBoot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(spec);
        try (Client client = Client.openWriter(ctx.globals().directory(), ctx.globals().waitForLock(), ctx.listener())) {
            ActivateState.Result r = ActivateState.run(client, id);
            if (!r.changed()) {
                ctx.out().println("State " + id + " is already active");
            } else {
                ctx.out().println("State " + id + " activated"
                        + r.previous().map(p -> " (state " + p + " stays on disk)").orElse(""));
            }
        }
        ctx.out().flush();
        return ExitCodes.OK;
    }
}
