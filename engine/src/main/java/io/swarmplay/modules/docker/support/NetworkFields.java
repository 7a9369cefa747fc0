package io.swarmplay.modules.docker.support;

import io.swarmplay.modules.docker.DockerNetworkModule.Args;
import io.swarmplay.modules.docker.DockerNetworkModule.Ipam;
import io.swarmplay.modules.docker.container.ApiValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code docker_network}'s option table: each setting with where the engine's inspect output
 * keeps it and how community.docker compares it (only when declared; maps key by key; IPAM
 * pools matched as a set, each field named {@code ipam_config[i].subnet}); and the create request.
 */
public final class NetworkFields {

    /** One compared setting: the declared value, and the network's at an inspect path. */
    private record Field(String name, Function<Args, Object> declared, String path) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("driver", a -> a.driver() == null ? "bridge" : a.driver(), "Driver"),
            new Field("driver_options", Args::driver_options, "Options"),
            new Field("ipam_driver", Args::ipam_driver, "IPAM.Driver"),
            new Field("ipam_driver_options", Args::ipam_driver_options, "IPAM.Options"),
            new Field("enable_ipv6", Args::enable_ipv6, "EnableIPv6"),
            new Field("internal", Args::internal, "Internal"),
            new Field("scope", a -> a.scope() == null || a.scope().isEmpty() ? null : a.scope(), "Scope"),
            new Field("attachable", Args::attachable, "Attachable"),
            new Field("labels", Args::labels, "Labels"));

    private static final Map<String, String> IPAM_KEYS = Map.of("subnet", "Subnet", "iprange", "IPRange", "gateway", "Gateway",
            "aux_addresses", "AuxiliaryAddresses");

    private NetworkFields() {
    }

    private static final java.util.regex.Pattern CIDR = java.util.regex.Pattern.compile(
            "(?:\\d{1,3}\\.){3}\\d{1,3}/(?:[0-9]|[1-2][0-9]|3[0-2])|[0-9a-fA-F:]+/(?:[0-9]|[1-9][0-9]|1[0-2][0-9])");

    /** community.docker's check of each pool's subnet and iprange. */
    public static void validate(Args args) {
        if (args.pools() == null) return;
        for (Ipam p : args.pools()) {
            for (String cidr : java.util.Arrays.asList(p.subnet(), p.iprange())) {
                if (cidr != null && !CIDR.matcher(cidr).matches()) {
                    throw new io.swarmplay.module.ModuleException("\"" + cidr + "\" is not a valid CIDR");
                }
            }
        }
    }

    public static List<io.swarmplay.module.Diff.FieldChange> differences(Args args, Map<String, Object> net) {
        List<io.swarmplay.module.Diff.FieldChange> out = new ArrayList<>();
        for (Field f : FIELDS) {
            Object wanted = f.declared().apply(args);
            if (wanted == null) continue;
            Object actual = ApiValues.get(net, f.path());
            if (wanted instanceof Map<?, ?> m) {
                Map<?, ?> has = actual instanceof Map<?, ?> a ? a : Map.of();
                boolean strict = f.name().equals("ipam_driver_options");
                m.forEach((k, v) -> {
                    if (!Objects.equals(String.valueOf(v), has.get(k) == null ? null : String.valueOf(has.get(k)))) {
                        out.add(change(f.name() + "." + k, has.get(k), v));
                    }
                });
                if (strict && !has.keySet().equals(m.keySet())) out.add(change(f.name(), has, m));
            } else if (!Objects.equals(wanted, actual == null && wanted instanceof Boolean ? Boolean.FALSE : actual)) {
                out.add(change(f.name(), actual, wanted));
            }
        }
        if (args.pools() != null && !args.pools().isEmpty()) ipam(args.pools(), net, out);
        return out;
    }

    private static void ipam(List<Ipam> pools, Map<String, Object> net, List<io.swarmplay.module.Diff.FieldChange> out) {
        List<Map<String, Object>> actual = new ArrayList<>();
        if (ApiValues.get(net, "IPAM.Config") instanceof List<?> l) {
            for (Object o : l) if (o instanceof Map<?, ?> m) actual.add(normal(m));
        }
        if (actual.isEmpty()) {
            out.add(change("ipam_config", "(engine's choice)", pools.size() + " pool(s)"));
            return;
        }
        for (int i = 0; i < pools.size(); i++) {
            Map<String, Object> wanted = declared(pools.get(i));
            // the pool that matches; for the message, else the one at the same place
            Map<String, Object> fallback = i < actual.size() ? actual.get(i) : Map.of();
            Map<String, Object> match = actual.stream().filter(a -> essentiallyEqual(wanted, a)).findFirst().orElse(fallback);
            for (Map.Entry<String, Object> e : wanted.entrySet()) {
                if (!Objects.equals(e.getValue(), match.get(e.getKey()))) {
                    out.add(change("ipam_config[" + i + "]." + e.getKey(), match.get(e.getKey()), e.getValue()));
                }
            }
        }
    }

    private static Map<String, Object> declared(Ipam p) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (p.subnet() != null) m.put("subnet", p.subnet());
        if (p.iprange() != null) m.put("iprange", p.iprange());
        if (p.gateway() != null) m.put("gateway", p.gateway());
        if (p.aux_addresses() != null) m.put("aux_addresses", p.aux_addresses());
        return m;
    }

    private static Map<String, Object> normal(Map<?, ?> engine) {
        Map<String, Object> m = new LinkedHashMap<>();
        IPAM_KEYS.forEach((ours, theirs) -> {
            if (engine.get(theirs) != null) m.put(ours, engine.get(theirs));
        });
        return m;
    }

    /** community.docker's {@code dicts_are_essentially_equal}: equal on every key either side sets. */
    private static boolean essentiallyEqual(Map<String, Object> a, Map<String, Object> b) {
        for (Map.Entry<String, Object> e : a.entrySet()) if (!Objects.equals(e.getValue(), b.get(e.getKey()))) return false;
        for (Map.Entry<String, Object> e : b.entrySet()) if (!Objects.equals(e.getValue(), a.get(e.getKey()))) return false;
        return true;
    }

    private static io.swarmplay.module.Diff.FieldChange change(String field, Object before, Object after) {
        return new io.swarmplay.module.Diff.FieldChange(field, before == null ? "(unset)" : String.valueOf(before), String.valueOf(after));
    }

    /** The Engine API create request ({@code POST /networks/create}). */
    public static Map<String, Object> createBody(Args args) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Name", args.name());
        body.put("CheckDuplicate", true);
        body.put("Driver", args.driver() == null ? "bridge" : args.driver());
        if (args.driver_options() != null) body.put("Options", args.driver_options());
        Map<String, Object> ipam = new LinkedHashMap<>();
        ipam.put("Driver", args.ipam_driver() == null ? "default" : args.ipam_driver());
        if (args.ipam_driver_options() != null) ipam.put("Options", args.ipam_driver_options());
        List<Map<String, Object>> pools = new ArrayList<>();
        if (args.pools() != null) {
            for (Ipam p : args.pools()) {
                Map<String, Object> pool = new LinkedHashMap<>();
                declared(p).forEach((k, v) -> pool.put(IPAM_KEYS.get(k), v));
                pools.add(pool);
            }
        }
        ipam.put("Config", pools);
        body.put("IPAM", ipam);
        if (args.enable_ipv6() != null) body.put("EnableIPv6", args.enable_ipv6());
        if (args.internal() != null) body.put("Internal", args.internal());
        if (args.labels() != null) body.put("Labels", args.labels());
        if (args.scope() != null && !args.scope().isEmpty()) body.put("Scope", args.scope());
        if (args.attachable() != null) body.put("Attachable", args.attachable());
        return body;
    }

    /** The names of the containers attached ({@code Containers.*.Name}). */
    public static List<String> containerNames(Map<String, Object> net) {
        return containers(net).values().stream().map(c -> c instanceof Map<?, ?> m ? String.valueOf(m.get("Name")) : "").toList();
    }

    public static List<String> containerIds(Map<String, Object> net) {
        return new ArrayList<>(containers(net).keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> containers(Map<String, Object> net) {
        return net != null && net.get("Containers") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
