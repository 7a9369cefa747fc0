package io.swarmplay.cli;

import io.swarmplay.plan.Topology;
import io.swarmplay.plan.TopologyDot;
import io.swarmplay.plan.TopologySvg;
import io.swarmplay.run.ExitStatus;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code swarmplay graph -i INV PLAYBOOK [--format dot|svg] [-o FILE]}: the topology the
 * playbook builds, drawn from its offline plan (no host is contacted). SVG is laid out by
 * swarmplay itself, so Graphviz is not needed; DOT is for those who have it.
 */
final class GraphCommand {

    private GraphCommand() {
    }

    static int run(String[] given, PrintWriter out, PrintWriter err) {
        List<String> args = new ArrayList<>();
        String format = "svg";
        Path file = null;
        for (int i = 0; i < given.length; i++) {
            String a = given[i];
            boolean valued = i + 1 < given.length;
            if ((a.equals("--format")) && valued) format = given[++i];
            else if (a.startsWith("--format=")) format = a.substring("--format=".length());
            else if ((a.equals("-o") || a.equals("--output")) && valued) file = Path.of(given[++i]);
            else args.add(a);
        }
        if (!format.equals("svg") && !format.equals("dot")) {
            err.println("error: --format " + format + ": use dot or svg");
            return ExitStatus.USAGE.code();
        }
        args.addAll(List.of("--offline"));
        AtomicReference<Session.Planned> planned = new AtomicReference<>();
        int code = SavedPlans.execute(args, null, planned, new PrintWriter(Writer.nullWriter()), err);
        if (planned.get() == null) return code;
        Topology topology = Topology.of(planned.get().plan());
        String drawing = format.equals("dot") ? TopologyDot.render(topology) : TopologySvg.render(topology);
        return write(drawing, file, out, err);
    }

    private static int write(String drawing, Path file, PrintWriter out, PrintWriter err) {
        if (file == null) {
            out.print(drawing);
            out.flush();
            return ExitStatus.OK.code();
        }
        try {
            Files.writeString(file, drawing);
            err.println("Wrote " + file);
            return ExitStatus.OK.code();
        } catch (IOException e) {
            err.println("error: cannot write " + file + ": " + io.swarmplay.connection.Causes.plain(e));
            return ExitStatus.INTERNAL_ERROR.code();
        }
    }
}
