package io.swarmplay.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI in-process on the repository's own sample playbook and on small generated ones. */
class CliTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String INVENTORY = REPO.resolve("inventory/local.yaml").toString();
    private static final String HELLO = REPO.resolve("playbooks/hello.yaml").toString();

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result swarmplay(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private Result hello(String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "-i";
        args[1] = INVENTORY;
        args[2] = HELLO;
        args[3] = "-eworkdir=" + dir.resolve("ws");
        System.arraycopy(more, 0, args, 4, more.length);
        return swarmplay(args);
    }

    private static int recap(String output, String counter) {
        Matcher m = Pattern.compile("localhost\\s+: .*" + counter + "=(\\d+)").matcher(output);
        assertTrue(m.find(), "no recap in:\n" + output);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void helloRunsThenASecondRunChangesNothing() {
        Result first = hello();
        assertEquals(0, first.code(), first.out() + first.err());
        assertEquals(3, recap(first.out(), "changed"), first.out());
        assertTrue(Files.exists(dir.resolve("ws/org2-server.conf")));
        Result second = hello();
        assertEquals(0, second.code(), second.out() + second.err());
        assertEquals(0, recap(second.out(), "changed"), second.out());
    }

    @Test
    void checkAndPlanLeaveTheFileSystemUntouchedAndPredictTheRun() {
        Result check = hello("--check");
        Result plan = hello("--plan");
        assertEquals(0, check.code(), check.out() + check.err());
        assertEquals(0, plan.code(), plan.out() + plan.err());
        assertFalse(Files.exists(dir.resolve("ws")), "a preview must not create the workspace");
        assertTrue(plan.out().contains("Plan: 4 to create, 0 to change, 0 to delete, 1 to run"), plan.out());
        assertTrue(plan.out().contains("+ file." + dir.resolve("ws") + "  (create directory"), plan.out());
        Result apply = hello();
        assertEquals(recap(apply.out(), "changed"), recap(check.out(), "changed"), check.out() + apply.out());
    }

    @Test
    void connectionOptionIsTheDefaultBelowTheInventoryAsAnsiblePlaybooksC() throws IOException {
        Path inventory = dir.resolve("inv.yaml");
        Files.writeString(inventory, """
                all:
                  hosts:
                    web1: {ansible_host: 192.0.2.1}
                    web2: {ansible_host: 127.0.0.1, ansible_connection: ssh, ansible_port: 1, ansible_timeout: 2}
                """);
        Path playbook = dir.resolve("site.yaml");
        Files.writeString(playbook, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - command: "touch {{ inventory_hostname }}.done"
                """);
        Result run = swarmplay("-i", inventory.toString(), playbook.toString(), "-c", "local");
        assertEquals(4, run.code(), "a run with an unreachable host exits 4, as ansible-playbook:\n" + run.out() + run.err());
        assertTrue(Files.exists(dir.resolve("web1.done")), "-c local runs web1 on the control node:\n" + run.out());
        assertFalse(Files.exists(dir.resolve("web2.done")), "the inventory's ansible_connection wins over -c");
        Result bad = swarmplay("-i", inventory.toString(), playbook.toString(), "-c", "winrm");
        assertEquals(5, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("'winrm' is not a connection swarmplay has"), bad.err());
    }

    @Test
    void planAsJsonIsOneDocumentWithEveryResourceOnALineAndItsStepsWithVerbose() {
        Result plan = hello("--plan", "--json");
        assertEquals(0, plan.code(), plan.err());
        assertTrue(plan.out().strip().startsWith("{"), plan.out());
        assertTrue(plan.out().contains("\n  , {\"address\":\"localhost template." + dir.resolve("ws/org2-server.conf")
                + "\",\"host\":\"localhost\",\"action\":\"create\",\"marker\":\"+\",\"tasks\":[\"render one SPIRE-like"
                + " server config per organisation\"]}"), plan.out());
        Result verbose = hello("--plan", "--json", "-v");
        assertTrue(verbose.out().contains("\"item\": \"org2\""), verbose.out());
        assertTrue(plan.out().contains("\"summary_text\": \"Plan: "), plan.out());
    }

    @Test
    void aRoleNotFoundExitsOneAsAnsiblesGeneralErrorAParserErrorFour() throws IOException {
        Path missing = dir.resolve("missing.yaml");
        Files.writeString(missing, "- hosts: localhost\n  gather_facts: false\n  roles: [nosuchrole]\n");
        Result general = swarmplay(missing.toString());
        assertEquals(1, general.code(), general.err());
        assertTrue(general.err().contains("ERROR! the role 'nosuchrole' was not found in "), general.err());
        Path oldStyle = dir.resolve("old.yaml");
        Files.writeString(oldStyle, "- hosts: localhost\n  roles: ['foo,bar']\n");
        assertEquals(1, swarmplay(oldStyle.toString()).code());
        Path malformed = dir.resolve("malformed.yaml");
        Files.writeString(malformed, "- hosts: localhost\n  roles: 123\n");
        assertEquals(4, swarmplay(malformed.toString()).code());
    }

    @Test
    void loadErrorsAreAllShownWithPositionAndExitFour() throws IOException {
        Path playbook = dir.resolve("bad.yaml");
        Files.writeString(playbook, """
                - hosts: localhost
                  tasks:
                    - name: typo
                      copyy: {dest: /tmp/x, content: x}
                    - name: bad arg
                      copy: {dest_path: /tmp/x, content: x}
                """);
        Result result = swarmplay(playbook.toString());
        assertEquals(4, result.code(), result.err());
        assertTrue(result.err().contains("unknown module 'copyy'"), result.err());
        assertTrue(result.err().contains("did you mean 'copy'?"), result.err());
        assertTrue(result.err().contains("bad.yaml:4:"), result.err());
        assertTrue(result.err().contains("unknown argument 'dest_path'"), result.err());
        assertTrue(result.err().contains("nothing was run"), result.err());
    }

    @Test
    void aFailingTaskExitsTwoWithoutAStackTrace() throws IOException {
        Path playbook = dir.resolve("fail.yaml");
        Files.writeString(playbook, """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: boom
                      command: sh -c 'echo oops >&2; exit 3'
                """);
        Result result = swarmplay(playbook.toString());
        assertEquals(2, result.code());
        assertTrue(result.out().contains("fatal: [localhost]: FAILED!"), result.out());
        assertTrue(result.out().contains("oops"), result.out());
        assertFalse((result.out() + result.err()).contains("at io.swarmplay"), "no stack trace without -vvv");
    }

    @Test
    void extraVarsFromAFileGivenAsASeparateArgument() throws IOException {
        Files.writeString(dir.resolve("vars.yml"), "fromfile: hello\nnum: 3\n");
        Path playbook = dir.resolve("ev.yaml");
        Files.writeString(playbook, """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - debug: {msg: "{{ fromfile }} {{ num + 1 }}"}
                """);
        Result result = swarmplay("-i", INVENTORY, playbook.toString(), "-e", "@" + dir.resolve("vars.yml"));
        assertEquals(0, result.code(), result.out() + result.err());
        assertTrue(result.out().contains("\"msg\": \"hello 4\""), result.out());
    }

    @Test
    void listTasksRendersTagsAndListsWhatTheTagsSelectAsAnsiblePlaybook() throws IOException {
        Files.writeString(dir.resolve("imp.yml"), "- name: imported one\n  debug: {msg: x}\n");
        Path playbook = dir.resolve("lt.yml");
        Files.writeString(playbook, """
                - hosts: localhost
                  gather_facts: false
                  vars: {mytag: deploy}
                  tags: [play]
                  tasks:
                    - name: templated tag
                      debug: {msg: x}
                      tags: ["{{ mytag }}", static]
                    - name: never task
                      debug: {msg: x}
                      tags: [never, debugonly]
                    - block:
                        - name: in block
                          debug: {msg: x}
                      tags: [blk]
                    - import_tasks: imp.yml
                      tags: [imp]
                    - include_tasks: imp.yml
                """);
        Result all = swarmplay("-i", INVENTORY, playbook.toString(), "--list-tasks", "--list-tags");
        assertEquals(0, all.code(), all.err());
        assertEquals("\nplaybook: " + playbook + "\n\n  play #1 (localhost): localhost\tTAGS: [play]\n    tasks:\n"
                + "      templated tag\tTAGS: [deploy, play, static]\n"
                + "      in block\tTAGS: [blk, play]\n"
                + "      imported one\tTAGS: [imp, play]\n"
                + "      include_tasks\tTAGS: [play]\n"
                + "      TASK TAGS: [blk, deploy, imp, play, static]\n", all.out());
        Result never = swarmplay("-i", INVENTORY, playbook.toString(), "--list-tasks", "--tags", "debugonly");
        assertTrue(never.out().endsWith("    tasks:\n      never task\tTAGS: [debugonly, never, play]\n"), never.out());
        Result skipped = swarmplay("-i", INVENTORY, playbook.toString(), "--list-tags", "--skip-tags", "other", "-e", "mytag=other");
        assertTrue(skipped.out().endsWith("      TASK TAGS: [blk, imp, play]\n"), skipped.out());
    }

    @Test
    void usageErrorsExitFive() {
        assertEquals(5, swarmplay("--no-such-flag", HELLO).code());
        assertEquals(5, swarmplay().code());
        assertEquals(5, swarmplay("--offline", HELLO).code());
    }

    @Test
    void versionHelpListingAndSyntaxCheck() {
        assertTrue(swarmplay("--version").out().startsWith("swarmplay "));
        String help = swarmplay("--help").out();
        assertTrue(help.contains("Exit codes:"), help);
        assertTrue(help.contains("  3   a --plan could not contact a host") && help.contains("  4   a host was unreachable"), help);
        Result hosts = swarmplay("-i", INVENTORY, "--list-hosts", HELLO);
        assertEquals(0, hosts.code(), hosts.err());
        assertTrue(hosts.out().contains("hosts (1):"), hosts.out());
        Result syntax = swarmplay("-i", INVENTORY, "--syntax-check", HELLO);
        assertEquals(0, syntax.code(), syntax.err());
        assertTrue(syntax.out().contains("playbook: "), syntax.out());
    }

    @Test
    void runAndPlanWordsAreAccepted() {
        Result plan = swarmplay("plan", "-i", INVENTORY, HELLO, "-eworkdir=" + dir.resolve("ws"));
        assertEquals(0, plan.code(), plan.err());
        assertTrue(plan.out().contains("Plan: "), plan.out());
    }

    @Test
    void aPlanShowsTheStepsOfAnUnreachableHostAsUnknownInsteadOfDroppingThem() throws IOException {
        Path inventory = dir.resolve("down.yaml");
        Files.writeString(inventory, "all:\n  hosts:\n    down:\n      ansible_host: 127.0.0.1\n      ansible_port: 1\n"
                + "      ansible_connection: ssh\n");
        Path playbook = dir.resolve("site.yaml");
        Files.writeString(playbook, """
                - hosts: all
                  tasks:
                    - name: make dir
                      file: {path: /tmp/never, state: directory}
                    - name: write file
                      copy: {content: x, dest: /tmp/never/x}
                """);
        Result plan = swarmplay("-i", inventory.toString(), playbook.toString(), "--plan");
        assertEquals(3, plan.code(), plan.out() + plan.err());
        assertTrue(plan.out().contains("? file./tmp/never  ("), plan.out());
        assertTrue(plan.out().contains("? copy./tmp/never/x  ("), plan.out());
        assertTrue(plan.out().contains("host unreachable (planned without its state)"), plan.out());
        assertTrue(plan.out().contains("\n  down: cannot connect to "), plan.out());
        Result run = swarmplay("-i", inventory.toString(), playbook.toString());
        assertEquals(4, run.code(), "a plan exits 3, a run 4 as ansible-playbook:\n" + run.out());
        assertEquals(4, swarmplay("-i", inventory.toString(), playbook.toString(), "--check").code(), "--check is a run");
        assertTrue(run.out().contains("fatal: [down]: UNREACHABLE!"), run.out());
    }
}
