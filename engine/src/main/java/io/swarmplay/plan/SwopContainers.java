package io.swarmplay.plan;

import io.swarmplay.module.Action;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.SourceFile;
import io.swarmplay.source.YamlReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The containers HPE's Swarm Operator (SWOP) starts by itself when the training runs: one SL and
 * one ML container per {@code slnodedef} of the SWOP profile. No step of the playbook creates
 * them, so the plan adds them beside the SWOP container that will start them, read from what
 * the plan already holds: the SWOP container's {@code SWOP_PROFILE} env and its
 * {@code :/platform/swarm/usr} mount name the profile; the step that renders that file gives
 * its content (network, node names, ports); a rendered task definition of type
 * {@code MAKE_USER_CONTAINER} names the ML image, one of type {@code RUN_SWARM} its command.
 */
final class SwopContainers {

    static final String STARTED_BY_SWOP = "started by SWOP at apply";
    private static final String USR_MOUNT = ":/platform/swarm/usr";

    private SwopContainers() {
    }

    /** {@code steps} with the SL/ML containers of each SWOP container inserted after it. */
    static List<PlannedStep> added(List<PlannedStep> steps) {
        List<PlannedStep> all = new ArrayList<>();
        for (PlannedStep step : steps) {
            all.add(step);
            profile(step, steps).ifPresent(profile -> all.addAll(containers(step, profile, steps)));
        }
        return all;
    }

    /**
     * The rendered profile of a SWOP container step: a file the plan writes into the directory
     * mounted at {@code /platform/swarm/usr} that holds {@code slnodedef}s, the one its
     * {@code SWOP_PROFILE} env names when that is known before apply.
     */
    private static Optional<Map<?, ?>> profile(PlannedStep swop, List<PlannedStep> steps) {
        if (!swop.type().equals("docker_container") || swop.skipped() || swop.failed() || swop.hidden()
                || swop.action() == Action.DELETE) {
            return Optional.empty();
        }
        Optional<String> dir = usrDir(swop.args().get("volumes"));
        if (dir.isEmpty()) return Optional.empty();
        String named = swop.args().get("env") instanceof Map<?, ?> env && env.get("SWOP_PROFILE") instanceof String n
                ? dir.get() + "/" + n : null;
        return steps.stream()
                .filter(s -> s.host().equals(swop.host()) && s.args().get("dest") instanceof String dest
                        && (named == null ? dest.startsWith(dir.get() + "/") : dest.equals(named)))
                .map(SwopContainers::rendered).flatMap(Optional::stream).filter(SwopContainers::isProfile)
                .findFirst();
    }

    private static boolean isProfile(Map<?, ?> doc) {
        return doc.get("nodes") instanceof List<?> nodes
                && nodes.stream().anyMatch(n -> n instanceof Map<?, ?> m && m.get("slnodedef") instanceof Map<?, ?>);
    }

    private static Optional<String> usrDir(Object volumes) {
        if (!(volumes instanceof List<?> list)) return Optional.empty();
        return list.stream().filter(v -> v instanceof String s && s.contains(USR_MOUNT))
                .map(v -> ((String) v).substring(0, ((String) v).indexOf(USR_MOUNT))).findFirst();
    }

    /** The YAML mapping a step writes, read from its diff (a create or update of a file). */
    private static Optional<Map<?, ?>> rendered(PlannedStep step) {
        if (step.hidden() || step.diff() == null || step.diff().after() == null) return Optional.empty();
        Diagnostics diagnostics = new Diagnostics();
        return new YamlReader(diagnostics).read(SourceFile.of(Path.of(String.valueOf(step.args().get("dest"))),
                        step.diff().after()))
                .filter(doc -> !diagnostics.hasErrors())
                .map(doc -> doc.value())
                .filter(v -> v instanceof Map<?, ?>)
                .map(v -> (Map<?, ?>) v);
    }

    private static List<PlannedStep> containers(PlannedStep swop, Map<?, ?> profile, List<PlannedStep> steps) {
        List<PlannedStep> added = new ArrayList<>();
        Object network = profile.get("network");
        Optional<Map<?, ?>> build = taskdef(steps, "MAKE_USER_CONTAINER");
        Optional<Map<?, ?>> run = taskdef(steps, "RUN_SWARM");
        for (Object entry : (List<?>) profile.get("nodes")) {
            if (!(entry instanceof Map<?, ?> e) || !(e.get("slnodedef") instanceof Map<?, ?> node)) continue;
            Map<String, Object> sl = args(node.get("slhostname"), slImage(swop), network);
            if (node.get("slport") != null) sl.put("published_ports", List.of(node.get("slport") + ":30305"));
            added.add(step(swop, "SL node", sl, node.get("slport") == null ? "" : ", port " + node.get("slport")));
            Map<String, Object> ml = args(node.get("usrhostname"),
                    build.<Object>map(b -> b.get("Outcome")).orElse("(built by SWOP)"), network);
            run.map(r -> r.get("Body")).filter(b -> b instanceof Map<?, ?>).map(b -> (Map<?, ?>) b)
                    .ifPresent(body -> ml.put("command", body.get("Entrypoint") + " " + body.get("Command")));
            added.add(step(swop, "ML node", ml, ""));
        }
        return added;
    }

    private static Map<String, Object> args(Object hostname, Object image, Object network) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", String.valueOf(hostname));
        args.put("image", String.valueOf(image));
        args.put("hostname", String.valueOf(hostname));
        if (network != null) args.put("networks", List.of(Map.of("name", String.valueOf(network))));
        return args;
    }

    // SWOP runs the SL image of its own registry and version (HPE: .../swop:2.3.0 starts .../sl:2.3.0)
    private static String slImage(PlannedStep swop) {
        String image = String.valueOf(swop.args().get("image"));
        int slash = image.lastIndexOf('/');
        String name = image.substring(slash + 1);
        return name.startsWith("swop") ? image.substring(0, slash + 1) + "sl" + name.substring(4) : "(chosen by SWOP)";
    }

    private static Optional<Map<?, ?>> taskdef(List<PlannedStep> steps, String type) {
        return steps.stream().filter(s -> s.args().get("dest") instanceof String)
                .map(SwopContainers::rendered).flatMap(Optional::stream)
                .filter(doc -> type.equals(doc.get("TaskType"))).findFirst();
    }

    // a fresh SWOP starts them when the training runs; a running one may have done so already
    private static PlannedStep step(PlannedStep swop, String role, Map<String, Object> args, String port) {
        Action action = swop.action() == Action.NONE || swop.action() == Action.RUN ? Action.UNKNOWN : Action.CREATE;
        String summary = STARTED_BY_SWOP + ": " + role + " of " + swop.args().get("name") + port;
        return new PlannedStep(swop.play(), swop.host(), STARTED_BY_SWOP, null, "docker_container", action, summary,
                args, null, swop.position(), false, false, false);
    }
}
