package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The play keywords order, gather_subset and remote_user, as ansible-playbook 2.14 applies them (local connection). */
class PlayHostKeywordsTest {

    @TempDir
    Path dir;

    /** Whether the play's hosts ({@code ansible_play_hosts_all}, filtered by {@code shown}) come as {@code expected}. */
    private Map<String, Status> playHosts(String order, String shown, String expected) {
        RunFixture.Run run = new RunFixture(dir).hosts("b2", "a1", "c3").playbook("""
                - hosts: web
                  gather_facts: false
                  order: %s
                  tasks:
                    - {name: hosts, assert: {that: "ansible_play_hosts_all%s | join(',') == '%s'"}}
                """.formatted(order, shown, expected)).run(Mode.APPLY);
        return run.events().statuses("hosts");
    }

    @Test
    void aTemplatedHostsPatternIsRenderedWithThePlaysVarsAndExtraVars() {
        RunFixture fixture = new RunFixture(dir).hosts("h1", "h2", "h3").playbook("""
                - hosts: "{{ one | string }}"
                  gather_facts: false
                  tasks:
                    - {name: by extra var, debug: {msg: x}}
                - hosts: "{{ some }}"
                  gather_facts: false
                  vars: {some: [h2, h3]}
                  tasks:
                    - {name: by a list, debug: {msg: x}}
                """);
        fixture.extraVars = Map.of("one", "h1");
        RunFixture.Run run = fixture.run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("by extra var"), run.output());
        assertEquals(Map.of("h2", Status.OK, "h3", Status.OK), run.events().statuses("by a list"), run.output());
    }

    @Test
    void orderSortsReversesOrShufflesThePlaysHosts() {
        Map<String, Status> ok = Map.of("b2", Status.OK, "a1", Status.OK, "c3", Status.OK);
        assertEquals(ok, playHosts("inventory", "", "b2,a1,c3"));
        assertEquals(ok, playHosts("reverse_inventory", "", "c3,a1,b2"));
        assertEquals(ok, playHosts("sorted", "", "a1,b2,c3"));
        assertEquals(ok, playHosts("reverse_sorted", "", "c3,b2,a1"));
        assertEquals(ok, playHosts("shuffle", " | sort", "a1,b2,c3"));
        assertEquals(Status.FAILED, playHosts("sorted", "", "b2,a1,c3").get("a1"));
    }

    @Test
    void aTemplatedOrderIsRenderedWithExtraVarsAndAnInvalidOneStopsTheRun() {
        assertEquals(Map.of("b2", Status.OK, "a1", Status.OK, "c3", Status.OK),
                playHosts("'{{ myorder | default(\"inventory\") }}'", "", "b2,a1,c3"));
        RunFixture fixture = new RunFixture(dir).hosts("b2", "a1", "c3").playbook("""
                - hosts: web
                  gather_facts: false
                  order: "{{ myorder }}"
                  tasks:
                    - {name: hosts, assert: {that: "ansible_play_hosts_all | join(',') == 'c3,b2,a1'"}}
                """);
        fixture.extraVars = Map.of("myorder", "reverse_sorted");
        RunFixture.Run run = fixture.run(Mode.APPLY);
        assertEquals(Map.of("b2", Status.OK, "a1", Status.OK, "c3", Status.OK), run.events().statuses("hosts"), run.output());
        fixture.extraVars = Map.of("myorder", "upside_down");
        run = fixture.run(Mode.APPLY);
        assertTrue(run.output().contains("Invalid 'order' specified for inventory hosts: upside_down"), run.output());
        assertEquals(Map.of(), run.events().statuses("hosts"));
    }

    @Test
    void templatedBooleanPlayKeywordsAreRenderedWithThePlayVarsAndExtraVars() {
        RunFixture fixture = new RunFixture(dir).hosts("a1").playbook("""
                - hosts: web
                  gather_facts: "{{ gf }}"
                  force_handlers: "{{ not gf }}"
                  any_errors_fatal: "{{ gf }}"
                  vars: {gf: false}
                  tasks:
                    - {name: facts, assert: {that: "ansible_facts.keys() | list | length == 0"}}
                """);
        RunFixture.Run run = fixture.run(Mode.APPLY);
        assertEquals(Map.of("a1", Status.OK), run.events().statuses("facts"), run.output());
        fixture.extraVars = Map.of("gf", "maybe");
        run = fixture.run(Mode.APPLY);
        assertTrue(run.output().contains("the field 'gather_facts' has an invalid value ({{ gf }}), and could not be "
                + "converted to an bool.The error was: The value 'maybe' is not a valid boolean."), run.output());
    }

    @Test
    void aTemplatedStrategyIsRenderedLinearRunsAnUnknownOneStopsTheRun() {
        RunFixture fixture = new RunFixture(dir).hosts("a1").playbook("""
                - hosts: web
                  gather_facts: false
                  strategy: "{{ test_strategy | default('linear') }}"
                  tasks:
                    - {name: t, debug: {msg: hi}}
                """);
        RunFixture.Run run = fixture.run(Mode.APPLY);
        assertEquals(Map.of("a1", Status.OK), run.events().statuses("t"), run.output());
        assertTrue(!run.output().contains("not supported"), run.output());
        fixture.extraVars = Map.of("test_strategy", "free");
        run = fixture.run(Mode.APPLY);
        assertTrue(run.output().contains("strategy 'free' is not supported yet; the play runs with 'linear'"), run.output());
        fixture.extraVars = Map.of("test_strategy", "bogus");
        run = fixture.run(Mode.APPLY);
        assertTrue(run.output().contains("Invalid play strategy specified: bogus"), run.output());
        assertEquals(Map.of(), run.events().statuses("t"));
    }

    @Test
    void theGatheringSettingDecidesForPlaysWithoutGatherFacts() {
        String twoPlays = """
                - hosts: web
                  tasks:
                    - {name: first, assert: {that: "%s"}}
                    - {name: forget, set_fact: {ansible_hostname: changed}}
                - hosts: web
                  tasks:
                    - {name: second, assert: {that: "%s"}}
                - hosts: web
                  gather_facts: true
                  tasks:
                    - {name: third, assert: {that: "ansible_distribution is defined"}}
                """;
        RunFixture fixture = new RunFixture(dir).hosts("h1");
        fixture.gathering = io.swarmplay.playbook.Gathering.EXPLICIT;
        RunFixture.Run run = fixture.playbook(twoPlays.formatted("ansible_distribution is undefined",
                "ansible_distribution is undefined")).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("third"), run.output());
        fixture.gathering = io.swarmplay.playbook.Gathering.SMART;
        run = fixture.playbook(twoPlays.formatted("ansible_distribution is defined",
                "ansible_hostname == 'changed'")).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("second"), run.output());
        assertEquals(1, run.events().finished().stream().filter(e -> e.name().equals("Gathering Facts")).count(),
                "smart gathers a host's facts once per run: " + run.output());
    }

    @Test
    void gatherSubsetRestrictsTheImplicitFactGathering() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_subset: ['!all', '!min', distribution]
                  tasks:
                    - {name: has distribution, assert: {that: [ansible_distribution is defined, ansible_user_id is undefined]}}
                - hosts: web
                  gather_subset: [bogus]
                  tasks: []
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("has distribution"), run.output());
        assertTrue(run.output().contains("Bad subset 'bogus' given to Ansible. gather_subset options allowed: all, all_ipv4_addresses"),
                run.output());
    }

    @Test
    void remoteUserIsTheLoginUserUnlessAVariableSetsAnsibleUser() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  remote_user: deploy
                  tasks:
                    - {name: play user, assert: {that: "ansible_user == 'deploy'"}}
                - hosts: web
                  gather_facts: false
                  remote_user: deploy
                  vars: {ansible_user: admin}
                  tasks:
                    - {name: variable wins, assert: {that: "ansible_user == 'admin'"}}
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("play user"), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("variable wins"), run.output());
    }

    @Test
    void remoteUserOnATaskOrABlockWinsOverThePlaysAndLosesToAnAnsibleUserVariable() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  remote_user: deploy
                  tasks:
                    - {name: task user, assert: {that: "ansible_user == 'ops'"}, remote_user: ops}
                    - block:
                        - {name: block user, assert: {that: "ansible_user == 'blocky'"}}
                        - {name: inner task wins, assert: {that: "ansible_user == 'inner'"}, remote_user: inner}
                      remote_user: blocky
                    - {name: variable wins, assert: {that: "ansible_user == 'admin'"}, remote_user: ops, vars: {ansible_user: admin}}
                    - {name: play user again, assert: {that: "ansible_user == 'deploy'"}}
                """).run(Mode.APPLY);
        for (String task : java.util.List.of("task user", "block user", "inner task wins", "variable wins", "play user again")) {
            assertEquals(Map.of("h1", Status.OK), run.events().statuses(task), task + "\n" + run.output());
        }
    }
}
