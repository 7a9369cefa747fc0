package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.ContainerState;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code register} stores for a container: a compact inspect (id, name, image, state, exit
 * code, ip per network, labels), never its env, whose values may be secrets.
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

    /** {@code {container: ..., exists: true}} or {@code {exists: false}}. */
    public static Map<String, Object> registered(ContainerState s) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exists", s != null);
        if (s != null) data.put("container", of(s));
        return data;
    }
}
