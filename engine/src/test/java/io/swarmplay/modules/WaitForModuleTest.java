package io.swarmplay.modules;

import io.swarmplay.connection.FileStat;
import io.swarmplay.module.Action;
import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.Change;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The waiting itself, which static case files cannot show: a file that appears while apply polls. */
class WaitForModuleTest {

    /** A host where {@code /run/app.pid} appears on the n-th look. */
    private static FakeSession hostWhereFileAppearsAfter(int looks) {
        FakeHostView view = new FakeHostView("web1", FakeHostView.files(), Map.of(), Map.of(), Map.of(), List.of(Path.of(".")));
        return new FakeSession(view, Map.of()) {
            private int seen;

            @Override
            public Optional<FileStat> stat(String path) {
                if (++seen >= looks) files.put("/run/app.pid", FakeHostView.file("1", 0644));
                return super.stat(path);
            }
        };
    }

    @Test
    void pollsUntilTheFileAppearsReportingProgress() {
        WaitForModule module = new WaitForModule();
        WaitForModule.Args args = ArgsBinder.bind(WaitForModule.Args.class,
                Map.of("path", "/run/app.pid", "timeout", 3, "sleep", 0.05));
        FakeSession host = hostWhereFileAppearsAfter(12);
        Change change = module.plan(args, host);
        assertEquals(Action.RUN, change.action());
        assertEquals("wait up to 3s for /run/app.pid to exist", change.summary());
        Outcome outcome = module.apply(args, change, host);
        assertEquals(Status.OK, outcome.status(), "a wait never reports changed");
        assertEquals("/run/app.pid exists after 0s", outcome.message());
        assertTrue(outcome.data().containsKey("elapsed"));
        assertEquals("/run/app.pid", outcome.data().get("path"), "the awaited path is returned, as Ansible's");
        assertEquals("started", outcome.data().get("state"));
        assertFalse(host.progress.isEmpty(), "progress is reported while waiting");
        assertEquals("waiting for /run/app.pid to exist (0s of 3s)", host.progress.get(0));
        assertTrue(host.commands.isEmpty() && host.writes.isEmpty(), "waiting changes nothing");
    }

    @Test
    void withoutPathOrPortItWaitsTheTimeout() {
        WaitForModule module = new WaitForModule();
        WaitForModule.Args args = ArgsBinder.bind(WaitForModule.Args.class, Map.of("timeout", 0.3));
        FakeSession host = hostWhereFileAppearsAfter(1);
        Change change = module.plan(args, host);
        assertEquals(Action.RUN, change.action());
        long start = System.nanoTime();
        Outcome outcome = module.apply(args, change, host);
        assertTrue(System.nanoTime() - start >= 300_000_000L, "it sleeps the timeout");
        assertEquals(Status.OK, outcome.status());
        assertEquals(0L, outcome.data().get("elapsed"));
    }

    @Test
    void searchRegexTakesPythonNamedGroupsAndRegistersTheMatchGroups(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("log"), "starting\ncompleted data 123\n");
        Outcome outcome = LocalModules.run("wait_for", LocalModules.args("path", file.toString(),
                "search_regex", "completed (?P<foo>\\w+) ([0-9]+)", "timeout", 2), dir);
        assertEquals(Status.OK, outcome.status(), outcome.message());
        assertEquals(List.of("data", "123"), outcome.data().get("match_groups"));
        assertEquals(Map.of("foo", "data"), outcome.data().get("match_groupdict"));
    }

    @Test
    void aTimeoutFailsWithAnsiblesMessageForEachWait() {
        java.util.function.Function<Map<String, Object>, String> message =
                given -> WaitForModule.timeoutMessage(ArgsBinder.bind(WaitForModule.Args.class, given));
        assertEquals("Timeout when waiting for 127.0.0.1:12121", message.apply(Map.of("port", 12121)));
        assertEquals("Timeout when waiting for h:1 to stop.", message.apply(Map.of("port", 1, "host", "h", "state", "stopped")));
        assertEquals("Timeout when waiting for file /x", message.apply(Map.of("path", "/x")));
        assertEquals("Timeout when waiting for /x to be absent.", message.apply(Map.of("path", "/x", "state", "absent")));
        assertEquals("Timeout when waiting for search string ok in /x", message.apply(Map.of("path", "/x", "search_regex", "ok")));
    }

    @Test
    void drainedHoldsWhenNoActiveConnectionUsesTheLocalPort() {
        String header = "  sl  local_address rem_address   st tx_queue rx_queue\n";
        String listening = "   0: 00000000:1F90 00000000:0000 0A 00000000:00000000\n";
        String established = "   1: 0100007F:1F90 0100007F:C350 01 00000000:00000000\n";
        java.util.function.Function<String, Boolean> drained = table -> io.swarmplay.modules.support.WaitCondition.drained(8080)
                .check().test(new FakeHostView("web1", FakeHostView.files(),
                        Map.of("cat /proc/net/tcp /proc/net/tcp6", FakeHostView.result(0, table, "")), Map.of(), Map.of(), List.of(Path.of("."))));
        assertTrue(drained.apply(header + listening), "a listening socket is no connection");
        assertFalse(drained.apply(header + listening + established));
        assertEquals("Timeout when waiting for 127.0.0.1:8080 to drain", WaitForModule.timeoutMessage(
                ArgsBinder.bind(WaitForModule.Args.class, Map.of("port", 8080, "state", "drained"))));
    }
}
