package io.swarmplay.modules.docker.container;

import io.swarmplay.module.ModuleException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code volumes} and {@code mounts} as community.docker writes them: a bind or named volume
 * ({@code src:dst[:mode]}) becomes a {@code HostConfig.Binds} entry with mode {@code rw} by
 * default; a lone container path is an anonymous volume ({@code Config.Volumes}); mounts become
 * {@code HostConfig.Mounts}.
 */
final class Volumes {

    private static final Set<String> MODES = Set.of("rw", "ro", "z", "Z", "consistent", "delegated", "cached", "rprivate",
            "private", "rshared", "shared", "rslave", "slave", "nocopy");

    private Volumes() {
    }

    static boolean isMode(String text) {
        for (String part : text.split(",")) if (!MODES.contains(part)) return false;
        return true;
    }

    /**
     * community.docker's check that no container path is mounted twice, by {@code mounts} (first)
     * or {@code volumes} ({@code src:dst[:mode]} or an anonymous {@code /dst}).
     */
    static void checkCollisions(List<?> mounts, List<?> volumes) {
        Map<String, String> seen = new LinkedHashMap<>();
        if (mounts != null) for (Object m : mounts) collide(seen, ((Nested.Mount) m).target(), "mounts");
        if (volumes != null) {
            for (Object v : volumes) {
                String[] parts = String.valueOf(v).split(":");
                collide(seen, parts[Math.min(1, parts.length - 1)], "volumes");
            }
        }
    }

    private static void collide(Map<String, String> seen, String target, String option) {
        String before = seen.put(target, option);
        if (before == null) return;
        throw new ModuleException(before.equals(option)
                ? "The mount point \"" + target + "\" appears twice in the " + option + " option"
                : "The mount point \"" + target + "\" appears both in the " + option + " and " + before + " option");
    }

    static Object binds(Object declared) {
        if (declared == null) return null;
        List<String> binds = new ArrayList<>();
        for (Object o : (List<?>) declared) {
            String[] parts = String.valueOf(o).split(":");
            if (parts.length == 3) {
                if (!isMode(parts[2])) throw new ModuleException("Found invalid volumes mode: " + parts[2]);
                binds.add(String.join(":", parts));
            } else if (parts.length == 2 && !isMode(parts[1])) {
                binds.add(parts[0] + ":" + parts[1] + ":rw");
            }
        }
        return binds;
    }

    /** The binds, and the anonymous volumes as {@code Volumes}. */
    static void write(Map<String, Object> body, Object binds, OptionContext ctx) {
        ApiValues.put(body, "HostConfig.Binds", binds);
        Map<String, Object> anonymous = new LinkedHashMap<>();
        List<String> declared = ctx.options().get("volumes");
        for (String v : declared) {
            String[] parts = v.split(":");
            if (parts.length == 1 || parts.length == 2 && isMode(parts[1])) anonymous.put(v, Map.of());
        }
        if (!anonymous.isEmpty()) body.put("Volumes", anonymous);
    }

    static Object mounts(Object declared) {
        if (declared == null) return null;
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<?>) declared) {
            Nested.Mount m = (Nested.Mount) o;
            if (m.source() == null && !m.type().equals("tmpfs") && !m.type().equals("volume")) {
                throw new ModuleException("source must be specified for mount \"" + m.target() + "\" of type \"" + m.type() + "\"");
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("Target", m.target());
            if (m.source() != null) r.put("Source", m.source());
            r.put("Type", m.type());
            if (m.read_only() != null) r.put("ReadOnly", m.read_only());
            if (m.consistency() != null) r.put("Consistency", m.consistency());
            if (m.propagation() != null) r.put("BindOptions", Map.of("Propagation", m.propagation()));
            Map<String, Object> volume = new LinkedHashMap<>();
            if (m.no_copy() != null) volume.put("NoCopy", m.no_copy());
            if (m.labels() != null) volume.put("Labels", m.labels());
            if (m.volume_driver() != null) {
                Map<String, Object> driver = new LinkedHashMap<>();
                driver.put("Name", m.volume_driver());
                if (m.volume_options() != null) driver.put("Options", m.volume_options());
                volume.put("DriverConfig", driver);
            }
            if (!volume.isEmpty()) r.put("VolumeOptions", volume);
            Map<String, Object> tmpfs = new LinkedHashMap<>();
            if (m.tmpfs_size() != null) tmpfs.put("SizeBytes", ApiValues.bytes("tmpfs_size", m.tmpfs_size()));
            if (m.tmpfs_mode() != null) tmpfs.put("Mode", Integer.parseInt(m.tmpfs_mode(), 8));
            if (!tmpfs.isEmpty()) r.put("TmpfsOptions", tmpfs);
            out.add(r);
        }
        return out;
    }

    /**
     * The container's {@code HostConfig.Mounts} with the engine's omitted false values filled in
     * ({@code ReadOnly}, a volume's {@code NoCopy}), as community.docker reads them, so that a declared
     * {@code read_only: false} matches a writable mount and differs from a read-only one.
     */
    static Object inspectedMounts(Object inspected) {
        if (!(inspected instanceof List<?> mounts)) return inspected;
        List<Object> out = new ArrayList<>();
        for (Object o : mounts) {
            if (!(o instanceof Map<?, ?> mount)) {
                out.add(o);
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            mount.forEach((k, v) -> m.put(String.valueOf(k), v));
            m.putIfAbsent("ReadOnly", false);
            if ("volume".equals(m.get("Type"))) {
                Map<String, Object> volume = new LinkedHashMap<>();
                if (m.get("VolumeOptions") instanceof Map<?, ?> given) given.forEach((k, v) -> volume.put(String.valueOf(k), v));
                volume.putIfAbsent("NoCopy", false);
                m.put("VolumeOptions", volume);
            }
            out.add(m);
        }
        return out;
    }
}
