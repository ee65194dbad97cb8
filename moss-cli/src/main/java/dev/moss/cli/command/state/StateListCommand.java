package dev.moss.cli.command.state;

import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.cli.render.StateJson;
import dev.moss.cli.render.StateRenderer;
import dev.moss.db.state.State;
import dev.moss.db.state.StateId;
import dev.moss.store.client.Client;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code moss state list}: every state, newest first. */
public final class StateListCommand implements Callable<Integer> {
    private final CommandModel model = CommandModel.of(this, "list", "List all states, newest first.");
    private final Arg<Boolean> json = model.flag("Print JSON.", "--json");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(model.spec());
        PrintWriter out = ctx.out();
        List<State> states;
        Optional<StateId> active;
        try (Client client = Client.openReader(ctx.globals().directory())) {
            states = client.states().list();
            active = client.activeState();
        }
        Optional<Long> activeId = active.map(StateId::value);
        if (json.get()) {
            out.println(StateJson.list(states, activeId));
        } else {
            for (State s : states) {
                StateRenderer.block(out, s, activeId.isPresent() && activeId.get() == s.id().value());
                out.println();
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
