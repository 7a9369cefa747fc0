package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.FileMode;
import io.swarmplay.modules.support.Pipe;

import java.util.Map;
import java.util.Optional;

/**
 * Moves a file from one inventory host to the current one through the control node, streamed
 * and checksum-verified; idempotent (no change when the destination has the same content and
 * mode). Hosts never need SSH access to each other. The plan shows the step as one edge.
 *
 * <pre>{@code
 * - name: give host-2 the org1 bundle
 *   transfer:
 *     from: host-1
 *     src: "{{ hostvars['host-1'].workdir }}/spire-server/org1.swarm.learning.bundle"
 *     dest: "{{ workdir }}/spire-server/org1.swarm.learning.bundle"
 *     mode: "0644"
 * }</pre>
 */
@ModuleInfo(name = "transfer", checkMode = CheckSupport.FULL)
public final class TransferModule implements Module<TransferModule.Args> {

    /** {@code mode} defaults to the source's mode. */
    public record Args(@Required String from, @Required String src, @Required String dest, Object mode) {
    }

    /** What apply needs: the edge, the checksum plan saw (re-read at apply) and the mode to set. */
    private record Edge(String label, Integer mode) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        HostView source = host.otherHost(args.from());
        String edge = args.from() + ":" + args.src() + " → " + host.name() + ":" + args.dest();
        Optional<FileStat> from = sourceStat(source, args.src());
        if (from.isEmpty()) {
            // an earlier step of this run may produce the source; apply fails if it still is missing
            return Change.create(edge + " (content known after apply)").withPayload(new Edge(edge, modeOf(args, null)));
        }
        if (!from.get().isFile()) throw new ModuleException(args.from() + ":" + args.src() + " is not a regular file");
        Integer mode = modeOf(args, from.get());
        Optional<FileStat> to = host.stat(args.dest());
        if (to.isEmpty()) return Change.create(edge).withPayload(new Edge(edge, mode));
        boolean same = source.sha256(args.src()).equals(host.sha256(args.dest()));
        if (same && (mode == null || mode == to.get().mode())) {
            return Change.none(host.name() + ":" + args.dest() + " already matches " + args.from() + ":" + args.src());
        }
        String what = same ? "mode " + to.get().modeOctal() + " → " + FileMode.format(mode) : "content differs";
        return Change.update(edge + " (" + what + ")").withPayload(new Edge(edge, mode));
    }

    /** The source as it is now; empty when missing or known only after an earlier step of the plan writes it. */
    private static Optional<FileStat> sourceStat(HostView source, String src) {
        try {
            return source.stat(src);
        } catch (io.swarmplay.connection.StateUnknownException e) {
            return Optional.empty();
        }
    }

    private static Integer modeOf(Args args, FileStat source) {
        int current = source == null ? 0644 : source.mode();
        Integer mode = FileMode.parse(args.mode(), current, false);
        return mode != null ? mode : current;
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        HostView source = host.otherHost(args.from());
        String expected = source.sha256(args.src()).orElseThrow(() -> new ModuleException(
                "no such file: " + args.from() + ":" + args.src() + " (nothing created it before this step)"));
        Edge edge = (Edge) change.payload();
        host.run(Command.of("mkdir", "-p", parentOf(args.dest())));
        Pipe.stream(out -> source.readInto(args.src(), out),
                in -> host.write(args.dest(), in, FileAttrs.mode(edge.mode())));
        String written = host.sha256(args.dest()).orElse("none");
        if (!written.equals(expected)) {
            throw new ModuleException("checksum mismatch after " + edge.label() + ": sent " + expected + ", found " + written);
        }
        return Outcome.changed(change).withData(Map.of("src", args.src(), "dest", args.dest(), "checksum", expected,
                "mode", FileMode.format(edge.mode())));
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
