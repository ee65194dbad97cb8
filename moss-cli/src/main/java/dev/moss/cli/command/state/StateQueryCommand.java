package dev.moss.cli.command.state;

import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.cli.render.Json;
import dev.moss.cli.render.PackageRenderer;
import dev.moss.cli.render.StateJson;
import dev.moss.cli.render.StateRenderer;
import dev.moss.db.state.StateId;
import dev.moss.store.client.Client;
import dev.moss.store.client.Installed;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code moss state query ID}: a state and its packages. */
public final class StateQueryCommand implements Callable<Integer> {
    private final CommandModel model = CommandModel.of(this, "query", "Show a state and its packages.");
    private final Arg<StateId> id = model.parameter(StateId.class, new StateIdConverter(), "ID", "The state's id.");
    private final Arg<Boolean> json = model.flag("Print JSON.", "--json");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(model.spec());
        PrintWriter out = ctx.out();
        try (Client client = Client.openReader(ctx.globals().directory())) {
            StateId id = this.id.get();
            Installed state = Installed.of(client, id);
            Optional<StateId> activeId = client.activeState();
            boolean active = activeId.filter(id::equals).isPresent();
            if (json.get()) {
                out.println(Json.write(StateJson.withPackages(state.state().orElseThrow(),
                        activeId.map(StateId::value), state.sorted(), active)));
            } else {
                StateRenderer.block(out, state.state().orElseThrow(), active);
                out.println();
                PackageRenderer.lines(out, state.sorted());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
