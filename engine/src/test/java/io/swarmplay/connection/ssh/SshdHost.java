package io.swarmplay.connection.ssh;

import io.swarmplay.connection.ConnectionSettings;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenSSH server for integration tests: {@code /usr/sbin/sshd -D -e -f <cfg>} on a
 * 127.0.0.x address (x ≥ 30) and a free port, with its own host keys, a client key and a
 * known_hosts file in a temporary directory, {@code UsePAM no}, public-key login only,
 * {@code StrictModes no}, {@code Subsystem sftp internal-sftp} and sshd's default
 * {@code MaxSessions} (10), so the client's session semaphore is exercised.
 *
 * <p>It logs in a dedicated user, {@value #USER}, created here with {@code useradd -m -s /bin/sh}
 * when missing (its password field set to {@code *}: without PAM, sshd refuses locked accounts,
 * and useradd creates them locked): root's {@code .bashrc} on this machine runs pyenv and costs 130–280 ms per command,
 * and a plain {@code /bin/sh} login shell reads no rc file. Needs root (useradd, sshd, sudoers).
 * {@link #close()} kills sshd and its session processes and deletes the directory.
 */
final class SshdHost implements AutoCloseable {

    static final String USER = "swarmplay-it";
    static final String HOST_NAME = "it-host";

    final Path dir;
    final String address;
    final int port;
    final Path clientKey;
    final Path knownHosts;
    final Path work;
    private Process sshd;

    private SshdHost(Path dir, String address, int port) {
        this.dir = dir;
        this.address = address;
        this.port = port;
        this.clientKey = dir.resolve("client_ed25519");
        this.knownHosts = dir.resolve("known_hosts");
        this.work = dir.resolve("work");
    }

    /** Starts an sshd on {@code address} with the given host key types (e.g. ed25519, ecdsa). */
    static SshdHost start(String address, String... hostKeyTypes) throws IOException, InterruptedException {
        return startForGroups(address, List.of(), hostKeyTypes);
    }

    /**
     * Starts an sshd like {@link #start} whose user {@value #USER} is also a member of
     * {@code groups} (e.g. {@code docker}, for the engine's socket); the user is created first
     * when missing, so this holds on a machine where no test ran before.
     */
    static SshdHost startForGroups(String address, List<String> groups, String... hostKeyTypes)
            throws IOException, InterruptedException {
        ensureUser();
        for (String group : groups) addToGroup(group);
        Path dir = Files.createTempDirectory("swarmplay-sshd-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        SshdHost host = new SshdHost(dir, address, freePort(address));
        host.prepare(hostKeyTypes.length == 0 ? new String[] {"ed25519"} : hostKeyTypes);
        host.launch();
        return host;
    }

    private void prepare(String[] hostKeyTypes) throws IOException, InterruptedException {
        StringBuilder known = new StringBuilder();
        StringBuilder keys = new StringBuilder();
        for (String type : hostKeyTypes) {
            Path key = keygen(type, "host_" + type);
            known.append(HostKeys.hostPattern(address, port)).append(' ').append(publicKey(key)).append('\n');
            keys.append("HostKey ").append(key).append('\n');
        }
        Files.writeString(knownHosts, known);
        keygen("ed25519", "client_ed25519");
        Files.copy(dir.resolve("client_ed25519.pub"), dir.resolve("authorized_keys"));
        Files.writeString(dir.resolve("sshd_config"), config(keys.toString()));
        Files.createDirectories(work);
        chownToUser(work);
    }

    private String config(String hostKeys) {
        return "ListenAddress " + address + ":" + port + "\n" + hostKeys
                + "PidFile " + dir.resolve("sshd.pid") + "\n"
                + "AuthorizedKeysFile " + dir.resolve("authorized_keys") + "\n"
                + "UsePAM no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
                + "PubkeyAuthentication yes\nStrictModes no\nUseDNS no\nAllowUsers " + USER + "\n"
                + "Subsystem sftp internal-sftp\n";
    }

    private void launch() throws IOException, InterruptedException {
        Files.createDirectories(Path.of("/run/sshd"));
        sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!sshd.isAlive()) throw new IllegalStateException("sshd exited: " + log());
            if (accepts()) return;
            Thread.sleep(20);
        }
        throw new IllegalStateException("sshd did not listen on " + address + ":" + port + ": " + log());
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String log() throws IOException {
        Path log = dir.resolve("sshd.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Settings for {@value #USER} with the client key and this host's known_hosts, plus {@code vars}. */
    ConnectionSettings settings(Map<String, Object> vars) {
        Map<String, Object> all = new HashMap<>();
        all.put("ssh_known_hosts", knownHosts.toString());
        all.putAll(vars);
        all.values().removeIf(v -> v == null);
        return new ConnectionSettings(HOST_NAME, "ssh", address, port, USER, clientKey.toString(),
                Duration.ofSeconds(5), all);
    }

    ConnectionSettings settings() {
        return settings(Map.of());
    }

    /** This host as an entry of a YAML inventory's {@code hosts:} (indented for {@code all.children.G.hosts}), with {@code work}. */
    String inventoryEntry(String name) {
        return "        " + name + ":\n          ansible_host: " + address + "\n          ansible_port: " + port
                + "\n          ansible_ssh_private_key_file: " + clientKey + "\n          ssh_known_hosts: " + knownHosts
                + "\n          work: " + work + "\n";
    }

    /** The host's public key line ({@code ssh-ed25519 AAAA...}) for {@code type}. */
    String hostPublicKey(String type) throws IOException {
        return publicKey(dir.resolve("host_" + type));
    }

    /** {@code SHA256:...} of the host key, as ssh-keygen computes it. */
    String hostFingerprint(String type) throws IOException, InterruptedException {
        String out = run("ssh-keygen", "-l", "-f", dir.resolve("host_" + type + ".pub").toString());
        return out.split("\\s+")[1];
    }

    /** Creates a key pair {@code name}/{@code name.pub} in the directory (optionally with a passphrase). */
    Path keygen(String type, String name, String passphrase) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        run("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", name, "-f", key.toString());
        return key;
    }

    Path keygen(String type, String name) throws IOException, InterruptedException {
        return keygen(type, name, "");
    }

    /** Starts sshd again, with the same keys, address and port, after {@link #kill()}. */
    void restart() throws IOException, InterruptedException {
        launch();
    }

    /** Kills sshd and every process it started (the per-connection session processes too). */
    void kill() {
        if (sshd == null) return;
        List<ProcessHandle> all = new ArrayList<>(sshd.descendants().toList());
        all.add(sshd.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) p.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(x -> p).join();
    }

    @Override
    public void close() throws IOException {
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static String publicKey(Path privateKey) throws IOException {
        String[] parts = Files.readString(Path.of(privateKey + ".pub")).trim().split("\\s+");
        return parts[0] + " " + parts[1];
    }

    static void chownToUser(Path path) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(path, users.lookupPrincipalByName(USER));
    }

    /** Runs a local command, returns stdout, fails on a non-zero status. */
    static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", argv) + " failed: " + out);
        return out;
    }

    private static synchronized void ensureUser() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u", USER).redirectErrorStream(true).start();
        id.getInputStream().readAllBytes();
        if (id.waitFor() != 0) run("useradd", "-m", "-s", "/bin/sh", USER);
        // useradd leaves the password field "!" (locked), and sshd without PAM refuses locked accounts
        run("usermod", "-p", "*", USER);
    }

    private static void addToGroup(String group) throws IOException, InterruptedException {
        Process getent = new ProcessBuilder("getent", "group", group).redirectErrorStream(true).start();
        getent.getInputStream().readAllBytes();
        if (getent.waitFor() != 0) {
            throw new IllegalStateException("group '" + group + "' does not exist on this machine: "
                    + "scripts/test installs what creates it (docker.io for 'docker')");
        }
        run("usermod", "-aG", group, USER);
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(address, 0));
            return s.getLocalPort();
        }
    }
}
