package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;
import io.swarmplay.connection.local.LocalConnection;
import io.swarmplay.module.Action;
import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.Change;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.module.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Built-in modules against the real local connection: plan, apply, then plan again finds nothing to do. */
class ModulesOnLocalHostIT {

    private static final ModuleRegistry REGISTRY = ModuleRegistry.load();
    private final LocalConnection local = new LocalConnection();
    private final HostSession host = new LocalHost(local, Path.of("."));
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private Change plan(String module, Map<String, Object> args) {
        Module<Object> m = (Module<Object>) REGISTRY.find(module).orElseThrow();
        return m.plan(ArgsBinder.bind(m.argsType(), args), host);
    }

    @SuppressWarnings("unchecked")
    private Outcome converge(String module, Map<String, Object> args) {
        Module<Object> m = (Module<Object>) REGISTRY.find(module).orElseThrow();
        Object bound = ArgsBinder.bind(m.argsType(), args);
        Change change = m.plan(bound, host);
        Outcome outcome = change.isNone() ? Outcome.ok(change) : m.apply(bound, change, host);
        assertEquals(Action.NONE, m.plan(bound, host).action(), module + " is idempotent: " + m.plan(bound, host).summary());
        return outcome;
    }

    @Test
    void copyWritesOnceWithModeThenIsANoOp() throws Exception {
        Path dest = dir.resolve("app.conf");
        converge("copy", Map.of("content", "a=1\n", "dest", dest.toString(), "mode", "0640"));
        assertEquals("a=1\n", Files.readString(dest));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dest)));
        Change again = plan("copy", Map.of("content", "a=2\n", "dest", dest.toString(), "mode", "0640"));
        assertEquals("update " + dest + ": content", again.summary());
        assertEquals("a=1\n", again.diff().before());
    }

    @Test
    void fileModuleCreatesDirectoriesLinksAndRemovesThem() {
        Path app = dir.resolve("srv/app");
        converge("file", Map.of("path", app.toString(), "state", "directory", "mode", "0750"));
        assertEquals("0750", local.stat(app.toString()).orElseThrow().modeOctal());
        Path link = dir.resolve("current");
        converge("file", Map.of("path", link.toString(), "state", "link", "src", app.toString()));
        assertEquals(app.toString(), local.stat(link.toString()).orElseThrow().target());
        converge("file", Map.of("path", app.toString(), "state", "absent"));
        assertEquals(Optional.empty(), local.stat(app.toString()));
    }

    @Test
    void fileRecurseUsesFindOnTheHost() throws Exception {
        Path app = Files.createDirectories(dir.resolve("tree/sub"));
        Files.writeString(app.resolve("x"), "x");
        converge("file", Map.of("path", dir.resolve("tree").toString(), "state", "directory", "mode", "0700", "recurse", true));
        assertEquals("0700", local.stat(app.resolve("x").toString()).orElseThrow().modeOctal());
    }

    @Test
    void lineinfileEditsAtomically() throws Exception {
        Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
        converge("lineinfile", Map.of("path", hosts.toString(), "line", "10.0.0.2 db"));
        assertEquals("127.0.0.1 localhost\n10.0.0.2 db\n", Files.readString(hosts));
    }

    @Test
    void waitForProbesRealPortsFromTheHost() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Change open = plan("wait_for", Map.of("port", server.getLocalPort(), "timeout", 1));
            assertEquals("port " + server.getLocalPort() + " on 127.0.0.1 is open", open.summary());
        }
        int closedPort;
        try (ServerSocket server = new ServerSocket(0)) {
            closedPort = server.getLocalPort();
        }
        Change closed = plan("wait_for", Map.of("port", closedPort, "state", "stopped"));
        assertEquals(Action.NONE, closed.action(), closed.summary());
    }

    @Test
    void commandRunsAndFailsWithData() {
        CommandModule module = new CommandModule();
        CommandModule.Args args = ArgsBinder.bind(CommandModule.Args.class, Map.of("cmd", "sh -c 'echo out; exit 4'"));
        Change run = module.plan(args, host);
        assertEquals("sh -c 'echo out; exit 4'", run.summary());
        ModuleException e = assertThrows(ModuleException.class, () -> module.apply(args, run, host));
        assertEquals("non-zero return code", e.getMessage());
        assertEquals(4, e.data().get("rc"));
        assertEquals("out", e.data().get("stdout"));
    }
}
