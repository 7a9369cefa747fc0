package io.swarmplay.connection.docker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A container's place on one network: desired (aliases, links and fixed addresses to ask for) or
 * inspected (aliases as the engine reports them, which include the short container ID, and the
 * address it got).
 *
 * @param network     the network's name
 * @param aliases     DNS aliases on that network
 * @param ipv4Address the fixed IPv4 address, or null to let the engine choose
 * @param ipv6Address the fixed IPv6 address, or null to let the engine choose
 * @param links       links to other containers on that network, each {@code container:alias}
 */
public record NetworkAttachment(String network, List<String> aliases, String ipv4Address, String ipv6Address,
                                List<String> links) {

    public NetworkAttachment {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        links = links == null ? List.of() : List.copyOf(links);
    }

    public NetworkAttachment(String network, List<String> aliases, String ipv4Address) {
        this(network, aliases, ipv4Address, null, List.of());
    }

    /**
     * Each setting of an attachment and its path in the Engine API's {@code EndpointConfig}, which
     * is also where inspect reports it back ({@code NetworkSettings.Networks[name]}).
     */
    public enum Setting {
        IPV4_ADDRESS("IPAMConfig.IPv4Address", NetworkAttachment::ipv4Address),
        IPV6_ADDRESS("IPAMConfig.IPv6Address", NetworkAttachment::ipv6Address),
        ALIASES("Aliases", NetworkAttachment::aliases),
        LINKS("Links", NetworkAttachment::links);

        private final String path;
        private final Function<NetworkAttachment, Object> value;

        Setting(String path, Function<NetworkAttachment, Object> value) {
            this.path = path;
            this.value = value;
        }

        public String path() {
            return path;
        }

        /** The attachment's value, or null when it leaves this setting to the engine (unset or empty). */
        public Object of(NetworkAttachment attachment) {
            Object v = value.apply(attachment);
            return v == null || "".equals(v) || v instanceof List<?> l && l.isEmpty() ? null : v;
        }
    }

    /** The {@code EndpointConfig} of a connect request: only the settings given. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> endpointConfig() {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            Object v = s.of(this);
            if (v == null) continue;
            String[] parts = s.path().split("\\.");
            Map<String, Object> at = endpoint;
            for (int i = 0; i < parts.length - 1; i++) {
                at = (Map<String, Object>) at.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
            }
            at.put(parts[parts.length - 1], v);
        }
        return endpoint;
    }
}
