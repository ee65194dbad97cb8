package dev.moss.cli.command.state;

import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.cli.render.Json;
import dev.moss.cli.render.StateJson;
import dev.moss.cli.render.StateRenderer;
import dev.moss.db.state.State;
import dev.moss.store.client.Client;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code moss state active}: the live state, or nothing when none is. */
public final class StateActiveCommand implements Callable<Integer> {
    private final CommandModel model = CommandModel.of(this, "active", "Show the active state.");
    private final Arg<Boolean> json = model.flag("Print JSON (null when no state is active).", "--json");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(model.spec());
        Optional<State> state;
        try (Client client = Client.openReader(ctx.globals().directory())) {
            var id = client.activeState();
            state = id.isEmpty() ? Optional.empty() : client.states().get(id.get());
        }
        if (json.get()) {
            ctx.out().println(state.map(s -> Json.write(StateJson.of(s, Optional.of(s.id().value()))))
                    .orElse("null"));
        } else {
            state.ifPresent(s -> StateRenderer.block(ctx.out(), s, true));
        }
        ctx.out().flush();
        return ExitCodes.OK;
    }
}
