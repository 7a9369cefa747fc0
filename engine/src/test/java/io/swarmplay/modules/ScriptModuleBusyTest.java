package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileStat;
import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.Change;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A script the host finds busy ("Text file busy": still open for writing somewhere) did not run, and is run again. */
class ScriptModuleBusyTest {

    private static final String TMP = "/tmp/swarmplay-script.1";
    private static final ExecResult BUSY = FakeHostView.result(126, "", "/bin/sh: 1: " + TMP + "/job.sh: Text file busy\n");

    @TempDir
    Path dir;

    /** A host on which running job.sh finds it busy {@code busy} times, then prints "ran". */
    private FakeSession host(int busy) throws IOException {
        Files.writeString(dir.resolve("job.sh"), "echo ran\n");
        FakeHostView view = new FakeHostView("web1", FakeHostView.files(), Map.of(), Map.of(), Map.of(), List.of(dir));
        view.files.put(TMP, new FakeHostView.FakeFile(FileStat.Type.DIRECTORY, new byte[0], 0700, "root", "root", null));
        return new FakeSession(view, Map.of()) {
            private int left = busy;

            @Override
            public ExecResult run(Command command) {
                ExecResult canned = super.run(command);
                String line = command.toShellLine();
                if (line.startsWith("mktemp")) return FakeHostView.result(0, TMP + "\n", "");
                if (!line.contains("job.sh")) return canned;
                return left-- > 0 ? BUSY : FakeHostView.result(0, "ran\n", "");
            }
        };
    }

    private static Outcome apply(FakeSession host) {
        ScriptModule module = new ScriptModule();
        ScriptModule.Args args = ArgsBinder.bind(ScriptModule.Args.class, Map.of("cmd", "job.sh arg"));
        Change change = module.plan(args, host);
        return module.apply(args, change, host);
    }

    @Test
    void aBusyScriptIsRunAgain() throws IOException {
        FakeSession host = host(2);
        Outcome outcome = apply(host);
        assertEquals(Status.CHANGED, outcome.status(), outcome.message());
        assertEquals("ran\n", outcome.data().get("stdout"));
        assertEquals(3, host.commands.stream().filter(c -> c.contains("job.sh")).count());
    }

    @Test
    void aScriptThatStaysBusyFailsWithTheHostsMessage() throws IOException {
        FakeSession host = host(ScriptModule.BUSY_TRIES);
        ModuleException e = assertThrows(ModuleException.class, () -> apply(host));
        assertEquals("non-zero return code", e.getMessage());
        assertEquals(ScriptModule.BUSY_TRIES, host.commands.stream().filter(c -> c.contains("job.sh")).count());
    }
}
