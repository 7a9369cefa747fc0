package io.swarmplay.connection.docker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * The Engine API's {@code EndpointConfig} of a connect request: only what is set, the fixed
     * addresses under {@code IPAMConfig} (where inspect reports them back).
     */
    public Map<String, Object> endpointConfig() {
        Map<String, Object> ipam = new LinkedHashMap<>();
        if (ipv4Address != null && !ipv4Address.isEmpty()) ipam.put("IPv4Address", ipv4Address);
        if (ipv6Address != null && !ipv6Address.isEmpty()) ipam.put("IPv6Address", ipv6Address);
        Map<String, Object> endpoint = new LinkedHashMap<>();
        if (!aliases.isEmpty()) endpoint.put("Aliases", aliases);
        if (!links.isEmpty()) endpoint.put("Links", links);
        if (!ipam.isEmpty()) endpoint.put("IPAMConfig", ipam);
        return endpoint;
    }
}
