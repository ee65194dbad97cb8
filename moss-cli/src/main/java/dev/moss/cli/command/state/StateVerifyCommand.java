package dev.moss.cli.command.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moss.cli.CommandContext;
import dev.moss.cli.ExitCodes;
import dev.moss.cli.model.Arg;
import dev.moss.cli.model.CommandModel;
import dev.moss.cli.render.Json;
import dev.moss.store.client.Client;
import dev.moss.store.client.ClientListener;
import dev.moss.store.client.VerifyReport;
import dev.moss.store.client.VerifyStates;
import dev.moss.store.installation.Installation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code moss state verify}: re-hashes every asset once and checks every state's tree; reports,
 * and after confirmation repairs (re-import from cached stones, re-blit broken trees), then checks
 * again. Exit 0 when nothing is wrong or everything was repaired, 1 otherwise. Without write
 * access to the root it only checks (taking no lock and running no recovery).
 */
public final class StateVerifyCommand implements Callable<Integer> {
    static final String QUESTION = "Fixing issues, this will change your system state. Do you wish to continue?";

    private final CommandModel model = CommandModel.of(this, "verify",
            "Check every asset in the store and every state's tree (type, mode, owner, link text, content).",
            "Issues are listed, then repaired after confirmation: damaged assets are imported again from the"
                    + " cached stones, broken trees are blitted afresh and swapped in whole.",
            "Files in a tree that no package ships are not looked for.");
    private final Arg<Boolean> json =
            model.flag("Print JSON. Without -y, issues are reported and not repaired.", "--json");

    public CommandModel model() {
        return model;
    }

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = CommandContext.of(model.spec());
        PrintWriter out = ctx.out();
        ClientListener listener = ctx.listener();
        Path dir = ctx.globals().directory();
        // Checking needs only read access; without write access the issues are reported, not repaired.
        boolean writable = Installation.open(dir).writable();
        try (Client client = writable ? Client.openWriter(dir, ctx.globals().waitForLock(), listener)
                : Client.openReader(dir)) {
            Path root = client.installation().root();
            VerifyReport report = VerifyStates.check(client, listener);
            if (json.get()) {
                return json(ctx, listener, client, report);
            }
            if (ctx.globals().verbose()) {
                out.println(VerifyRenderer.summary(report));
            }
            if (report.isClean()) {
                out.println("No issues found");
                out.flush();
                return ExitCodes.OK;
            }
            out.println("Found " + report.issues().size() + " issue(s)");
            VerifyRenderer.issues(out, root, report.issues(), ctx.globals().verbose());
            if (!client.isWriter()) {
                out.println("No write access to " + root + ": nothing was changed (run as root to repair)");
                out.flush();
                return ExitCodes.FAILURE;
            }
            out.flush();
            if (!listener.confirm(QUESTION)) {
                out.println("Nothing was changed");
                out.flush();
                return ExitCodes.FAILURE;
            }
            VerifyStates.RepairResult result = VerifyStates.repair(client, report, listener);
            VerifyRenderer.repair(out, result);
            VerifyReport again = VerifyStates.check(client, listener);
            if (result.complete() && again.isClean()) {
                out.println("All issues resolved");
                out.flush();
                return ExitCodes.OK;
            }
            if (!again.isClean()) {
                out.println(again.issues().size() + " issue(s) remain");
                VerifyRenderer.issues(out, root, again.issues(), ctx.globals().verbose());
            }
            out.flush();
            return ExitCodes.FAILURE;
        }
    }

    /** {@code {"issues": [...]}}; with -y also {@code "repair"}, {@code "remaining"} and {@code "resolved"}. */
    private int json(CommandContext ctx, ClientListener listener, Client client, VerifyReport report) throws IOException {
        Path root = client.installation().root();
        ObjectNode doc = Json.newObject();
        doc.set("issues", VerifyRenderer.json(root, report.issues()));
        boolean ok = report.isClean();
        if (!ok && ctx.globals().yes() && client.isWriter()) {
            VerifyStates.RepairResult result = VerifyStates.repair(client, report, listener);
            VerifyReport again = VerifyStates.check(client, listener);
            doc.set("repair", VerifyRenderer.json(result));
            doc.set("remaining", VerifyRenderer.json(root, again.issues()));
            ok = result.complete() && again.isClean();
            doc.put("resolved", ok);
        }
        ctx.out().println(Json.write(doc));
        ctx.out().flush();
        return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
