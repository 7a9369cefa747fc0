package io.swarmplay.connection.ssh;

import io.swarmplay.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Playbooks through the CLI against two real sshd hosts: cross-host transfer, fetch, a host dropping mid-play,
 * a later play on a host connected ahead of it.
 */
class SshPlaybookIT {

    @TempDir
    Path dir;
    private SshdHost one;
    private SshdHost two;

    @BeforeEach
    void start() throws Exception {
        one = SshdHost.start("127.0.0.41");
        two = SshdHost.start("127.0.0.42");
        Files.writeString(dir.resolve("inventory.yaml"), "all:\n  vars:\n    ansible_user: " + SshdHost.USER + "\n"
                + "  children:\n    swarm:\n      hosts:\n" + one.inventoryEntry("host-1") + two.inventoryEntry("host-2"));
    }

    @AfterEach
    void stop() throws Exception {
        one.close();
        two.close();
    }

    record Result(int code, String out) {
    }

    private Result run(String playbook, String... more) throws Exception {
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, playbook);
        StringWriter out = new StringWriter();
        String[] args = new String[3 + more.length];
        args[0] = "-i";
        args[1] = dir.resolve("inventory.yaml").toString();
        args[2] = file.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(out, true));
        return new Result(code, out.toString());
    }

    private static int changed(String output, String host) {
        Matcher m = Pattern.compile(host + "\\s+: ok=\\d+\\s+changed=(\\d+)").matcher(output);
        assertTrue(m.find(), output);
        return Integer.parseInt(m.group(1));
    }

    private static final String BUNDLE = """
            - name: produce the bundle on host-1
              hosts: host-1
              gather_facts: false
              tasks:
                - name: generate bundle
                  command: sh -c 'head -c 3000 /dev/urandom | base64 > {{ work }}/bundle.pem'
                  args: {creates: "{{ work }}/bundle.pem"}
            - name: install it on host-2
              hosts: host-2
              gather_facts: true
              tasks:
                - name: give host-2 the bundle
                  transfer:
                    from: host-1
                    src: "{{ hostvars['host-1'].work }}/bundle.pem"
                    dest: "{{ work }}/peer/host-1.pem"
                    mode: "0600"
                - name: fetch it to the control node
                  fetch: {src: "{{ work }}/peer/host-1.pem", dest: "%s/", flat: true}
            """;

    @Test
    void transferBetweenTwoSshHostsThroughTheControlNodeIsIdempotent() throws Exception {
        String playbook = BUNDLE.formatted(dir.resolve("fetched"));
        Result plan = run(playbook, "--plan", "-v");
        assertEquals(0, plan.code(), plan.out());
        assertTrue(plan.out().contains("host-1:" + one.work + "/bundle.pem → host-2:" + two.work + "/peer/host-1.pem"), plan.out());
        Result first = run(playbook);
        assertEquals(0, first.code(), first.out());
        byte[] source = Files.readAllBytes(one.work.resolve("bundle.pem"));
        assertEquals(new String(source), Files.readString(two.work.resolve("peer/host-1.pem")));
        assertEquals(new String(source), Files.readString(dir.resolve("fetched/host-1.pem")));
        Result second = run(playbook);
        assertEquals(0, second.code(), second.out());
        assertEquals(0, changed(second.out(), "host-1"), second.out());
        assertEquals(0, changed(second.out(), "host-2"), second.out());
    }

    @Test
    void aHostWhoseSshdDiesMidPlayIsUnreachableAndTheOtherFinishes() throws Exception {
        String playbook = """
                - hosts: swarm
                  gather_facts: false
                  tasks:
                    - name: slow step
                      command: sleep 2
                    - name: next step
                      command: touch {{ work }}/done
                """;
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            sleepQuietly(700);
            two.kill();
        });
        Result result = run(playbook);
        killer.get(10, TimeUnit.SECONDS);
        assertEquals(4, result.code(), result.out());
        assertTrue(result.out().contains("fatal: [host-2]: UNREACHABLE! =>"), result.out());
        assertTrue(result.out().contains("127.0.0.42:" + two.port), result.out());
        assertTrue(result.out().contains("during task 'slow step'"), result.out());
        assertTrue(Files.exists(one.work.resolve("done")), "host-1 finishes the play");
        assertFalse(Files.exists(two.work.resolve("done")));
        assertTrue(result.out().matches("(?s).*host-2\\s+: ok=0\\s+changed=0\\s+unreachable=1.*"), result.out());
    }

    @Test
    void anUnknownHostKeyFailsWithAHintAndTrustRecordsIt() throws Exception {
        Path empty = dir.resolve("empty_known_hosts");
        Files.writeString(empty, "");
        String inventory = Files.readString(dir.resolve("inventory.yaml")).replace(one.knownHosts.toString(), empty.toString());
        Files.writeString(dir.resolve("inventory.yaml"), inventory);
        String playbook = "- hosts: host-1\n  gather_facts: false\n  tasks:\n    - command: 'true'\n";
        Result refused = run(playbook);
        assertEquals(4, refused.code(), refused.out());
        assertTrue(refused.out().contains("swarmplay trust"), refused.out());
        assertTrue(refused.out().contains(one.hostFingerprint("ed25519")), refused.out());
        StringWriter out = new StringWriter();
        int code = Main.execute(new String[] {"trust", "-i", dir.resolve("inventory.yaml").toString(), "host-1", "--yes"},
                new PrintWriter(out, true), new PrintWriter(out, true));
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("ssh-ed25519 " + one.hostFingerprint("ed25519")), out.toString());
        assertTrue(Files.readString(empty).contains(one.hostPublicKey("ed25519").split(" ")[1]));
        Result accepted = run(playbook);
        assertEquals(0, accepted.code(), accepted.out());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // the hosts only a later play uses are connected in the background when the run starts
    @Test
    void aLaterPlayRunsOnItsPrewarmedHost() throws Exception {
        Path inventory = SshPlaybooks.inventory(dir, SshPlaybooks.named(one, two));
        SshPlaybooks.Result result = SshPlaybooks.run(inventory, """
                - hosts: host-1
                  gather_facts: false
                  tasks:
                    - command: "sh -c 'echo made > {{ work }}/made'"
                - hosts: host-2
                  gather_facts: false
                  tasks:
                    - command: "sh -c 'echo second > {{ work }}/second'"
                """);
        assertEquals(0, result.code(), result.out());
        assertEquals("second\n", Files.readString(two.work.resolve("second")));
        assertTrue(result.out().matches("(?s).*host-2\\s+: ok=1\\s+changed=1\\s+unreachable=0\\s+failed=0.*"), result.out());
        // the step takes the prewarmed connection: one login per host, not a second handshake
        assertEquals(1, logins(one), one.log());
        assertEquals(1, logins(two), two.log());
    }

    private static long logins(SshdHost host) throws java.io.IOException {
        return host.log().lines().filter(l -> l.contains("Accepted publickey")).count();
    }

    @Test
    void aLaterHostThatIsDownIsUnreachableOnceWhenItsPlayComes() throws Exception {
        Path inventory = SshPlaybooks.inventory(dir, SshPlaybooks.named(one, two));
        two.kill();
        SshPlaybooks.Result result = SshPlaybooks.run(inventory, """
                - hosts: host-1
                  gather_facts: false
                  tasks:
                    - command: "true"
                - hosts: host-2
                  gather_facts: false
                  tasks:
                    - command: "true"
                """);
        assertTrue(result.code() != 0, result.out());
        assertEquals(1, result.out().split("UNREACHABLE!", -1).length - 1, result.out());
        assertTrue(result.out().matches("(?s).*host-1\\s+: ok=1\\s+changed=1\\s+unreachable=0.*"), result.out());
        assertTrue(result.out().matches("(?s).*host-2\\s+: ok=0\\s+changed=0\\s+unreachable=1.*"), result.out());
    }
}
