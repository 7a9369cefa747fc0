package io.swarmplay.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes and usage errors of plans, through the CLI entry point, on small local playbooks. */
class PlanExitCodesTest {

    @TempDir
    Path dir;

    private Path inventory() throws IOException {
        return write("inv.yaml", """
                all:
                  hosts:
                    host-1: {ansible_connection: local}
                    host-2: {ansible_connection: local}
                """);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** A one-play playbook on all hosts with {@code task} as its only task. */
    private Path playbook(String task) throws IOException {
        return write("play.yaml", """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: first task
                      %s
                    - name: second task
                      debug: {msg: there}
                """.formatted(task.replace("\n", "\n      ")));
    }

    private CliTest.Result plan(Path playbook, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("-i", inventory().toString(), playbook.toString()));
        args.addAll(List.of(more));
        return CliTest.swarmplay(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}: plain {1}, detailed {2}")
    @CsvSource(delimiter = '|', value = {
            "nothing to change | 0 | 0 | debug: {msg: hi}",
            "a file to create  | 0 | 2 | copy: {content: x, dest: '@DIR@/new.txt'}",
            "a command to run  | 0 | 2 | command: touch '@DIR@/ran'",
            "a step would fail | 2 | 1 | assert: {that: [1 == 2]}"})
    void detailedExitcodeFollowsTerraform(String what, int plain, int detailed, String task) throws IOException {
        Path playbook = playbook(task.replace("@DIR@", dir.toString()));
        CliTest.Result withoutFlag = plan(playbook, "--plan");
        CliTest.Result withFlag = plan(playbook, "--plan", "--detailed-exitcode");
        assertEquals(plain, withoutFlag.code(), withoutFlag.out() + withoutFlag.err());
        assertEquals(detailed, withFlag.code(), withFlag.out() + withFlag.err());
        assertFalse(Files.exists(dir.resolve("new.txt")) || Files.exists(dir.resolve("ran")), "a plan changed the host");
    }

    @Test
    void aPlanGoesOnAfterAStepThatCannotBePlannedAndCountsIt() throws IOException {
        Path playbook = write("failing.yaml", """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: must hold
                      assert: {that: [1 == 2]}
                      register: checked
                    - name: later file
                      copy: {content: x, dest: '%s'}
                    - name: uses the failed result
                      debug: {msg: "{{ checked.msg }}"}
                """.formatted(dir.resolve("later.txt")));
        CliTest.Result result = plan(playbook, "--plan");
        assertEquals(2, result.code(), result.out() + result.err());
        assertEquals(2, result.out().split("! assert\\[must hold\\]", -1).length - 1, result.out());
        assertEquals(2, result.out().split("\\+ copy\\." + java.util.regex.Pattern.quote(dir.resolve("later.txt").toString()), -1).length - 1, result.out());
        // a read-only step (debug) is counted, not listed, unless -v
        assertEquals(0, result.out().split("\\? debug\\[uses the failed result\\]", -1).length - 1, result.out());
        assertTrue(result.out().contains("2 unchanged, skipped or read-only not shown (-v shows them)"), result.out());
        String verbose = plan(playbook, "--plan", "-v").out();
        assertEquals(2, verbose.split("\\? debug\\[uses the failed result\\]", -1).length - 1, verbose);
        assertTrue(result.out().contains("Plan: 2 to create, 0 to change, 0 to delete, 0 to run, 0 unchanged, "
                + "2 unknown until apply, 2 failing"), result.out());
        assertFalse(Files.exists(dir.resolve("later.txt")));
    }

    @Test
    void detailedExitcodeIsForPlansOnly() throws IOException {
        CliTest.Result result = plan(playbook("debug: {msg: hi}"), "--check", "--detailed-exitcode");
        assertEquals(5, result.code(), result.err());
        assertTrue(result.err().contains("error: --detailed-exitcode works with --plan only"), result.err());
    }

    @Test
    void aPlanWithAnUnreachableHostExits3AndNamesEachHostOnceWithItsCause() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path inventory = write("unreachable.yaml", """
                all:
                  hosts:
                    web1: {ansible_host: 127.0.0.1, ansible_port: %d, ansible_user: nobody}
                    web2: {ansible_connection: local}
                """.formatted(closedPort));
        Path playbook = playbook("copy: {content: x, dest: '" + dir.resolve("f.txt") + "'}");
        CliTest.Result result = CliTest.swarmplay("-i", inventory.toString(), playbook.toString(), "--plan", "-T", "3");
        assertEquals(3, result.code(), result.out() + result.err());
        assertTrue(result.out().contains("Unreachable hosts (planned without their state):\n  web1: cannot connect to nobody@127.0.0.1:"
                + closedPort + " (host web1): connection refused\n"), result.out());
        assertEquals(1, result.out().split("connection refused", -1).length - 1, "the cause once:\n" + result.out());
        String copy = "copy." + dir.resolve("f.txt");
        assertTrue(result.out().contains("web1\n    ? " + copy + "  (host unreachable (planned without its state))"), result.out());
        assertTrue(result.out().contains("web2\n    + " + copy + "  ("), "web2 is planned from its state:\n" + result.out());
        assertFalse((result.out() + result.err()).contains("Exception"), result.out() + result.err());
        CliTest.Result json = CliTest.swarmplay("-i", inventory.toString(), playbook.toString(), "--plan", "--json",
                "-T", "3", "--detailed-exitcode");
        assertEquals(3, json.code(), json.out() + json.err());
        assertTrue(json.out().contains("\"host\" : \"web1\"") || json.out().contains("\"host\": \"web1\""), json.out());
    }

    @Test
    void aLimitMatchingNoHostIsAUsageErrorWithADidYouMean() throws IOException {
        CliTest.Result result = plan(playbook("debug: {msg: hi}"), "--plan", "-l", "host-3");
        assertEquals(5, result.code(), result.out() + result.err());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("error: --limit 'host-3' leaves no hosts to target; 'host-3' is no host or"
                + " group of the inventory (did you mean 'host-1'?)\n"), result.err());
        CliTest.Result run = plan(playbook("debug: {msg: hi}"), "-l", "hots-2:web");
        assertEquals(5, run.code(), run.err());
        assertTrue(run.err().contains("'hots-2' is no host or group of the inventory (did you mean 'host-2'?);"
                + " 'web' is no host or group of the inventory\n"), run.err());
    }

    @Test
    void aLimitThatMatchesSomeHostRuns() throws IOException {
        CliTest.Result result = plan(playbook("debug: {msg: hi}"), "--plan", "-v", "-l", "host-2:nosuch");
        assertEquals(0, result.code(), result.out() + result.err());
        assertTrue(result.out().contains("host-2") && !result.out().contains("host-1"), result.out());
    }

    @Test
    void aStartAtTaskMatchingNoTaskIsAUsageErrorWithADidYouMean() throws IOException {
        CliTest.Result result = plan(playbook("debug: {msg: hi}"), "--plan", "--start-at-task", "secnd task");
        assertEquals(5, result.code(), result.out() + result.err());
        assertTrue(result.err().startsWith("error: no matching task \"secnd task\" found for --start-at-task"
                + " (did you mean 'second task'?)\n"), result.err());
        CliTest.Result run = plan(playbook("debug: {msg: hi}"), "--start-at-task", "nosuch");
        assertEquals(5, run.code(), run.err());
        assertTrue(run.err().startsWith("error: no matching task \"nosuch\" found for --start-at-task (it can start at"), run.err());
    }

    @Test
    void aStartAtTaskTypedInPartSuggestsTheFullNameAndAGlob() throws IOException {
        CliTest.Result result = plan(playbook("debug: {msg: hi}"), "--plan", "--start-at-task", "secnd");
        assertEquals(5, result.code(), result.out() + result.err());
        assertTrue(result.err().startsWith("error: no matching task \"secnd\" found for --start-at-task (did you mean"
                + " 'second task'? a part of a name needs a glob, e.g. '*secnd*')\n"), result.err());
        CliTest.Result part = plan(playbook("debug: {msg: hi}"), "--plan", "--start-at-task", "ond ta");
        assertEquals(5, part.code(), part.err());
        assertTrue(part.err().contains("(did you mean 'second task'? a part of a name needs a glob, e.g. '*ond ta*')"), part.err());
    }

    @Test
    void aStartAtTaskCannotFollowADynamicIncludeAsInAnsible() throws IOException {
        write("more.yaml", "- name: included task\n  debug: {msg: included}\n");
        Path playbook = write("dynamic.yaml", """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: first task
                      debug: {msg: hi}
                    - include_tasks: more.yaml
                """);
        CliTest.Result result = plan(playbook, "--plan", "--start-at-task", "included task");
        assertEquals(5, result.code(), result.out() + result.err());
        assertTrue(result.err().startsWith("error: no matching task \"included task\" found for --start-at-task (it can"
                + " start at a task of the playbooks and their static imports, not of a dynamic include_tasks)\n"), result.err());
    }

    @Test
    void aStartAtTaskGlobStartsThere() throws IOException {
        CliTest.Result result = plan(playbook("debug: {msg: hi}"), "--plan", "-v", "--start-at-task", "sec*");
        assertEquals(0, result.code(), result.out() + result.err());
        assertTrue(result.out().contains("second task") && !result.out().contains("first task"), result.out());
    }

    @Test
    void aStepFailedByFailedWhenWithoutAMessageIsShownInThePlanNotAnInternalError() throws IOException {
        Path playbook = playbook("stat: {path: '" + dir.resolve("missing") + "'}\nregister: st\nfailed_when: not st.stat.exists");
        CliTest.Result result = plan(playbook, "--plan", "-v");
        assertEquals(2, result.code(), result.out() + result.err());
        assertFalse(result.err().contains("internal error"), result.err());
        assertTrue(result.out().contains("! first task  (stat at "), result.out());
    }
}
