package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.ContainerSpec;
import io.swarmplay.connection.docker.MountSpec;
import io.swarmplay.connection.docker.NetworkAttachment;
import io.swarmplay.connection.docker.PortSpec;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.Words;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arguments of {@code docker_container}, with community.docker's names. A field left out is
 * not compared (nor sent): the image and the engine decide it. {@code command} and
 * {@code entrypoint} take a list or a command line (split like a shell, nothing expanded).
 */
public record ContainerArgs(@Required String name, String image,
                            @Choices({"started", "present", "stopped", "absent"}) String state,
                            Object command, Object entrypoint, Map<String, String> env, Map<String, String> labels,
                            String hostname, String user, String working_dir, List<String> published_ports,
                            List<String> volumes, List<Object> mounts, List<Object> networks, String network_mode,
                            String pid_mode, Boolean tty, Boolean interactive, @Default("true") boolean detach,
                            String restart_policy, Boolean auto_remove, Duration stop_timeout, Boolean init,
                            List<String> capabilities, List<String> devices, boolean recreate, List<Object> copy_in,
                            Map<String, Object> wait_for, boolean force_kill, Boolean keep_volumes) {

    /**
     * Checks every argument, nested ones included ({@code command}, {@code published_ports},
     * {@code volumes}, {@code mounts}, {@code networks}, {@code copy_in} and its control-node files,
     * {@code wait_for}), so that a plan never shows {@code +} for a step apply would give up half-way.
     */
    public void validate(HostView host) {
        words(command, "command");
        words(entrypoint, "entrypoint");
        portSpecs();
        mountSpecs();
        attachments();
        for (Map<String, Object> file : copyIn()) {
            copyInDest(file);
            Specs.mode(file.get("mode"), 0644);
            ContainerLifecycle.source(file, host);
        }
        if (wait_for != null) WaitFor.parse(wait_for);
    }

    /** A {@code copy_in} entry's {@code dest}: an absolute file path, split into its directory and file name. */
    static String[] copyInDest(Map<String, Object> file) {
        String dest = Specs.required(file, "dest", "copy_in");
        int slash = dest.lastIndexOf('/');
        if (!dest.startsWith("/") || slash == dest.length() - 1) {
            throw new ModuleException("copy_in: dest '" + dest + "' must be an absolute file path");
        }
        return new String[] {slash == 0 ? "/" : dest.substring(0, slash), dest.substring(slash + 1)};
    }

    /** What the task asks for, as a create request (the config-hash label included). */
    public ContainerSpec spec(String configHash) {
        Map<String, String> allLabels = new TreeMap<>(labels == null ? Map.of() : labels);
        allLabels.put(ConfigHash.LABEL, configHash);
        return new ContainerSpec(name, image, words(command, "command"), words(entrypoint, "entrypoint"), env, allLabels,
                hostname, user, working_dir, portSpecs(), mountSpecs(), attachments(), network_mode, pid_mode, Boolean.TRUE.equals(tty),
                Boolean.TRUE.equals(interactive), restart_policy, Boolean.TRUE.equals(auto_remove),
                stop_timeout == null ? null : (int) stop_timeout.toSeconds(), init, capabilities, devices);
    }

    /**
     * The declared fields and their values, the input of the config hash (order-independent).
     * Networks are left out: they change in place, and the label of a container cannot.
     */
    public Map<String, Object> declared() {
        Map<String, Object> d = new TreeMap<>();
        put(d, "image", image);
        put(d, "command", command == null ? null : words(command, "command"));
        put(d, "entrypoint", entrypoint == null ? null : words(entrypoint, "entrypoint"));
        put(d, "env", env == null ? null : new TreeMap<>(env));
        put(d, "labels", labels == null ? null : new TreeMap<>(labels));
        put(d, "hostname", hostname);
        put(d, "user", user);
        put(d, "working_dir", working_dir);
        put(d, "published_ports", published_ports == null ? null : portSpecs().stream().map(PortSpec::toString).sorted().toList());
        put(d, "mounts", volumes == null && mounts == null ? null : mountSpecs().stream().map(MountSpec::toString).sorted().toList());
        put(d, "network_mode", network_mode);
        put(d, "pid_mode", pid_mode);
        put(d, "tty", tty);
        put(d, "interactive", interactive);
        put(d, "restart_policy", restart_policy);
        put(d, "auto_remove", auto_remove);
        put(d, "stop_timeout", stop_timeout == null ? null : stop_timeout.toSeconds());
        put(d, "init", init);
        put(d, "capabilities", capabilities);
        put(d, "devices", devices);
        put(d, "copy_in", copy_in);
        return d;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) map.put(key, value);
    }

    static List<String> words(Object value, String what) {
        if (value == null) return List.of();
        if (value instanceof List<?> list) return list.stream().map(String::valueOf).toList();
        if (value instanceof String line) return Words.split(line);
        throw new ModuleException("'" + what + "' must be a list or a command line (got " + value.getClass().getSimpleName() + ")");
    }

    public List<PortSpec> portSpecs() {
        return published_ports == null ? List.of() : published_ports.stream().map(p -> parse(() -> PortSpec.parse(p))).toList();
    }

    /** {@code volumes} ({@code src:dst[:ro]}) and {@code mounts} ({@code {type, source, target, read_only}}) together. */
    public List<MountSpec> mountSpecs() {
        List<MountSpec> all = new ArrayList<>();
        if (volumes != null) volumes.forEach(v -> all.add(parse(() -> MountSpec.parse(v))));
        if (mounts != null) mounts.forEach(m -> all.add(mount(Specs.map(m, "mounts"))));
        return all;
    }

    private static MountSpec mount(Map<String, Object> m) {
        String source = Specs.required(m, "source", "mounts");
        String target = Specs.required(m, "target", "mounts");
        String type = String.valueOf(m.getOrDefault("type", MountSpec.of(source, target, false).type()));
        if (!type.equals("bind") && !type.equals("volume")) {
            throw new ModuleException("mounts: type '" + type + "' is not supported (use bind or volume)");
        }
        return new MountSpec(type, source, target, Specs.bool(m.get("read_only")));
    }

    /** {@code networks: [{name, aliases, ipv4_address}]}; a plain string is a network name. */
    public List<NetworkAttachment> attachments() {
        if (networks == null) return List.of();
        List<NetworkAttachment> out = new ArrayList<>();
        for (Object n : networks) {
            Map<String, Object> m = n instanceof String s ? Map.of("name", s) : Specs.map(n, "networks");
            out.add(new NetworkAttachment(Specs.required(m, "name", "networks"), Specs.strings(m.get("aliases")),
                    m.get("ipv4_address") == null ? null : String.valueOf(m.get("ipv4_address"))));
        }
        return out;
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new ModuleException(e.getMessage());
        }
    }

    /** {@code copy_in} entries: {@code {content|src, dest, mode}}. */
    public List<Map<String, Object>> copyIn() {
        if (copy_in == null) return List.of();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object item : copy_in) out.add(new LinkedHashMap<>(Specs.map(item, "copy_in")));
        return out;
    }
}
