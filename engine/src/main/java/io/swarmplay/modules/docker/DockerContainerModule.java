package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.connection.docker.DockerObject;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Diff;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Options;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.docker.container.ContainerOptions;
import io.swarmplay.modules.docker.container.OptionContext;
import io.swarmplay.modules.docker.support.ContainerArgs;
import io.swarmplay.modules.docker.support.ContainerComparison;
import io.swarmplay.modules.docker.support.ContainerComparison.Difference;
import io.swarmplay.modules.docker.support.ContainerData;
import io.swarmplay.modules.docker.support.ContainerLifecycle;
import io.swarmplay.modules.docker.support.ContainerNetworks;
import io.swarmplay.modules.docker.support.DockerModule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A container in the wanted state, as community.docker 3.4.7's {@code docker_container}: every
 * option of {@link ContainerOptions} compared with the engine's inspect output by its comparison
 * mode; a difference that {@code docker update} can apply (memory, cpu_*, restart_policy, ...) is
 * an UPDATE, any other a REPLACE naming the option ({@code replace: memory_swappiness changed
 * 60 → 10}); starting, stopping, pausing and (re)connecting networks are UPDATEs.
 * <pre>{@code
 * - docker_container:
 *     name: sn-1
 *     image: hub.myenterprise.com/hpe/swarm-learning/sn:2.2.0
 *     env: {SWARM_NODE_TYPE: sn}
 *     published_ports: ["30304:30304", "127.0.0.1:30305:30305"]
 *     volumes: ["/opt/swarm/certs:/certs:ro", "sn-data:/data"]
 *     networks: [{name: swarm-net, aliases: [sn-1]}]
 *     copy_in: [{content: "{{ info | to_json }}", dest: /tmp/container_info_file, mode: "0644"}]
 *     wait_for: {log: "Starting SWARM-API-SERVER", timeout: 120}
 *   register: sn
 * }</pre>
 * Registers {@code container}: the engine's inspect output (env values masked in output).
 */
@ModuleInfo(name = "docker_container", aliases = "community.docker.docker_container", checkMode = CheckSupport.FULL,
        diff = true)
public final class DockerContainerModule extends DockerModule<ContainerArgs> {

    @Override
    protected Class<ContainerArgs> args() {
        return ContainerArgs.class;
    }

    @Override
    protected Change plan(ContainerArgs args, HostView host, DockerReader docker) {
        ContainerOptions.checkTogether(args.options());
        ContainerLifecycle.validate(args, host);
        Map<String, Object> current = docker.inspect(DockerObject.CONTAINER, args.name()).orElse(null);
        if (args.state().equals("absent")) {
            if (current == null) return ContainerData.none("container " + args.name() + " does not exist", ContainerData.registered(null));
            return Change.delete("remove container " + args.name()).withPayload(ContainerPlan.of(current));
        }
        if (args.image() == null && current == null) {
            throw new ModuleException("Cannot create container when image is not specified! (container " + args.name()
                    + " does not exist on " + host.name() + ")");
        }
        Map<String, Object> image = args.image() == null ? null : docker.inspect(DockerObject.IMAGE, args.image()).orElse(null);
        String later = args.image() != null && image == null ? " (image " + args.image() + " is not on the host yet)" : "";
        if (current == null) return Change.create(createSummary(args) + later).withPayload(ContainerPlan.of(null));
        return decide(args, host, docker, current, image, later);
    }

    private static Change decide(ContainerArgs args, HostView host, DockerReader docker, Map<String, Object> current,
                                 Map<String, Object> image, String later) {
        Map<String, String> modes = ContainerComparison.modes(args);
        Map<String, Object> compared = args.image_comparison().equals("current-image") || image == null
                ? docker.inspect(DockerObject.IMAGE, String.valueOf(current.get("Image"))).orElse(image) : image;
        Options effective = args.effective();
        OptionContext ctx = ContainerLifecycle.context(args, effective, compared, host, docker);
        List<Difference> diffs = ContainerComparison.compare(effective, modes, ctx, current);
        List<Difference> recreating = new ArrayList<>(diffs.stream().filter(d -> !d.updatable()).toList());
        if (modes.get("image").equals("strict")) recreating.addAll(ContainerLifecycle.imageDifferences(args, image, current));
        recreating.addAll(ContainerLifecycle.copyInDifferences(args, current, docker, host));
        ContainerPlan plan = new ContainerPlan(current, diffs, ContainerNetworks.plan(args, modes, current, false));
        List<Diff.FieldChange> rows = new ArrayList<>(recreating.stream().filter(d -> !diffs.contains(d)).map(Difference::asField).toList());
        diffs.forEach(d -> rows.add(d.asField()));
        plan.networks().connect().forEach(n -> rows.add(new Diff.FieldChange("networks." + n.name(),
                plan.networks().reconnect().contains(n.name()) ? "connected (other settings)" : "(not connected)", "connected")));
        plan.networks().leave().forEach(n -> rows.add(new Diff.FieldChange("networks." + n, "connected", "(not connected)")));
        Diff diff = Diff.fields("container " + args.name(), rows);
        if (!later.isEmpty() && !modes.get("image").equals("ignore")) return Change.replace("replace: image" + later).withPayload(plan);
        if (args.recreate()) return Change.replace("replace: recreate requested").withDiff(diff).withPayload(plan);
        if (!recreating.isEmpty()) {
            Difference first = recreating.get(0);
            return Change.replace("replace: " + named(first) + " changed" + change(first)).withDiff(diff).withPayload(plan);
        }
        List<String> steps = new ArrayList<>();
        if (!diffs.isEmpty()) steps.add("update " + String.join(", ", diffs.stream().map(Difference::field).toList()));
        steps.addAll(plan.networks().steps());
        steps.addAll(ContainerLifecycle.stateSteps(args, current));
        if (steps.isEmpty()) {
            return ContainerData.none("container " + args.name() + " is " + ContainerLifecycle.status(current) + " as declared",
                    withWarnings(ContainerData.registered(current), ContainerOptions.warnings(args.options())));
        }
        return Change.update(String.join(", ", steps) + " container " + args.name()).withDiff(diff).withPayload(plan);
    }

    /** {@code  a → b} for short values; env names its keys, never its values. */
    private static String change(Difference d) {
        if (d.field().equals("env") || d.field().equals("copy_in")) return "";
        Diff.FieldChange f = d.asField();
        String text = " " + f.before() + " → " + f.after();
        return text.length() > 80 ? "" : text;
    }

    /** The option, or for env the variables that differ ({@code env.MODE}). */
    private static String named(Difference d) {
        if (!d.field().equals("env")) return d.field();
        Map<String, String> had = io.swarmplay.modules.docker.container.ApiValues.envMap(d.before());
        List<String> keys = io.swarmplay.modules.docker.container.ApiValues.envMap(d.after()).entrySet().stream()
                .filter(e -> !e.getValue().equals(had.get(e.getKey()))).map(e -> "env." + e.getKey()).toList();
        return keys.isEmpty() ? "env" : String.join(", ", keys);
    }

    private static String createSummary(ContainerArgs args) {
        String how = switch (args.state()) {
            case "started" -> "create and start";
            case "stopped" -> "create (stopped)";
            default -> "create";
        };
        return how + " container " + args.name() + " from " + args.image();
    }

    @Override
    protected Outcome apply(ContainerArgs args, Change change, HostSession host, DockerEndpoint docker) {
        ContainerPlan plan = (ContainerPlan) change.payload();
        ContainerLifecycle.Result result = switch (change.action()) {
            case DELETE -> ContainerLifecycle.remove(args, plan.current(), docker);
            case REPLACE -> {
                ContainerLifecycle.remove(args, plan.current(), docker);
                yield ContainerLifecycle.create(args, docker, host);
            }
            case CREATE -> ContainerLifecycle.create(args, docker, host);
            default -> ContainerLifecycle.update(args, plan.current(), plan.differences(), plan.networks(), docker, host);
        };
        Map<String, Object> registered = ContainerData.registered(result.container());
        registered.put("diff", ContainerData.diff(plan.current(), result.container(), plan.differences()));
        if (result.status() != null) registered.put("status", result.status());
        Outcome outcome = result.failure() != null ? Outcome.failed(result.failure()) : Outcome.changed(change);
        List<String> warnings = new ArrayList<>(ContainerOptions.warnings(args.options()));
        warnings.addAll(result.warnings());
        return ContainerData.maskingEnv(outcome.withData(withWarnings(registered, warnings)), registered);
    }

    /** The registered result with community.docker's {@code warnings}, when there are any. */
    private static Map<String, Object> withWarnings(Map<String, Object> registered, List<String> warnings) {
        if (!warnings.isEmpty()) registered.put("warnings", warnings);
        return registered;
    }

    /** What plan found: the container's inspect output (null when missing), its differences and network steps. */
    record ContainerPlan(Map<String, Object> current, List<Difference> differences, ContainerNetworks.Plan networks) {

        static ContainerPlan of(Map<String, Object> current) {
            return new ContainerPlan(current, List.of(), new ContainerNetworks.Plan(List.of(), List.of(), List.of()));
        }
    }
}
