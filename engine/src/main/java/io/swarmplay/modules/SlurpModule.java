package io.swarmplay.modules;

import io.swarmplay.connection.FileStat;
import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.Results;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a file from the host into a registered variable, base64-encoded (as Ansible does).
 * <pre>{@code
 * - slurp: {src: /etc/app/token}
 *   register: token
 * - debug: {msg: "{{ token.content | b64decode }}"}
 * }</pre>
 * Fails when the file is missing at apply; in a plan a missing file is "known after apply",
 * because an earlier step of the same run may create it.
 */
@ModuleInfo(name = "slurp", readOnly = true, checkMode = CheckSupport.FULL)
public final class SlurpModule implements Module<SlurpModule.Args> {

    public record Args(@Required @Alias("path") String src) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        Optional<FileStat> stat = host.stat(args.src());
        if (stat.isEmpty()) {
            return Change.unknown(host.name() + ":" + args.src() + " does not exist yet (known after apply)");
        }
        return read(args, host, stat.get());
    }

    private static Change read(Args args, HostView host, FileStat stat) {
        if (stat.isDirectory()) {
            throw new ModuleException(args.src() + " on " + host.name() + " is a directory; slurp reads one file");
        }
        String content = Base64.getEncoder().encodeToString(host.read(args.src()));
        return Results.none("slurp only reads " + args.src(),
                Map.of("content", content, "encoding", "base64", "source", args.src()));
    }

    /** Only reached when plan could not read the file: read it now, or fail. */
    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        Optional<FileStat> stat = host.stat(args.src());
        if (stat.isEmpty()) throw new ModuleException("file not found: " + args.src() + " on " + host.name());
        return Results.outcome(read(args, host, stat.get()));
    }
}
