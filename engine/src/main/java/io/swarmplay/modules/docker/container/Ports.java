package io.swarmplay.modules.docker.container;

import io.swarmplay.module.ModuleException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code published_ports} as community.docker reads them: {@code [[ip:]host:]container[/proto]},
 * ports and ranges ({@code 9000-9001:9000-9001}), an IPv6 address in brackets; a binding without
 * an address gets the default one ({@code 0.0.0.0}, or {@code default_host_ip}).
 */
final class Ports {

    private Ports() {
    }

    static String normal(String port) {
        return port.contains("/") ? port : port + "/tcp";
    }

    /** Docker's {@code PortBindings}: {@code {"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}]}}. */
    static Map<String, Object> bindings(List<String> published, String defaultIp) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String spec : published) {
            if (spec.equals("all")) {
                throw new ModuleException("Specifying \"all\" in published_ports is no longer allowed. Set publish_all_ports to "
                        + "\"true\" instead to randomly assign port mappings for those not specified by published_ports.");
            }
            List<String> parts = split(spec);
            String last = parts.get(parts.size() - 1);
            String proto = last.contains("/") ? last.substring(last.indexOf('/') + 1) : "tcp";
            List<Integer> containerPorts = range(last.contains("/") ? last.substring(0, last.indexOf('/')) : last, spec);
            String ip = defaultIp;
            List<String> hostPorts;
            if (parts.size() == 1) {
                hostPorts = containerPorts.stream().map(p -> "").toList();
            } else if (parts.size() == 2) {
                hostPorts = hostPorts(parts.get(0), containerPorts.size(), spec);
            } else if (parts.size() == 3) {
                ip = parts.get(0).replaceAll("^\\[(.*)]$", "$1");
                if (!parts.get(0).matches("\\d+\\.\\d+\\.\\d+\\.\\d+|\\[[0-9a-fA-F:]+(?:%[^\\]/]+)?]")) {
                    throw new ModuleException("Bind addresses for published ports must be IPv4 or IPv6 addresses, not hostnames. "
                            + "Use the dig lookup to resolve hostnames. (Found hostname: " + parts.get(0) + ")");
                }
                hostPorts = parts.get(1).isEmpty() ? containerPorts.stream().map(p -> "").toList()
                        : hostPorts(parts.get(1), containerPorts.size(), spec);
            } else {
                throw new ModuleException("Invalid port description \"" + spec + "\" - expected 1 to 3 colon-separated parts, but got "
                        + parts.size() + ". Maybe you forgot to use square brackets ([...]) around an IPv6 address?");
            }
            for (int i = 0; i < containerPorts.size(); i++) {
                @SuppressWarnings("unchecked")
                List<Object> binds = (List<Object>) out.computeIfAbsent(containerPorts.get(i) + "/" + proto, k -> new ArrayList<>());
                Map<String, Object> bind = new LinkedHashMap<>();
                bind.put("HostIp", ip);
                bind.put("HostPort", hostPorts.get(i));
                binds.add(bind);
            }
        }
        return out;
    }

    /** The {@code port/proto} of each published port not already in {@code exposed}. */
    static List<String> exposedBy(List<String> published, Set<String> exposed) {
        List<String> out = new ArrayList<>();
        for (String key : bindings(published, "0.0.0.0").keySet()) if (!exposed.contains(key)) out.add(key);
        return out;
    }

    /**
     * The host port of each container port: for one container port the text as given (a host range
     * lets the engine pick a free port of it), else the host range's ports one by one.
     */
    private static List<String> hostPorts(String text, int count, String spec) {
        List<Integer> ports = range(text, spec);
        if (count == 1) return List.of(text);
        if (ports.size() != count) throw new ModuleException("Invalid port range in \"" + spec + "\": host and container ranges differ in size");
        return ports.stream().map(String::valueOf).toList();
    }

    private static List<Integer> range(String text, String spec) {
        try {
            if (!text.contains("-")) return List.of(port(text));
            String[] ends = text.split("-");
            int start = port(ends[0]);
            int end = port(ends[1]);
            if (end < start) throw new NumberFormatException();
            List<Integer> out = new ArrayList<>();
            for (int p = start; p <= end; p++) out.add(p);
            return out;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new ModuleException("Invalid port: \"" + text + "\" in \"" + spec + "\" (a port is a number from 0 to 65535)");
        }
    }

    // what the Docker engine accepts: the check before the plan shows a create
    private static int port(String text) {
        int port = Integer.parseInt(text);
        if (port < 0 || port > 65535) throw new NumberFormatException();
        return port;
    }

    /** Splits on {@code :}, keeping {@code [ipv6]} in one piece; a {@code [} never closed fails as community.docker's does. */
    private static List<String> split(String spec) {
        for (int open = spec.indexOf('['); open >= 0; open = spec.indexOf('[', spec.indexOf(']', open))) {
            if (spec.indexOf(']', open) < 0) {
                throw new ModuleException("Cannot find closing \"]\" in input \"" + spec + "\" for opening \"[\" at index " + (open + 1) + "!");
            }
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean bracket = false;
        for (char c : spec.toCharArray()) {
            if (c == '[') bracket = true;
            if (c == ']') bracket = false;
            if (c == ':' && !bracket) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
