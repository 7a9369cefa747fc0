package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Become;
import io.swarmplay.connection.ConnectionSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the ssh connection reads from a host's {@link ConnectionSettings}, resolved once.
 *
 * @param hostName        inventory name, for messages and {@code swarmplay trust}
 * @param address         where to connect
 * @param port            TCP port
 * @param user            login user ({@code ansible_user}, else the current user)
 * @param keyFiles        private keys to offer, in order ({@code ansible_ssh_private_key_file}, else
 *                        the existing default keys in {@code ~/.ssh})
 * @param knownHosts      known_hosts files to check, in order: {@code UserKnownHostsFile=} from
 *                        {@code ansible_ssh_common_args}/{@code ansible_ssh_extra_args}, then
 *                        {@code ssh_known_hosts}, then {@code ~/.ssh/known_hosts}; new keys are
 *                        recorded into the first
 * @param hostKeyPolicy   {@code host_key_checking}, else {@code -o StrictHostKeyChecking=}, else strict
 * @param connectTimeout  TCP connect and handshake timeout
 * @param maxSessions     concurrent session channels allowed ({@code ssh_max_sessions}, default 10)
 * @param escalation      how commands run as another user ({@link Become}), or null without become
 */
record SshOptions(String hostName, String address, int port, String user, List<Path> keyFiles,
                  List<Path> knownHosts, HostKeyPolicy hostKeyPolicy, Duration connectTimeout,
                  int maxSessions, Become escalation) {

    static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    SshOptions {
        keyFiles = List.copyOf(keyFiles);
        knownHosts = List.copyOf(knownHosts);
    }

    /** Resolves the options; bad values are an {@link IllegalArgumentException} naming the variable. */
    static SshOptions from(ConnectionSettings s) {
        Map<String, Object> vars = s.vars() == null ? Map.of() : s.vars();
        SshArgs args = SshArgs.parse(vars);
        String user = s.user() != null && !s.user().isBlank() ? s.user() : System.getProperty("user.name");
        Duration timeout = s.timeout() == null || s.timeout().isZero() ? Duration.ofSeconds(10) : s.timeout();
        return new SshOptions(s.hostName(), s.address(), s.port() > 0 ? s.port() : 22, user, keyFiles(s.keyFile()),
                knownHosts(args, vars), policy(args, vars), timeout, maxSessions(vars), Become.from(vars));
    }

    /** {@code user@address:port}, as messages name the target. */
    String target() {
        return user + "@" + address + ":" + port;
    }

    /** {@code address:port}. */
    String endpoint() {
        return address + ":" + port;
    }

    boolean become() {
        return escalation != null;
    }

    /** The user commands run as under become, or null without become. */
    String becomeUser() {
        return escalation == null ? null : escalation.user();
    }

    private static List<Path> keyFiles(String keyFile) {
        if (keyFile != null && !keyFile.isBlank()) return List.of(expandHome(keyFile));
        List<Path> found = new ArrayList<>();
        for (String name : DEFAULT_KEYS) {
            Path p = sshDir().resolve(name);
            if (Files.isRegularFile(p)) found.add(p);
        }
        return found;
    }

    private static List<Path> knownHosts(SshArgs args, Map<String, Object> vars) {
        Set<Path> files = new LinkedHashSet<>();
        args.userKnownHostsFiles().forEach(f -> files.add(expandHome(f)));
        Object inventoryFile = vars.get("ssh_known_hosts");
        if (inventoryFile != null && !String.valueOf(inventoryFile).isBlank()) {
            files.add(expandHome(String.valueOf(inventoryFile)));
        }
        files.add(sshDir().resolve("known_hosts"));
        return List.copyOf(files);
    }

    private static HostKeyPolicy policy(SshArgs args, Map<String, Object> vars) {
        Object value = vars.getOrDefault("host_key_checking", vars.get("ansible_host_key_checking"));
        if (value != null) return HostKeyPolicy.parse(value);
        return args.strictHostKeyChecking() == null ? HostKeyPolicy.STRICT
                : HostKeyPolicy.parse(args.strictHostKeyChecking());
    }

    private static int maxSessions(Map<String, Object> vars) {
        Object value = vars.get("ssh_max_sessions");
        if (value == null) return 10;
        try {
            int n = Integer.parseInt(String.valueOf(value).trim());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ssh_max_sessions must be a positive integer, not '" + value + "'");
        }
    }

    static boolean truthy(Object value) {
        if (value == null) return false;
        if (value instanceof Boolean b) return b;
        String v = String.valueOf(value).trim().toLowerCase(java.util.Locale.ROOT);
        return v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("1");
    }

    static Path sshDir() {
        return Path.of(System.getProperty("user.home"), ".ssh");
    }

    static Path expandHome(String path) {
        if (path.equals("~")) return Path.of(System.getProperty("user.home"));
        if (path.startsWith("~/")) return Path.of(System.getProperty("user.home"), path.substring(2));
        return Path.of(path);
    }
}
