package io.swarmplay.modules.docker.container;

import io.swarmplay.module.ModuleException;
import io.swarmplay.modules.support.Words;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** community.docker's preprocessing of declared values into Engine API values, one method per option kind. */
final class Conversions {

    private Conversions() {
    }

    static Object bytes(String option, Object declared) {
        return declared == null ? null : ApiValues.bytes(option, declared);
    }

    /** {@code command}: with command_handling {@code correct} a string is split like a shell and a list kept; else both are joined and split. */
    static Object command(Object declared, OptionContext ctx) {
        if (declared == null) return null;
        if (ctx.commandHandling().equals("correct")) {
            return declared instanceof List<?> l ? strings(l) : Words.split(String.valueOf(declared));
        }
        String line = declared instanceof List<?> l ? String.join(" ", strings(l)) : String.valueOf(declared);
        List<String> words = Words.split(line);
        return words.isEmpty() ? null : words;
    }

    static Object entrypoint(Object declared, OptionContext ctx) {
        if (declared == null) return null;
        List<String> list = strings((List<?>) declared);
        if (ctx.commandHandling().equals("correct")) return list;
        List<String> words = Words.split(String.join(" ", list));
        return words.isEmpty() ? null : words;
    }

    private static List<String> strings(List<?> l) {
        return l.stream().map(String::valueOf).toList();
    }

    /** {@code env_file} (read on the host) then {@code env}, as {@code KEY=value} entries; values must be strings. */
    static Object env(Object declared, OptionContext ctx) {
        Map<String, String> env = new LinkedHashMap<>();
        String file = ctx.options().get("env_file");
        if (file != null) env.putAll(envFile(new String(ctx.host().read(file), StandardCharsets.UTF_8)));
        Map<String, Object> given = ctx.options().get("env");
        if (given != null) {
            given.forEach((k, v) -> {
                if (!(v instanceof String)) {
                    throw new ModuleException("Non-string value found for env option. Ambiguous env options must be wrapped in "
                            + "quotes to avoid them being interpreted. Key: " + k);
                }
                env.put(k, (String) v);
            });
        }
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** Docker's env file: {@code KEY=value} lines, {@code #} comments and blank lines skipped, a bare {@code KEY} dropped. */
    static Map<String, String> envFile(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq > 0) env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return env;
    }

    /** The image's env with the declared entries over it. */
    static Object expectedEnv(Object api, OptionContext ctx) {
        Map<String, String> env = ApiValues.envMap(ctx.imageConfig("Env"));
        env.putAll(ApiValues.envMap(api));
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    static Object stringValues(Object declared) {
        if (declared == null) return null;
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<?, ?>) declared).forEach((k, v) -> out.put(String.valueOf(k), booleanText(v)));
        return out;
    }

    /** A map's values as Python's {@code to_text} writes them ({@code True}), as community.docker sends log_options. */
    static Object pythonTexts(Object declared) {
        if (declared == null) return null;
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<?, ?>) declared).forEach((k, v) -> out.put(String.valueOf(k), pythonText(v)));
        return out;
    }

    /** Python's {@code to_text} of a YAML scalar: booleans {@code True}/{@code False}, the rest as written. */
    static String pythonText(Object v) {
        return v instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(v);
    }

    /** As community.docker sends booleans in label and option maps: {@code true}/{@code false}. */
    private static String booleanText(Object v) {
        return v instanceof Boolean b ? (b ? "true" : "false") : String.valueOf(v);
    }

    /** With image_label_mismatch {@code ignore}, the image's labels are expected too. */
    static Object expectedLabels(Object api, OptionContext ctx) {
        Map<String, Object> labels = new LinkedHashMap<>();
        if (ctx.imageLabelMismatch().equals("ignore") && ctx.imageConfig("Labels") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> labels.put(String.valueOf(k), v));
        }
        if (api instanceof Map<?, ?> m) m.forEach((k, v) -> labels.put(String.valueOf(k), v));
        return labels;
    }

    /**
     * community.docker 3.4.7: labels compared strictly with {@code image_label_mismatch: fail} fail
     * the task when the image brings labels the task does not declare (they could not be removed).
     */
    static void labelsMismatch(String mode, OptionContext ctx) {
        if (!Comparison.STRICT.equals(mode) || !"fail".equals(ctx.imageLabelMismatch())) return;
        if (!(ctx.imageConfig("Labels") instanceof Map<?, ?> image)) return;
        Map<?, ?> declared = ctx.options().get("labels") instanceof Map<?, ?> m ? m : Map.of();
        List<String> extra = image.keySet().stream().map(String::valueOf).filter(k -> !declared.containsKey(k)).map(k -> "\"" + k + "\"").toList();
        if (!extra.isEmpty()) {
            throw new ModuleException("Some labels should be removed but are present in the base image. You can set image_label_mismatch to "
                    + "'ignore' to ignore this error. Labels: " + String.join(", ", extra));
        }
    }

    static Object etcHosts(Object declared) {
        if (declared == null) return null;
        List<String> out = new ArrayList<>();
        ((Map<?, ?>) declared).forEach((k, v) -> out.add(k + ":" + v));
        return out;
    }

    /** {@code /dev/host[:/dev/container[:rwm]]} as Docker's device mappings. */
    static Object devices(Object declared) {
        if (declared == null) return null;
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<?>) declared) {
            String[] parts = String.valueOf(o).split(":");
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("PathOnHost", parts[0]);
            d.put("PathInContainer", parts.length > 1 ? parts[1] : parts[0]);
            d.put("CgroupPermissions", parts.length > 2 ? parts[2] : "rwm");
            out.add(d);
        }
        return out;
    }

    static Object rates(Object declared, boolean bytes, String option) {
        if (declared == null) return null;
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<?>) declared) {
            Map<String, Object> d = new LinkedHashMap<>();
            if (o instanceof Nested.DeviceRate r) {
                d.put("Path", r.path());
                d.put("Rate", bytes ? ApiValues.bytes(option, r.rate()) : Long.parseLong(r.rate()));
            } else if (o instanceof Nested.DeviceIops r) {
                d.put("Path", r.path());
                d.put("Rate", r.rate());
            }
            out.add(d);
        }
        return out;
    }

    static Object deviceRequests(Object declared) {
        if (declared == null) return null;
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<?>) declared) {
            Nested.DeviceRequest r = (Nested.DeviceRequest) o;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("Driver", r.driver());
            d.put("Count", r.count());
            d.put("DeviceIDs", r.device_ids());
            d.put("Capabilities", r.capabilities());
            d.put("Options", r.options());
            out.add(d);
        }
        return out;
    }

    /** {@code test} as Docker's list ({@code CMD-SHELL} for a string), durations in nanoseconds; no test disables it. */
    static Object healthcheck(Object declared) {
        if (declared == null) return null;
        Nested.Healthcheck h = (Nested.Healthcheck) declared;
        Map<String, Object> out = new LinkedHashMap<>();
        if (h.test() == null || h.test() instanceof String s && s.isEmpty() || h.test() instanceof List<?> l && l.isEmpty()) {
            out.put("Test", List.of("NONE"));
            return out;
        }
        out.put("Test", h.test() instanceof List<?> l ? strings(l) : List.of("CMD-SHELL", String.valueOf(h.test())));
        if (h.interval() != null) out.put("Interval", ApiValues.nanos("healthcheck.interval", h.interval()));
        if (h.timeout() != null) out.put("Timeout", ApiValues.nanos("healthcheck.timeout", h.timeout()));
        if (h.start_period() != null) out.put("StartPeriod", ApiValues.nanos("healthcheck.start_period", h.start_period()));
        if (h.retries() != null) out.put("Retries", h.retries());
        return out;
    }

    static Object inspectedHealthcheck(Object value) {
        if (!(value instanceof Map<?, ?> m) || List.of("NONE").equals(m.get("Test"))) return Map.of("Test", List.of("NONE"));
        return value;
    }

    /** {@code /path[:options]} entries as Docker's {@code Tmpfs} map. */
    static Object tmpfs(Object declared) {
        if (declared == null) return null;
        Map<String, String> out = new LinkedHashMap<>();
        for (Object o : (List<?>) declared) {
            String s = String.valueOf(o);
            int colon = s.indexOf(':');
            out.put(colon < 0 ? s : s.substring(0, colon), colon < 0 ? "" : s.substring(colon + 1));
        }
        return out;
    }

    /** {@code nofile:1024[:2048]} entries as Docker's ulimits. */
    static Object ulimits(Object declared) {
        if (declared == null) return null;
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<?>) declared) {
            String[] pieces = String.valueOf(o).split(":");
            Map<String, Object> limit = new LinkedHashMap<>();
            try {
                if (pieces.length >= 2) {
                    limit.put("Name", pieces[0]);
                    limit.put("Soft", Long.parseLong(pieces[1]));
                    limit.put("Hard", Long.parseLong(pieces.length == 3 ? pieces[2] : pieces[1]));
                }
            } catch (NumberFormatException e) {
                throw new ModuleException("ulimits: '" + o + "' is not NAME:SOFT[:HARD] with numbers");
            }
            out.add(limit);
        }
        return out;
    }

    /** {@code container[:alias]} as Docker's {@code /container:/name/alias}. */
    static Object links(Object declared, OptionContext ctx) {
        if (declared == null) return null;
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) declared) {
            String[] parts = String.valueOf(o).split(":", 2);
            out.add("/" + parts[0] + ":/" + ctx.containerName() + "/" + (parts.length == 2 ? parts[1] : parts[0]));
        }
        return out;
    }

    /** {@code container:NAME} as {@code container:ID}, as the engine shows it. */
    static Object containerRef(Object declared, OptionContext ctx) {
        if (!(declared instanceof String s) || !s.startsWith("container:")) return declared;
        String ref = s.substring("container:".length());
        return ctx.docker().inspect(io.swarmplay.connection.docker.DockerObject.CONTAINER, ref)
                .map(c -> "container:" + c.get("Id")).orElse(s);
    }

    /** The exposed ports: the declared ones and every published one, as {@code port/proto}. */
    static Object exposed(Object declared, OptionContext ctx) {
        Set<String> ports = new LinkedHashSet<>();
        if (declared != null) {
            for (Object o : (List<?>) declared) ports.add(Ports.normal(String.valueOf(o).strip()));
        }
        List<String> published = ctx.options().get("published_ports");
        if (published != null) ports.addAll(Ports.exposedBy(published, ports));
        return new ArrayList<>(ports);
    }

    static Object expectedExposed(Object api, OptionContext ctx) {
        Set<String> ports = new LinkedHashSet<>();
        if (ctx.imageConfig("ExposedPorts") instanceof Map<?, ?> m) m.keySet().forEach(k -> ports.add(Ports.normal(String.valueOf(k))));
        if (api instanceof List<?> l) l.forEach(p -> ports.add(String.valueOf(p)));
        return new ArrayList<>(ports);
    }

    static Object inspectedExposed(Object value) {
        if (!(value instanceof Map<?, ?> m)) return List.of();
        return m.keySet().stream().map(k -> Ports.normal(String.valueOf(k))).toList();
    }

    static void writeExposed(Map<String, Object> body, Object api) {
        Map<String, Object> ports = new LinkedHashMap<>();
        for (Object p : (List<?>) api) ports.put(String.valueOf(p), Map.of());
        body.put("ExposedPorts", ports);
    }
}
