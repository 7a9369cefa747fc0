package io.swarmplay.modules;

import io.swarmplay.connection.Command;
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
        Optional<FileStat> stat = stat(args, host);
        if (stat.isEmpty()) {
            return Change.unknown(host.name() + ":" + args.src() + " does not exist yet (known after apply)");
        }
        return read(args, host, stat.get());
    }

    /** The file's stat; a path through a file fails as Ansible's open() does. */
    private static Optional<FileStat> stat(Args args, HostView host) {
        try {
            return host.stat(args.src());
        } catch (java.io.UncheckedIOException e) {
            throw new ModuleException("unable to slurp file: " + e.getMessage());
        }
    }

    /**
     * Ansible's messages for what {@code open()} refuses: a file the (become) user may not read
     * (checked with {@code test -r}, run as that user), a directory.
     */
    private static Change read(Args args, HostView host, FileStat stat) {
        if (!host.probe(Command.of("test", "-r", args.src())).succeeded()) {
            throw new ModuleException("file is not readable: " + args.src());
        }
        if (stat.isDirectory()) throw new ModuleException("source is a directory and must be a file: " + args.src());
        String content = Base64.getEncoder().encodeToString(host.read(args.src()));
        return Results.none("slurp only reads " + args.src(),
                Map.of("content", content, "encoding", "base64", "source", args.src()));
    }

    /** Only reached when plan could not read the file: read it now, or fail. */
    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        Optional<FileStat> stat = stat(args, host);
        if (stat.isEmpty()) throw new ModuleException("file not found: " + args.src());
        return Results.outcome(read(args, host, stat.get()));
    }
}
