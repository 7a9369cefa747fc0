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
 * <p>The hosts and images are made by {@code e2e/testhost/hosts.sh}, the one implementation
 * shared with the lab ({@code scripts/lab}); this extension runs it with the e2e prefix
 * ({@value #PREFIX}) and a per-run state directory. {@code beforeAll} builds (or finds, by
 * content hash) the images, removes leftovers of a killed run, creates the network, the APLS
 * stand-in and the hosts and waits until {@code ssh <host> docker version} answers.
 * {@code afterAll} removes every container, volume and network of the set and the state
 * directory, also after a failure (and from a JVM shutdown hook if the run is killed).
 *
 * <p>Needs root, a local Docker engine and debootstrap ({@code scripts/prereqs.sh}: {@code ensure_e2e}).
 */
public final class TestHosts implements BeforeAllCallback, AfterAllCallback {

    static final String PREFIX = "swarmplay-e2e";
    static final String SUBNET = "172.31.237";
    /**
     * How playbooks reach each host's Docker engine: {@code ssh} (default: the remote
     * /var/run/docker.sock forwarded over the host's SSH connection) or {@code tcp} (the test
     * hosts' dockerd also listens on tcp://&lt;ip&gt;:2375, for engines without socket forwarding).
     */
    static final String DOCKER_ACCESS = System.getProperty("swarmplay.e2e.docker", "ssh");

    /** One test host: inventory name, container name, IP address, its /var/lib/docker volume. */
    public record Host(String name, String container, String ip, String volume) {}

    private final List<String> names;
    private final List<Host> hosts = new ArrayList<>();
    private final Map<String, Path> imageTars = new LinkedHashMap<>();
    private Path dir;
    private Path repo;
    private String aplsIp;
    private Thread shutdownHook;
    private FileChannel lockChannel;
    private volatile FileLock lock;
    private final Map<String, Duration> timings = new LinkedHashMap<>();

    public TestHosts(String... names) {
        this.names = names.length == 0 ? List.of("host-1", "host-2") : List.of(names);
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
        dir = tempDir();
        lockMachine();
        long t0 = System.nanoTime();
        hostsScript(Duration.ofMinutes(10), "images").orThrow();
        timings.put("image build (cached after the first run)", Duration.ofNanos(System.nanoTime() - t0));
        t0 = System.nanoTime();
        hostsScript(Duration.ofMinutes(2), "down");   // leftovers of a killed run
        List<String> up = new ArrayList<>(List.of("up"));
        up.addAll(names);
        hostsScript(Duration.ofMinutes(5), up.toArray(String[]::new)).orThrow();
        timings.put("bring-up of " + names.size() + " hosts", Duration.ofNanos(System.nanoTime() - t0));
        try {
            for (String line : Files.readAllLines(dir.resolve("hosts.txt"))) {
                String[] f = line.split(" ");
                hosts.add(new Host(f[0], f[1], f[2], f[3]));
            }
            for (String line : Files.readAllLines(dir.resolve("images.txt"))) {
                String[] f = line.split(" ");
                imageTars.put(f[0], Path.of(f[1]));
            }
            aplsIp = Files.readString(dir.resolve("apls_ip")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[e2e] " + timings);
    }

    /** Runs {@code e2e/testhost/hosts.sh} for this set (prefix, subnet, state directory). */
    private Proc.Result hostsScript(Duration timeout, String... args) {
        return Proc.run(timeout, hostsCommand(args));
    }

    private List<String> hostsCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of("env", "TESTHOST_PREFIX=" + PREFIX, "TESTHOST_SUBNET=" + SUBNET,
                "TESTHOST_DIR=" + dir, "TESTHOST_WORK=" + work(),
                "TESTHOST_DOCKERD_ARGS=" + (DOCKER_ACCESS.equals("tcp") ? "-H tcp://0.0.0.0:2375" : ""),
                "bash", repo.resolve("e2e/testhost/hosts.sh").toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static Path work() {
        return Path.of(System.getProperty("swarmplay.e2e.work", "/var/tmp/swarmplay-e2e"));
    }

    /**
     * The hosts have fixed names and addresses: one test class at a time per machine (other JVMs,
     * e.g. a second `scripts/test`, wait here) so that removing leftovers never hits a live run.
     */
    private void lockMachine() {
        try {
            Path f = work().resolve("test-hosts.lock");
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

    /** Removes every object of this set and the state directory; returns those still present. */
    synchronized List<String> removeAll() {
        if (dir == null) return List.of();
        Proc.Result down = hostsScript(Duration.ofMinutes(3), "down");
        deleteTree(dir);
        List<String> left = down.out().lines().filter(l -> l.startsWith("left: ")).map(l -> l.substring(6)).toList();
        if (!down.ok() && left.isEmpty()) return List.of(down.describe());
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
        return aplsIp;
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

    /** Starts a stopped host again and waits until SSH and Docker answer ({@code hosts.sh up} keeps the others). */
    public void restart(Host h) {
        List<String> up = new ArrayList<>(List.of("up"));
        up.addAll(names);
        hostsScript(Duration.ofMinutes(3), up.toArray(String[]::new)).orThrow();
    }

    List<String> sshCommand(Host h, String command) {
        return hostsCommand("ssh", h.name(), command);
    }

    // ---- helpers -----------------------------------------------------------------------------

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
            Path d = Files.createTempDirectory(PREFIX + "-");
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
