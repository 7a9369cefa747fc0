package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.ImageBuild;
import io.swarmplay.module.ModuleException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code docker_image}'s {@code build} suboptions (community.docker 3.4.7) read into an
 * {@link ImageBuild}: {@code path} (required), {@code dockerfile}, {@code args}, {@code cache_from},
 * {@code container_limits} ({@code memory}, {@code memswap}, {@code cpushares}, {@code cpusetcpus}),
 * {@code etc_hosts}, {@code labels}, {@code network}, {@code nocache}, {@code platform},
 * {@code pull} (false), {@code rm} (true), {@code shm_size}, {@code target};
 * {@code http_timeout} and {@code use_config_proxy} are accepted and have no effect.
 */
public final class BuildOptions {

    static final Set<String> KEYS = Set.of("path", "dockerfile", "args", "cache_from", "container_limits", "etc_hosts",
            "labels", "network", "nocache", "platform", "pull", "rm", "shm_size", "target", "http_timeout", "use_config_proxy");
    private static final Set<String> LIMITS = Set.of("memory", "memswap", "cpushares", "cpusetcpus");

    private BuildOptions() {
    }

    /** The build of {@code reference} that {@code build} describes; unknown keys are refused as community.docker does. */
    public static ImageBuild of(Map<String, Object> build, String reference) {
        Set<String> unknown = new TreeSet<>(build.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new ModuleException("Unsupported parameters for build: " + String.join(", ", unknown)
                    + " (supported: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
        }
        Map<String, Object> limits = map(build.get("container_limits"), "container_limits");
        limits.keySet().stream().filter(k -> !LIMITS.contains(k)).findFirst().ifPresent(k -> {
            throw new ModuleException("Unsupported parameters for build.container_limits: " + k);
        });
        Object shm = build.get("shm_size");
        return new ImageBuild(List.of(reference), str(build.get("dockerfile")), strings(build.get("args"), "args"),
                list(build.get("cache_from")), limits, strings(build.get("etc_hosts"), "etc_hosts"),
                strings(build.get("labels"), "labels"), str(build.get("network")), bool(build.get("nocache"), false),
                str(build.get("platform")), bool(build.get("pull"), false), bool(build.get("rm"), true),
                shm == null ? null : io.swarmplay.modules.docker.container.ApiValues.bytes("shm_size", shm),
                str(build.get("target")));
    }

    private static Map<String, Object> map(Object value, String what) {
        if (value == null) return new LinkedHashMap<>();
        if (!(value instanceof Map<?, ?> m)) throw new ModuleException("build." + what + " must be a mapping");
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static Map<String, String> strings(Object value, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        map(value, what).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    private static List<String> list(Object value) {
        if (value == null) return List.of();
        if (value instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return List.of(value.toString());
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static boolean bool(Object value, boolean fallback) {
        if (value == null) return fallback;
        return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
    }
}
