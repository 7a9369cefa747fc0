package io.swarmplay.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Two (or more) isolated test hosts for end-to-end tests: Docker-in-Docker containers on this
 * machine's Docker engine, each with its own IP on a user-defined bridge, its own sshd (per-run
 * host key, pinned in a known_hosts file; a per-run client key) and its own dockerd and file
 * system, reachable from the tests only over SSH. Plus an APLS stand-in at {@link #aplsIp()}.
 *
 * <p>{@code beforeAll} builds (or finds, by content hash) the host image and the stand-in images
 * ({@code e2e/testhost/build-image.sh}, {@code e2e/standins/build.sh}), then creates the network,
 * the APLS stand-in and the hosts and waits until {@code ssh <host> docker version} answers.
 * {@code afterAll} removes every container, volume and network it created and the key directory,
 * also after a failure (and from a JVM shutdown hook if the run is killed).
 *
 * <p>Needs root, a local Docker engine and debootstrap ({@code scripts/prereqs.sh}: {@code ensure_e2e}).
 * {@code --privileged} fails on this VM kind; the flag set below is the one that works
 * (spec/infra-recipes.md §1.4).
 */
public final class TestHosts implements BeforeAllCallback, AfterAllCallback {

    static final String PREFIX = "swarmplay-e2e";
    static final String NETWORK = PREFIX + "-net";
    static final String SUBNET_BASE = "172.31.237.";
    static final Duration SSH_READY = Duration.ofSeconds(90);
    /**
     * How playbooks reach each host's Docker engine: {@code ssh} (default: the remote
     * /var/run/docker.sock forwarded over the host's SSH connection) or {@code tcp} (the test
     * hosts' dockerd also listens on tcp://&lt;ip&gt;:2375, for engines without socket forwarding).
     */
    static final String DOCKER_ACCESS = System.getProperty("swarmplay.e2e.docker", "ssh");

    /** One test host: inventory name, container name, IP address, its /var/lib/docker volume. */
    public record Host(String name, String container, String ip, String volume) {}

    private final List<Host> hosts = new ArrayList<>();
    private final Map<String, Path> imageTars = new LinkedHashMap<>();
    private final String aplsContainer = PREFIX + "-apls";
    private Path dir;
    private Path repo;
    private String hostImage;
    private String aplsImage;
    private Thread shutdownHook;
    private FileChannel lockChannel;
    private volatile FileLock lock;
    private final Map<String, Duration> timings = new LinkedHashMap<>();

    public TestHosts(String... names) {
        String[] n = names.length == 0 ? new String[] {"host-1", "host-2"} : names;
        for (int i = 0; i < n.length; i++) {
            String c = PREFIX + "-h" + (i + 1);
            hosts.add(new Host(n[i], c, SUBNET_BASE + (11 + i), c + "-docker"));
        }
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    @Override
    public void beforeAll(ExtensionContext context) {
        shutdownHook = new Thread(this::removeAllIfOwner, "e2e-test-hosts-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            start();
        } catch (RuntimeException | Error e) {
            removeAllIfOwner();
            unlockMachine();
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> left = removeAll();
        unlockMachine();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // the JVM is shutting down already
        }
        if (!left.isEmpty()) throw new AssertionError("test-host cleanup left objects behind: " + left);
    }

    private void start() {
        repo = findRepo();
        checkPrerequisites();
        lockMachine();
        long t0 = System.nanoTime();
        String[] tags = local(Duration.ofMinutes(10), "bash", repo.resolve("e2e/testhost/build-image.sh").toString())
                .out().strip().lines().reduce((a, b) -> b).orElseThrow().split(" ");
        hostImage = tags[0];
        Path out = Path.of(System.getProperty("swarmplay.e2e.work", "/var/tmp/swarmplay-e2e"), "images");
        for (String line : local(Duration.ofMinutes(10), "bash", repo.resolve("e2e/standins/build.sh").toString(),
                tags[1], tags[2], out.toString()).out().strip().split("\n")) {
            String[] f = line.split(" ");
            if (f[1].equals("-")) aplsImage = f[0];
            else imageTars.put(f[0], Path.of(f[1]));
        }
        timings.put("image build (cached after the first run)", Duration.ofNanos(System.nanoTime() - t0));
        t0 = System.nanoTime();
        removeAll();   // leftovers of a killed run
        dir = tempDir();
        writeKeys();
        local(Duration.ofSeconds(30), "docker", "network", "create", "--subnet", SUBNET_BASE + "0/24",
                "--label", "io.swarmplay.e2e=net", NETWORK);
        local(Duration.ofSeconds(60), "docker", "run", "-d", "--name", aplsContainer, "--network", NETWORK,
                "--ip", aplsIp(), "--label", "io.swarmplay.e2e=apls", aplsImage);
        for (Host h : hosts) runHost(h);
        for (Host h : hosts) awaitSsh(h);
        timings.put("bring-up of " + hosts.size() + " hosts", Duration.ofNanos(System.nanoTime() - t0));
        System.out.println("[e2e] " + timings);
    }

    /**
     * The hosts have fixed names and addresses: one test class at a time per machine (other JVMs,
     * e.g. a second `scripts/test`, wait here) so that removing leftovers never hits a live run.
     */
    private void lockMachine() {
        try {
            Path f = Path.of(System.getProperty("swarmplay.e2e.work", "/var/tmp/swarmplay-e2e"), "test-hosts.lock");
            Files.createDirectories(f.getParent());
            lockChannel = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + Duration.ofMinutes(40).toNanos();
            while ((lock = lockChannel.tryLock()) == null) {
                if (System.nanoTime() > deadline) throw new AssertionError("another e2e run holds " + f + " for more than 40 min");
                sleepPoll(1000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes the test hosts only while this JVM holds the machine lock: a run killed while it still
     * waits for the lock must not remove the hosts of the run that holds it.
     */
    private void removeAllIfOwner() {
        if (lock != null) removeAll();
    }

    private void unlockMachine() {
        try {
            if (lock != null) lock.release();
            if (lockChannel != null) lockChannel.close();
        } catch (IOException ignored) {
            // released when the JVM exits anyway
        }
        lock = null;
        lockChannel = null;
    }

    private void runHost(Host h) {
        Path keys = dir.resolve(h.name());
        local(Duration.ofSeconds(60), "docker", "run", "-d", "--name", h.container(), "--hostname", h.name(), "--init",
                "--cap-add", "ALL", "--cap-drop", "SYS_RESOURCE",
                "--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined",
                "--security-opt", "systempaths=unconfined", "--device-cgroup-rule", "a *:* rwm",
                "--network", NETWORK, "--ip", h.ip(),
                "-e", DOCKER_ACCESS.equals("tcp") ? "DOCKERD_EXTRA_ARGS=-H tcp://0.0.0.0:2375" : "DOCKERD_EXTRA_ARGS=",
                "-v", h.volume() + ":/var/lib/docker", "-v", keys + ":/etc/testhost:ro",
                "--label", "io.swarmplay.e2e=host", hostImage);
    }

    /** Polls {@code ssh <host> docker version} (every 200 ms) until it answers or {@link #SSH_READY} passes. */
    void awaitSsh(Host h) {
        long deadline = System.nanoTime() + SSH_READY.toNanos();
        Proc.Result last;
        do {
            last = ssh(h, "docker version --format '{{.Server.Version}}'");
            if (last.ok()) return;
            sleepPoll(200);
        } while (System.nanoTime() < deadline);
        String logs = Proc.run(Duration.ofSeconds(10), List.of("docker", "logs", "--tail", "30", h.container())).out();
        String dockerd = Proc.run(Duration.ofSeconds(10), List.of("docker", "exec", h.container(), "tail", "-n", "30",
                "/var/log/dockerd.log")).out();
        throw new AssertionError("test host " + h.name() + " (" + h.ip() + ") did not answer `ssh docker version` within "
                + SSH_READY.toSeconds() + "s: " + last.describe() + "\ncontainer log:\n" + logs + "\ndockerd log:\n" + dockerd);
    }

    /** Removes every object this harness creates; returns the names of those still present. */
    synchronized List<String> removeAll() {
        List<String> containers = new ArrayList<>(hosts.stream().map(Host::container).toList());
        containers.add(aplsContainer);
        List<String> cmd = new ArrayList<>(List.of("docker", "rm", "-f", "-v"));
        cmd.addAll(containers);
        Proc.run(Duration.ofSeconds(120), cmd);
        for (Host h : hosts) Proc.run(Duration.ofSeconds(60), List.of("docker", "volume", "rm", "-f", h.volume()));
        Proc.run(Duration.ofSeconds(30), List.of("docker", "network", "rm", NETWORK));
        if (dir != null) deleteTree(dir);
        List<String> left = new ArrayList<>();
        for (String c : containers) if (Proc.run(Duration.ofSeconds(30), List.of("docker", "inspect", c)).ok()) left.add("container " + c);
        for (Host h : hosts) if (Proc.run(Duration.ofSeconds(30), List.of("docker", "volume", "inspect", h.volume())).ok()) left.add("volume " + h.volume());
        if (Proc.run(Duration.ofSeconds(30), List.of("docker", "network", "inspect", NETWORK)).ok()) left.add("network " + NETWORK);
        return left;
    }

    // ---- what tests use ----------------------------------------------------------------------

    public List<Host> hosts() {
        return List.copyOf(hosts);
    }

    public Host host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test host " + name));
    }

    public String aplsIp() {
        return SUBNET_BASE + "10";
    }

    public Path clientKey() {
        return dir.resolve("client_ed25519");
    }

    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** A directory of this run (deleted at the end). */
    public Path dir() {
        return dir;
    }

    public Path repo() {
        return repo;
    }

    /** Real image reference of each stand-in → its {@code docker save} tar on this machine. */
    public Map<String, Path> imageTars() {
        return Map.copyOf(imageTars);
    }

    public Map<String, Duration> timings() {
        return Map.copyOf(timings);
    }

    /** Runs a shell command on the host as root over SSH (5 min limit). */
    public Proc.Result ssh(Host h, String command) {
        return ssh(h, command, Duration.ofMinutes(5));
    }

    public Proc.Result ssh(Host h, String command, Duration timeout) {
        return Proc.run(timeout, sshCommand(h, command));
    }

    /** Like {@link #ssh} but fails the test unless the command exits 0; returns stdout. */
    public String sshOk(Host h, String command) {
        return ssh(h, command).orThrow().out();
    }

    /** Writes {@code content} to {@code path} on the host (through the control node, like a copy). */
    public void put(Host h, String content, String path) {
        try {
            Path tmp = Files.createTempFile(dir, "put-", ".txt");
            Files.writeString(tmp, content);
            Proc.run(Duration.ofMinutes(1), tmp, sshCommand(h, "mkdir -p \"$(dirname '" + path + "')\" && cat > '" + path + "'")).orThrow();
            Files.delete(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a local tar into the host's engine: {@code ssh <host> docker load < tar}. */
    public void load(Host h, Path tar) {
        Proc.run(Duration.ofMinutes(5), tar, sshCommand(h, "docker load -q")).orThrow();
    }

    /** Stops the host's container (its sshd and dockerd go away; the volume stays). */
    public void stop(Host h) {
        local(Duration.ofSeconds(60), "docker", "stop", "-t", "2", h.container());
    }

    /** Starts a stopped host again and waits until SSH and Docker answer. */
    public void restart(Host h) {
        local(Duration.ofSeconds(60), "docker", "start", h.container());
        awaitSsh(h);
    }

    List<String> sshCommand(Host h, String command) {
        return List.of("ssh", "-i", clientKey().toString(), "-o", "UserKnownHostsFile=" + knownHosts(),
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5",
                "-o", "LogLevel=ERROR", "root@" + h.ip(), command);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void writeKeys() {
        StringBuilder known = new StringBuilder();
        local(Duration.ofSeconds(30), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "swarmplay-e2e-client",
                "-f", clientKey().toString());
        for (Host h : hosts) {
            Path keys = dir.resolve(h.name());
            try {
                Files.createDirectories(keys);
                local(Duration.ofSeconds(30), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", h.name(),
                        "-f", keys.resolve("ssh_host_ed25519_key").toString());
                Files.copy(Path.of(clientKey() + ".pub"), keys.resolve("authorized_keys"));
                String[] pub = Files.readString(keys.resolve("ssh_host_ed25519_key.pub")).trim().split(" ");
                known.append(h.ip()).append(' ').append(pub[0]).append(' ').append(pub[1]).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            Files.writeString(knownHosts(), known);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkPrerequisites() {
        List<String> missing = new ArrayList<>();
        if (!Proc.run(Duration.ofSeconds(20), List.of("docker", "info", "--format", "{{.ServerVersion}}")).ok()) missing.add("a running Docker engine (docker info)");
        if (!Files.isExecutable(Path.of("/usr/sbin/debootstrap"))) missing.add("debootstrap");
        if (!Proc.run(Duration.ofSeconds(5), List.of("ssh", "-V")).ok()) missing.add("openssh-client");
        if (!missing.isEmpty()) throw new AssertionError("the e2e tests need " + String.join(", ", missing)
                + ": run `. scripts/prereqs.sh && ensure_e2e` (as root)");
    }

    private static Proc.Result local(Duration timeout, String... command) {
        return Proc.run(timeout, List.of(command)).orThrow();
    }

    private static Path findRepo() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("e2e/testhost/build-image.sh"))) return p;
        }
        throw new IllegalStateException("cannot find the repository root (e2e/testhost/build-image.sh) above " + Path.of("").toAbsolutePath());
    }

    private static Path tempDir() {
        try {
            Path d = Files.createTempDirectory("swarmplay-e2e-");
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp dir
        }
    }

    static void sleepPoll(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }
}
