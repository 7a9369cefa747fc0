package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.ContainerState;
import io.swarmplay.module.Change;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.support.Results;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the Docker modules register for a container: {@link #of} is swarmplay's compact summary
 * for its own {@code docker_info} (id, name, image, state, exit code, ip per network, labels);
 * {@link #registered} is community.docker's inspect output for {@code docker_container}.
 */
public final class ContainerData {

    private ContainerData() {
    }

    public static Map<String, Object> of(ContainerState s) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", s.id());
        c.put("name", s.name());
        c.put("image", s.image());
        c.put("image_id", s.imageId());
        c.put("state", s.status());
        c.put("running", s.running());
        c.put("exit_code", s.exitCode());
        if (s.health() != null) c.put("health", s.health());
        Map<String, Object> ips = new LinkedHashMap<>();
        s.networks().forEach((name, n) -> ips.put(name, n.ipv4Address()));
        c.put("networks", ips);
        c.put("labels", new LinkedHashMap<>(s.labels()));
        return c;
    }

    /**
     * What {@code docker_container} registers, as community.docker does: {@code container}, the
     * engine's inspect output (Docker's keys: {@code Id}, {@code Config.Env}, {@code State.Status},
     * {@code HostConfig}, ...), and swarmplay's {@code exists}; {@code {exists: false}} for no container.
     */
    public static Map<String, Object> registered(Map<String, Object> inspect) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exists", inspect != null);
        if (inspect != null) data.put("container", inspect);
        return data;
    }

    /**
     * community.docker's {@code diff}: {@code before}/{@code after} with each differing option's
     * value (API values: memory in bytes) and whether the container exists and runs.
     */
    public static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after,
                                           java.util.List<ContainerComparison.Difference> differences) {
        Map<String, Object> b = new LinkedHashMap<>();
        Map<String, Object> a = new LinkedHashMap<>();
        for (ContainerComparison.Difference d : differences) {
            if (d.field().equals("env")) continue;
            b.put(d.field(), d.before());
            a.put(d.field(), d.after());
        }
        if ((before == null) != (after == null)) {
            b.put("exists", before != null);
            a.put("exists", after != null);
        }
        return Map.of("before", b, "after", a);
    }

    /**
     * {@code outcome} with each {@code Config.Env} entry ({@code KEY=value}) of the registered
     * {@code container} marked secret: playbooks read the env as community.docker returns it, but
     * its values (often credentials) are masked in every output.
     */
    public static Outcome maskingEnv(Outcome outcome, Map<String, Object> registered) {
        Outcome masked = outcome;
        if (registered.get("container") instanceof Map<?, ?> c && c.get("Config") instanceof Map<?, ?> config
                && config.get("Env") instanceof java.util.List<?> env) {
            for (Object entry : env) masked = masked.withSecret(String.valueOf(entry));
        }
        return masked;
    }

    /** A read-only result ({@link Results#none}) for {@code registered}, its env masked. */
    public static Change none(String reason, Map<String, Object> registered) {
        Change none = Results.none(reason, registered);
        return none.withPayload(maskingEnv((Outcome) none.payload(), registered));
    }
}
