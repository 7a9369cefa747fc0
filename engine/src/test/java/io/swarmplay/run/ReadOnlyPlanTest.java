package io.swarmplay.run;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.inventory.Inventory;
import io.swarmplay.inventory.InventoryLoader;
import io.swarmplay.module.Change;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.module.Outcome;
import io.swarmplay.playbook.Playbook;
import io.swarmplay.playbook.PlaybookLoader;
import io.swarmplay.report.Redactor;
import io.swarmplay.report.RunListener;
import io.swarmplay.source.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The runner hands {@code plan} the host read-only by type, in every mode, and {@code apply} the writable session. */
class ReadOnlyPlanTest {

    @TempDir
    Path dir;

    /** Records what plan and apply were given. */
    @ModuleInfo(name = "spy")
    static final class Spy implements Module<Spy.Args> {
        record Args(String name) {
        }

        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public Class<Args> argsType() {
            return Args.class;
        }

        @Override
        public Change plan(Args args, HostView host) {
            seen.add("plan: session=" + (host instanceof HostSession)
                    + " endpoint=" + host.extension(DockerEndpoint.class).isPresent()
                    + " reader=" + host.extension(DockerReader.class).map(r -> r instanceof DockerEndpoint ? "endpoint" : "view").orElse("none")
                    + " other=" + (host.otherHost("h2") instanceof HostSession));
            return Change.update("spy");
        }

        @Override
        public Outcome apply(Args args, Change change, HostSession host) {
            seen.add("apply: endpoint=" + host.extension(DockerEndpoint.class).isPresent());
            return Outcome.changed(change);
        }
    }

    private List<String> run(Mode mode) throws IOException {
        Files.writeString(dir.resolve("inv.yaml"), "all:\n  hosts:\n    h1: {ansible_connection: local}\n    h2: {ansible_connection: local}\n");
        Files.writeString(dir.resolve("site.yaml"), "- hosts: h1\n  gather_facts: false\n  tasks:\n    - spy: {name: x}\n");
        Spy spy = new Spy();
        ModuleRegistry modules = ModuleRegistry.of(spy);
        Diagnostics diagnostics = new Diagnostics();
        Inventory inventory = InventoryLoader.load(List.of(dir.resolve("inv.yaml").toString()), diagnostics);
        Playbook playbook = PlaybookLoader.load(dir.resolve("site.yaml"), modules, diagnostics);
        diagnostics.throwIfErrors();
        RunRequest request = new RunRequest(inventory, List.of(playbook), Map.of(), modules, null, Set.of(), Set.of(),
                null, 2, false, false, 0, new Redactor(), dir, Map.of(), null);
        new Runner().run(request, mode, RunListener.NONE);
        return spy.seen;
    }

    @Test
    void planGetsAReadOnlyHostWhoseEngineIsAReaderView() throws IOException {
        String plan = "plan: session=false endpoint=false reader=view other=false";
        assertEquals(List.of(plan), run(Mode.PLAN));
        assertEquals(List.of(plan), run(Mode.CHECK));
        // the host's first change plans again under the run lock, through the same read-only view
        assertEquals(List.of(plan, plan, "apply: endpoint=true"), run(Mode.APPLY));
    }
}
