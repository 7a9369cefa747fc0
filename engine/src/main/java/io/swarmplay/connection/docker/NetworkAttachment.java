package io.swarmplay.connection.docker;

import java.util.List;

/**
 * A container's place on one network: desired (aliases and a fixed address to ask for) or
 * inspected (aliases as the engine reports them, which include the short container ID, and the
 * address it got).
 *
 * @param network     the network's name
 * @param aliases     DNS aliases on that network
 * @param ipv4Address the fixed address, or null to let the engine choose
 */
public record NetworkAttachment(String network, List<String> aliases, String ipv4Address) {

    public NetworkAttachment {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
