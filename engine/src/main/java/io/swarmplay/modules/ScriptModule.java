package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.ShellQuote;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.support.CommandSupport;
import io.swarmplay.modules.support.ControlFiles;
import io.swarmplay.modules.support.Words;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a script from the control node (found as {@code copy}'s {@code src}, under {@code files/})
 * to a temporary directory on the host, runs it there with its arguments, and removes it.
 * <pre>{@code
 * - script: scripts/setup.sh --port 8080
 *   args:
 *     creates: /etc/app/configured
 *     chdir: /srv/app
 * - script: {cmd: check.py, executable: python3}
 * }</pre>
 * Registers {@code rc, stdout, stderr, stdout_lines, stderr_lines}; a non-zero rc fails the task.
 * {@code creates}/{@code removes} skip it as Ansible does; check mode skips it.
 */
@ModuleInfo(name = "script", checkMode = CheckSupport.NONE, freeForm = "cmd", commandArgs = true, commandsShown = true)
public final class ScriptModule implements Module<ScriptModule.Args> {

    /** {@code decrypt} is accepted: files are read as they are (there is no vault-encrypted file support here). */
    public record Args(@Doc("the local script's path, then its arguments") String cmd,
                       @Doc("skip when this path (a glob) exists on the host") String creates,
                       @Doc("skip when this path (a glob) does not exist on the host") String removes,
                       @Doc("absolute directory on the host to run the script in") String chdir,
                       @Doc("the interpreter to run the script with (e.g. python3)") String executable,
                       @Default("true") boolean decrypt) {
    }

    /** The control-node file and the command line with its path left to fill in. */
    /**
     * The script to run. Check mode, as Ansible's script action: with {@code creates}/{@code removes}
     * it would change ({@code {changed: true}}); without, it is skipped, "Check mode is not supported
     * for this task.".
     */
    private record Script(Path source, String rest, boolean predicted) implements io.swarmplay.module.PreviewData {
        @Override
        public Map<String, Object> previewData() {
            return predicted ? Map.of() : Map.of("msg", "Check mode is not supported for this task.", "changed", false);
        }
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        if (args.cmd() == null || args.cmd().isBlank()) throw new ModuleException("no script given");
        if (args.creates() != null && CommandSupport.exists(args.creates(), host)) {
            return skip(args.creates() + " exists, matching creates option");
        }
        if (args.removes() != null && !CommandSupport.exists(args.removes(), host)) {
            return skip(args.removes() + " does not exist, matching removes option");
        }
        if (args.chdir() != null && !args.chdir().startsWith("/")) {
            throw new ModuleException("chdir " + args.chdir() + " must be an absolute path for a Unix-aware remote node");
        }
        Script script = script(args, host);
        return Change.run("run script " + script.source().getFileName() + script.rest()).withPayload(script);
    }

    private static Change skip(String msg) {
        Change none = Change.none(msg);
        return none.withPayload(Outcome.skipped(msg).withData(Map.of("msg", msg, "changed", false)));
    }

    private static Script script(Args args, HostView host) {
        String line = args.cmd().strip();
        List<String> words = Words.split(line);
        String first = words.get(0);
        Path source = ControlFiles.find(host, first, "files");
        // as Ansible's action: the script path is the first word (quotes allowed), the arguments stay as written
        int at = line.indexOf(first);
        int end = at + first.length();
        if (at > 0 && end < line.length() && line.charAt(end) == line.charAt(at - 1)) end++;
        return new Script(source, line.substring(end), args.creates() != null || args.removes() != null);
    }

    /** How often, and how long apart, a script the host found busy is tried again. */
    static final int BUSY_TRIES = 20;
    private static final long BUSY_PAUSE_MS = 50;

    /**
     * Runs the script just written. Linux refuses to run a file still open for writing anywhere ("Text file busy"):
     * with many hosts at once, a process another thread is starting may hold the new file open for a moment.
     * The script did not run then, so it is tried again.
     */
    private static ExecResult run(HostSession host, Command command) {
        for (int attempt = 1; ; attempt++) {
            ExecResult result = host.run(command);
            if (result.rc() != 126 || !result.stderr().contains("Text file busy") || attempt == BUSY_TRIES) return result;
            try {
                Thread.sleep(BUSY_PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
        }
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        Script script = (Script) change.payload();
        String dir = host.run(Command.shell("mktemp -d \"${TMPDIR:-/tmp}/swarmplay-script.XXXXXXXX\"")).stdoutTrimmed();
        if (dir.isEmpty()) throw new ModuleException("cannot create a temporary directory on " + host.name());
        try {
            String remote = dir + "/" + script.source().getFileName();
            host.write(remote, new ByteArrayInputStream(ControlFiles.read(script.source())), new FileAttrs(0700, null, null));
            String line = (args.executable() == null ? "" : args.executable() + " ") + ShellQuote.quote(remote) + script.rest();
            Command command = Command.shell(line);
            ExecResult result = run(host, args.chdir() == null ? command : command.inDirectory(args.chdir()));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("rc", result.rc());
            data.put("stdout", result.stdout());
            data.put("stdout_lines", result.stdout().lines().toList());
            data.put("stderr", result.stderr());
            data.put("stderr_lines", result.stderr().lines().toList());
            if (!result.succeeded()) throw new ModuleException("non-zero return code", data);
            return Outcome.changed(change).withData(data);
        } finally {
            host.run(Command.of("rm", "-rf", "--", dir));
        }
    }
}
