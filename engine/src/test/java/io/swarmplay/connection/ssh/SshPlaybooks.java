package io.swarmplay.connection.ssh;

import io.swarmplay.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Inventories for {@link SshdHost}s and playbook runs through the CLI, in-process or in a child JVM. */
final class SshPlaybooks {

    /** What a run printed (stdout and stderr together) and its exit code. */
    record Result(int code, String out) {
    }

    private SshPlaybooks() {
    }

    /** Writes {@code inventory.yaml} into {@code dir} with {@code hosts} (name → sshd), each with a {@code work} variable. */
    static Path inventory(Path dir, Map<String, SshdHost> hosts) throws IOException {
        StringBuilder text = new StringBuilder("all:\n  vars:\n    ansible_user: " + SshdHost.USER + "\n  hosts:\n");
        hosts.forEach((name, h) -> text.append("    ").append(name).append(":\n")
                .append("      ansible_host: ").append(h.address).append('\n')
                .append("      ansible_port: ").append(h.port).append('\n')
                .append("      ansible_ssh_private_key_file: ").append(h.clientKey).append('\n')
                .append("      ssh_known_hosts: ").append(h.knownHosts).append('\n')
                .append("      work: ").append(h.work).append('\n'));
        return Files.writeString(dir.resolve("inventory.yaml"), text);
    }

    static Map<String, SshdHost> named(SshdHost... hosts) {
        Map<String, SshdHost> named = new LinkedHashMap<>();
        for (int i = 0; i < hosts.length; i++) named.put("host-" + (i + 1), hosts[i]);
        return named;
    }

    /** Runs {@code playbook} in this JVM with {@code -i inventory} and {@code more} arguments. */
    static Result run(Path inventory, String playbook, String... more) throws IOException {
        Path file = Files.writeString(inventory.resolveSibling("site.yaml"), playbook);
        List<String> args = new ArrayList<>(List.of("-i", inventory.toString(), file.toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(out, true));
        return new Result(code, out.toString());
    }

    /**
     * Starts the CLI in a child JVM on this test's class path, output (both streams) into {@code log}.
     * {@code env --default-signal=INT} undoes an ignored SIGINT inherited from a background shell,
     * which the JVM would keep ignoring.
     */
    static Process start(Path inventory, String playbook, Path log, String... jvmOptions) throws IOException {
        Path file = Files.writeString(inventory.resolveSibling("site.yaml"), playbook);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the child's run locks go where this build's do (see the pom), not into the test user's ~/.swarmplay
        String locks = "-Dswarmplay.lock.dir=" + System.getProperty("swarmplay.lock.dir", "~/.swarmplay");
        List<String> argv = new ArrayList<>(List.of("env", "--default-signal=INT", java, "-XX:+UseSerialGC", locks));
        argv.addAll(List.of(jvmOptions));
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "-i", inventory.toString(),
                file.toString()));
        return new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
