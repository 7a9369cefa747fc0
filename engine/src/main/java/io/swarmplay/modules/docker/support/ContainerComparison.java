package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.ContainerState;
import io.swarmplay.connection.docker.MountSpec;
import io.swarmplay.connection.docker.NetworkAttachment;
import io.swarmplay.connection.docker.PortSpec;
import io.swarmplay.module.Diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares what a {@code docker_container} task declares with the inspected container, the way
 * community.docker does: only declared fields; the image by resolved ID; env, labels, ports,
 * mounts, capabilities and devices as subsets (the image and the engine add their own); binds
 * parsed, not as strings; networks in place. Env values never appear in a difference.
 */
public final class ContainerComparison {

    /** Shown instead of env values, which may be secrets. */
    public static final String HIDDEN = "(value hidden)";

    /** One declared field that differs; {@code recreate} when it cannot change in place. */
    public record Difference(String field, String before, String after, boolean recreate) {

        public Diff.FieldChange asField() {
            return new Diff.FieldChange(field, before, after);
        }
    }

    private final List<Difference> found = new ArrayList<>();

    private ContainerComparison() {
    }

    /** The differences, recreating ones first; {@code imageId} is the declared image resolved on the host (or null). */
    public static List<Difference> compare(ContainerArgs args, String imageId, String configHash, ContainerState actual) {
        ContainerComparison c = new ContainerComparison();
        if (imageId != null) c.check("image", actual.imageId(), imageId, true);
        if (args.command() != null) c.check("command", actual.command(), ContainerArgs.words(args.command(), "command"), true);
        if (args.entrypoint() != null) {
            c.check("entrypoint", actual.entrypoint(), ContainerArgs.words(args.entrypoint(), "entrypoint"), true);
        }
        c.env(args.env(), actual.env());
        c.labels(args.labels(), actual.labels());
        c.scalars(args, actual);
        c.subset("published_ports", args.published_ports() == null ? null : args.portSpecs(), actual.ports(), PortSpec::toString);
        c.subset("volumes", args.volumes() == null && args.mounts() == null ? null : args.mountSpecs(), actual.mounts(),
                MountSpec::toString);
        c.subset("capabilities", args.capabilities() == null ? null : args.capabilities().stream()
                .map(s -> s.toUpperCase().replaceFirst("^CAP_", "")).toList(), actual.capabilities(), s -> s);
        c.subset("devices", args.devices(), actual.devices(), s -> s);
        c.configHash(args, configHash, actual);
        if (args.networks() != null) c.networks(args.attachments(), actual.networks());
        return List.copyOf(c.found);
    }

    private void scalars(ContainerArgs args, ContainerState actual) {
        if (args.hostname() != null) check("hostname", actual.hostname(), args.hostname(), true);
        if (args.user() != null) check("user", actual.user(), args.user(), true);
        if (args.working_dir() != null) check("working_dir", actual.workingDir(), args.working_dir(), true);
        if (args.network_mode() != null) check("network_mode", actual.networkMode(), args.network_mode(), true);
        if (args.pid_mode() != null) check("pid_mode", blankAs(actual.pidMode(), ""), args.pid_mode(), true);
        if (args.tty() != null) check("tty", actual.tty(), args.tty(), true);
        if (args.interactive() != null) check("interactive", actual.interactive(), args.interactive(), true);
        if (args.restart_policy() != null) check("restart_policy", actual.restartPolicy(), blankAs(args.restart_policy(), "no"), true);
        if (args.auto_remove() != null) check("auto_remove", actual.autoRemove(), args.auto_remove(), true);
        if (args.init() != null) check("init", actual.init(), args.init(), true);
    }

    private void env(Map<String, String> wanted, Map<String, String> actual) {
        if (wanted == null) return;
        wanted.forEach((key, value) -> {
            if (!actual.containsKey(key)) found.add(new Difference("env." + key, "(unset)", HIDDEN, true));
            else if (!actual.get(key).equals(value)) found.add(new Difference("env." + key, HIDDEN, HIDDEN, true));
        });
    }

    private void labels(Map<String, String> wanted, Map<String, String> actual) {
        if (wanted == null) return;
        wanted.forEach((key, value) -> check("labels." + key, actual.getOrDefault(key, "(unset)"), value, true));
    }

    private <T> void subset(String field, List<T> wanted, List<T> actual, java.util.function.Function<T, String> show) {
        if (wanted == null) return;
        List<T> missing = wanted.stream().filter(w -> !actual.contains(w)).toList();
        if (missing.isEmpty()) return;
        found.add(new Difference(field, String.join(", ", actual.stream().map(show).toList()),
                String.join(", ", wanted.stream().map(show).toList()), true));
    }

    /**
     * What inspect cannot show ({@code copy_in} contents, {@code stop_timeout}) still counts: when
     * no visible field differs but the container's config-hash label does, the declared
     * configuration changed. Named {@code copy_in} when the task has one (the usual cause).
     */
    private void configHash(ContainerArgs args, String now, ContainerState actual) {
        String had = actual.labels().get(ConfigHash.LABEL);
        if (had == null || had.equals(now) || found.stream().anyMatch(Difference::recreate)) return;
        found.add(new Difference(args.copy_in() != null ? "copy_in" : "config-hash", "config-hash " + had,
                "config-hash " + now, true));
    }

    private void networks(List<NetworkAttachment> declared, Map<String, NetworkAttachment> actual) {
        for (NetworkAttachment wanted : declared) {
            NetworkAttachment has = actual.get(wanted.network());
            if (has == null) {
                found.add(new Difference("networks." + wanted.network(), "(not connected)", "connected", false));
            } else if (!has.aliases().containsAll(wanted.aliases())
                    || wanted.ipv4Address() != null && !wanted.ipv4Address().equals(has.ipv4Address())) {
                found.add(new Difference("networks." + wanted.network(), describe(has), describe(wanted), false));
            }
        }
    }

    private static String describe(NetworkAttachment n) {
        return "aliases " + n.aliases() + (n.ipv4Address() == null ? "" : ", ipv4 " + n.ipv4Address());
    }

    private void check(String field, Object before, Object after, boolean recreate) {
        if (!Objects.equals(before, after)) found.add(new Difference(field, show(before), show(after), recreate));
    }

    private static String show(Object value) {
        if (value == null) return "(unset)";
        if (value instanceof List<?> list) return String.join(" ", list.stream().map(String::valueOf).toList());
        return String.valueOf(value);
    }

    private static String blankAs(String value, String blank) {
        return value == null || value.isEmpty() ? blank : value;
    }
}
