package dev.moss.cli.command.state;

import dev.moss.cli.CommandContext;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.db.state.StateId;
import dev.moss.store.client.Client;
import dev.moss.store.client.PruneStates;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParameterException;

/** {@code moss state remove ID|A-B...}: delete the given archived states (ranges inclusive). */
public final class StateRemoveCommand implements Callable<Integer> {
    private final CommandModel model = CommandModel.of(this, "remove", "Remove archived states by id or range A-B.");
    private final Arg<List<String>> specs = model.parameters(String.class, "ID|A-B", "State ids or inclusive ranges.");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        List<StateId> ids = parse();
        CommandContext ctx = CommandContext.of(model.spec());
        try (Client client = Client.openWriter(ctx.globals().directory(), ctx.globals().waitForLock(), ctx.listener())) {
            return PruneRenderer.confirmAndApply(ctx, client, PruneStates.exactly(client, ids));
        }
    }

    private List<StateId> parse() {
        List<StateId> ids = new ArrayList<>();
        for (String s : specs.get()) {
            try {
                int dash = s.indexOf('-');
                if (dash < 0) {
                    ids.add(StateId.parse(s));
                    continue;
                }
                StateId from = StateId.parse(s.substring(0, dash));
                StateId to = StateId.parse(s.substring(dash + 1));
                if (from.compareTo(to) > 0) {
                    throw new ParameterException(model.spec().commandLine(), "range '" + s + "' starts after it ends");
                }
                if (to.value() - from.value() > 1_000_000) {
                    throw new ParameterException(model.spec().commandLine(), "range '" + s + "' is too large");
                }
                for (long i = from.value(); i <= to.value(); i++) {
                    ids.add(StateId.of(i));
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(model.spec().commandLine(), "'" + s + "' is not a state id or range A-B");
            }
        }
        return ids;
    }
}
