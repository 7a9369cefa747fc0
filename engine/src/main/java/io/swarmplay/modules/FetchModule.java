package io.swarmplay.modules;

import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.ControlFiles;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Copies a file from the host to the control node, as Ansible's fetch: into
 * {@code dest/<inventory host>/<src path>}, or straight to {@code dest} with {@code flat: true}
 * (a {@code dest} ending in {@code /} then takes the file's name). Checksum-idempotent, written
 * atomically. A source missing at plan time is "known after apply"; at apply it is an error
 * unless {@code fail_on_missing: false}.
 *
 * <pre>{@code
 * - fetch: {src: /var/log/spire/server.log, dest: logs/}
 * }</pre>
 */
@ModuleInfo(name = "fetch", checkMode = CheckSupport.FULL)
public final class FetchModule implements Module<FetchModule.Args> {

    public record Args(@Required(Required.SRC_AND_DEST) String src, @Required(Required.SRC_AND_DEST) String dest, boolean flat,
                       @Default("true") boolean fail_on_missing) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        Path target = target(args, host.name());
        Optional<String> remote = host.sha256(args.src());
        if (remote.isEmpty()) {
            if (!args.fail_on_missing()) return Change.none(host.name() + ":" + args.src() + " does not exist");
            // an earlier step of this run may create it; apply fails if it still is missing
            return Change.unknown(host.name() + ":" + args.src() + " does not exist yet (known after apply)")
                    .withPayload(target);
        }
        Optional<String> local = ControlFiles.sha256(target);
        String edge = host.name() + ":" + args.src() + " → " + target;
        if (local.equals(remote)) return Change.none(target + " already matches " + host.name() + ":" + args.src());
        return (local.isEmpty() ? Change.create(edge) : Change.update(edge + " (content differs)")).withPayload(target);
    }

    static Path target(Args args, String host) {
        if (args.flat()) {
            String name = Path.of(args.src()).getFileName().toString();
            return args.dest().endsWith("/") ? Path.of(args.dest(), name) : Path.of(args.dest());
        }
        String relative = args.src().replaceFirst("^/+", "");
        return Path.of(args.dest(), host, relative);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        Path target = (Path) change.payload();
        String expected = host.sha256(args.src()).orElseThrow(() ->
                new ModuleException("file not found: " + args.src() + " on " + host.name()));
        String written = ControlFiles.writeAtomically(target, out -> host.readInto(args.src(), out));
        if (!written.equals(expected)) {
            throw new ModuleException("checksum mismatch fetching " + host.name() + ":" + args.src() + " to " + target);
        }
        return Outcome.changed(change).withData(Map.of("src", args.src(), "dest", target.toString(), "checksum", written));
    }
}
