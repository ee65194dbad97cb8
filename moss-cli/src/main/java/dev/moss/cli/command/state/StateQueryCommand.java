package dev.moss.cli.command.state;

import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.cli.render.Json;
import dev.moss.cli.render.PackageRenderer;
import dev.moss.cli.render.StateJson;
import dev.moss.cli.render.StateRenderer;
import dev.moss.db.state.StateId;
import dev.moss.store.client.Client;
import dev.moss.store.client.Installed;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code moss state query ID}: a state and its packages. */
@Command(name = "query", mixinStandardHelpOptions = true, description = "Show a state and its packages.")
public final class StateQueryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", converter = StateIdConverter.class, description = "The state's id.")
    StateId id;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(spec);
        PrintWriter out = ctx.out();
        try (Client client = Client.openReader(ctx.globals().directory())) {
            Installed state = Installed.of(client, id);
            boolean active = client.activeState().filter(id::equals).isPresent();
            if (json) {
                out.println(Json.write(StateJson.withPackages(state.state().orElseThrow(),
                        client.activeState().map(StateId::value), state.sorted(), active)));
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
