package io.swarmplay.connection.docker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of an image build ({@code POST /build}), with community.docker's {@code build}
 * option names in the comments. Null means "the engine's default".
 *
 * @param tags        {@code t}: repo:tag names for the result
 * @param dockerfile  {@code dockerfile}, relative to the context
 * @param args        {@code args}: build arguments
 * @param cacheFrom   {@code cache_from}: images to take cache layers from
 * @param limits      {@code container_limits}: memory, memswap (bytes), cpushares, cpusetcpus
 * @param etcHosts    {@code etc_hosts}: host name to IP
 * @param labels      {@code labels} of the image
 * @param network     {@code network} of the build containers
 * @param nocache     {@code nocache}
 * @param platform    {@code platform}, e.g. linux/amd64
 * @param pull        {@code pull}: pull newer base images
 * @param rm          {@code rm}: remove intermediate containers
 * @param shmSize     {@code shm_size} in bytes
 * @param target      {@code target}: the stage to build
 */
public record ImageBuild(List<String> tags, String dockerfile, Map<String, String> args, List<String> cacheFrom,
                         Map<String, Object> limits, Map<String, String> etcHosts, Map<String, String> labels,
                         String network, boolean nocache, String platform, boolean pull, boolean rm, Long shmSize,
                         String target) {

    /** The query parameters of {@code POST /build}; a list value repeats its key. */
    Map<String, List<String>> query() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("t", tags);
        put(q, "dockerfile", dockerfile);
        if (args != null && !args.isEmpty()) put(q, "buildargs", EngineApi.json(args));
        if (cacheFrom != null && !cacheFrom.isEmpty()) put(q, "cachefrom", EngineApi.json(cacheFrom));
        if (limits != null) limits.forEach((k, v) -> put(q, k, v == null ? null : String.valueOf(v)));
        if (etcHosts != null && !etcHosts.isEmpty()) {
            List<String> hosts = new ArrayList<>();
            etcHosts.forEach((host, ip) -> hosts.add(host + ":" + ip));
            q.put("extrahosts", hosts);
        }
        if (labels != null && !labels.isEmpty()) put(q, "labels", EngineApi.json(labels));
        put(q, "networkmode", network);
        if (nocache) put(q, "nocache", "1");
        put(q, "platform", platform);
        if (pull) put(q, "pull", "1");
        put(q, "rm", rm ? "1" : "0");
        if (rm) put(q, "forcerm", "1");
        put(q, "shmsize", shmSize == null ? null : shmSize.toString());
        put(q, "target", target);
        return q;
    }

    private static void put(Map<String, List<String>> q, String key, String value) {
        if (value != null) q.put(key, List.of(value));
    }
}
