package io.swarmplay.run;

import io.swarmplay.module.Action;
import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunnerTest {

    @TempDir
    Path dir;

    private RunFixture fixture(String playbook) {
        return new RunFixture(dir).hosts("h1", "h2").playbook(playbook);
    }

    @Test
    void whenSkipsPerHostAndReportsTheCondition() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: only h2
                      file: {path: "{{ root }}/marker", state: touch}
                      when: inventory_hostname == 'h2'
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.SKIPPED, "h2", Status.CHANGED), run.events().statuses("only h2"));
        assertEquals("when: inventory_hostname == 'h2' was false", run.events().outcome("only h2", "h1").message());
        assertFalse(Files.exists(dir.resolve("h1/marker")));
        assertTrue(Files.exists(dir.resolve("h2/marker")));
        assertTrue(run.output().contains("skipping: [h1] (when: inventory_hostname == 'h2' was false)"), run.output());
    }

    @Test
    void loopRegistersResultsPerItemAndLaterTasksReadThem() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: write files
                      copy: {content: "{{ item }}", dest: "{{ root }}/{{ item }}.txt"}
                      loop: [a, b, c]
                      register: written
                    - name: count
                      assert:
                        that:
                          - written.results | length == 3
                          - written.results[1].item == 'b'
                          - written is changed
                """).run(Mode.APPLY);
        assertEquals(Status.CHANGED, run.events().outcome("write files", "h1").status());
        assertEquals(Status.OK, run.events().outcome("count", "h1").status(), run.output());
        assertTrue(run.output().contains("changed: [h1] => (item=b)"), run.output());
    }

    @Test
    void handlersRunOnceAtTheEndOfThePlayOnlyForNotifiedHosts() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: change on h1 only
                      file: {path: "{{ root }}/a", state: touch}
                      when: inventory_hostname == 'h1'
                      notify: restart
                    - name: change again
                      file: {path: "{{ root }}/b", state: touch}
                      when: inventory_hostname == 'h1'
                      notify: [restart]
                    - name: after
                      debug: {msg: hi}
                  handlers:
                    - name: restart
                      file: {path: "{{ root }}/restarted", state: touch}
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.CHANGED), run.events().statuses("restart"));
        List<String> order = run.events().taskNames();
        assertEquals("restart", order.get(order.size() - 1), "handlers run after the tasks: " + order);
        assertTrue(Files.exists(dir.resolve("h1/restarted")));
        assertFalse(Files.exists(dir.resolve("h2/restarted")));
    }

    @Test
    void rescueSeesTheFailedTaskAndAlwaysRunsForEveryHost() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - block:
                        - name: fails on h1
                          command: /bin/false
                          when: inventory_hostname == 'h1'
                        - name: after failure
                          debug: {msg: only h2 gets here}
                      rescue:
                        - name: recover
                          copy: {content: "{{ ansible_failed_task.name }}", dest: "{{ root }}/rescued"}
                      always:
                        - name: cleanup
                          file: {path: "{{ root }}/always", state: touch}
                """).run(Mode.APPLY);
        assertEquals(Map.of("h2", Status.OK), run.events().statuses("after failure"));
        assertEquals(Map.of("h1", Status.CHANGED), run.events().statuses("recover"));
        assertEquals(Set.of("h1", "h2"), run.events().statuses("cleanup").keySet());
        assertEquals(1, run.result().recap().host("h1").rescued);
        assertEquals(0, run.result().recap().host("h1").failed);
        assertEquals(ExitStatus.OK, run.result().status());
    }

    @Test
    void failedHostLeavesThePlayAndExitStatusSaysSo() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: break h1
                      command: /bin/false
                      when: inventory_hostname == 'h1'
                    - name: next
                      debug: {msg: still here}
                    - name: ignored failure
                      command: /bin/false
                      ignore_errors: true
                """).run(Mode.APPLY);
        assertEquals(Map.of("h2", Status.OK), run.events().statuses("next"));
        assertEquals(ExitStatus.HOST_FAILED, run.result().status());
        assertEquals(1, run.result().recap().host("h1").failed);
        assertEquals(1, run.result().recap().host("h2").ignored);
        assertTrue(run.output().contains("...ignoring"), run.output());
    }

    @Test
    void whenEveryHostFailsTheLaterPlaysDoNotRun() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: break all
                      fail: {msg: broken on purpose}
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: second play
                      debug: {msg: never}
                """).run(Mode.APPLY);
        assertEquals(Map.of(), run.events().statuses("second play"));
        assertTrue(run.output().contains("fatal: [h1]: FAILED! => broken on purpose"), run.output());
    }

    @Test
    void untilRetriesUntilTheConditionHoldsAndCountsAttempts() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - name: count up
                      shell: echo x >> {{ root }}/count; wc -l < {{ root }}/count
                      register: counter
                      until: counter.stdout | int >= 3
                      retries: 5
                      delay: 0
                    - name: show
                      assert: {that: counter.attempts == 3}
                """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("show", "h1").status(), run.output());
    }

    @Test
    void changedWhenAndFailedWhenOverrideTheStatus() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - name: read only
                      command: echo hello
                      register: out
                      changed_when: false
                    - name: grep finds nothing
                      command: grep -q nothing {{ root }}/../inventory.yaml
                      register: grep
                      failed_when: grep.rc not in [0, 1]
                      changed_when: false
                    - name: fails on output
                      command: echo ERROR
                      register: bad
                      failed_when: "'ERROR' in bad.stdout"
                """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("read only", "h1").status());
        assertEquals(Status.OK, run.events().outcome("grep finds nothing", "h1").status(), run.output());
        assertEquals(Status.FAILED, run.events().outcome("fails on output", "h1").status());
    }

    @Test
    void limitTagsAndStartAtTaskSelectWhatRuns() {
        RunFixture f = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: first
                      debug: {msg: one}
                      tags: [setup]
                    - name: second
                      debug: {msg: two}
                      tags: [deploy]
                    - name: third
                      debug: {msg: three}
                      tags: [always]
                """);
        f.limit = "h2";
        f.tags = Set.of("deploy");
        RunFixture.Run run = f.run(Mode.APPLY);
        assertEquals(List.of("second", "third"), run.events().taskNames());
        assertEquals(Set.of("h2"), run.events().statuses("second").keySet());
        f.limit = null;
        f.tags = Set.of();
        f.startAt = "sec*";
        assertEquals(List.of("second", "third"), f.run(Mode.APPLY).events().taskNames());
    }

    @Test
    void planAndCheckChangeNothingAndPredictWhatApplyDoes() {
        RunFixture f = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: dir
                      file: {path: "{{ root }}/conf", state: directory}
                    - name: config
                      copy: {content: "port={{ 8000 + groups['web'].index(inventory_hostname) }}\\n", dest: "{{ root }}/conf/app.conf"}
                    - name: same on h1
                      copy: {content: "fixed\\n", dest: "{{ root }}/fixed"}
                      when: inventory_hostname == 'h1'
                """);
        RunFixture.Run plan = f.run(Mode.PLAN);
        RunFixture.Run check = f.run(Mode.CHECK);
        assertFalse(Files.exists(dir.resolve("h1/conf")), "plan and check must not create anything");
        RunFixture.Run apply = f.run(Mode.APPLY);
        assertEquals(apply.events().changes(), plan.events().changes());
        assertEquals(apply.events().changes(), check.events().changes());
        assertEquals(List.of(), f.run(Mode.APPLY).events().changes(), "a second run changes nothing");
    }

    @Test
    void valuesRegisteredByAStepThatWouldChangeAreUnknownInThePlanNotErrors() {
        RunFixture.Run plan = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - name: make token
                      command: echo s3cr3t-token
                      register: token
                    - name: store token
                      copy: {content: "{{ token.stdout }}", dest: "{{ root }}/token"}
                    - name: use token in a condition
                      debug: {msg: yes}
                      when: token.stdout | length > 3
                """).run(Mode.PLAN);
        assertEquals(Status.WOULD_CHANGE, plan.events().outcome("store token", "h1").status());
        assertEquals(Action.UNKNOWN, plan.events().outcome("store token", "h1").change().action());
        assertEquals(ExitStatus.OK, plan.result().status());
        assertFalse(Files.exists(dir.resolve("h1/token")));
    }

    @Test
    void noLogResultsAreMaskedEverywhereLater() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - name: make token
                      command: echo JoinToken-12345-abcdef
                      register: token
                      no_log: true
                    - name: print it
                      debug: {msg: "token is {{ token.stdout }}"}
                """).run(Mode.APPLY);
        assertFalse(run.output().contains("JoinToken-12345-abcdef"), run.output());
        assertTrue(run.output().contains("token is ********"), run.output());
    }

    @Test
    void runOnceSharesTheResultAndDelegateToRunsElsewhere() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: once
                      command: echo {{ inventory_hostname }}
                      register: who
                      run_once: true
                    - name: everyone sees it
                      assert: {that: who.stdout == 'h1'}
                    - name: delegated
                      file: {path: "{{ root }}-delegated", state: touch}
                      delegate_to: h1
                """).run(Mode.APPLY);
        assertEquals(Set.of("h1"), run.events().statuses("once").keySet());
        assertEquals(Map.of("h1", Status.OK, "h2", Status.OK), run.events().statuses("everyone sees it"));
        assertTrue(run.output().contains("changed: [h2 -> h1]"), run.output());
        assertTrue(Files.exists(dir.resolve("h2-delegated")));
    }

    @Test
    void setFactAndVariablePrecedenceFollowAnsible() {
        RunFixture f = fixture("""
                - hosts: h1
                  gather_facts: false
                  vars: {color: play, size: play}
                  tasks:
                    - name: task vars beat play vars
                      assert: {that: color == 'task'}
                      vars: {color: task}
                    - name: set
                      set_fact: {size: fact}
                    - name: facts beat play vars, extra vars beat all
                      assert: {that: [size == 'fact', mode == 'extra']}
                      vars: {mode: task}
                """);
        f.extraVars = Map.of("mode", "extra");
        RunFixture.Run run = f.run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("task vars beat play vars", "h1").status(), run.output());
        assertEquals(Status.OK, run.events().outcome("facts beat play vars, extra vars beat all", "h1").status(), run.output());
    }

    @Test
    void recapLineHasAnsiblesExactFormat() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - name: touch
                      file: {path: "{{ root }}/x", state: touch}
                """).run(Mode.APPLY);
        assertTrue(run.output().contains(
                "h1                         : ok=1    changed=1    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0   "),
                run.output());
    }

    @Test
    void transferMovesAFileBetweenHostsAndIsIdempotent() throws Exception {
        RunFixture f = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - name: make bundle
                      copy: {content: "bundle-of-h1\\n", dest: "{{ root }}/bundle.pem", mode: "0640"}
                - hosts: h2
                  gather_facts: false
                  tasks:
                    - name: give h2 the bundle
                      transfer:
                        from: h1
                        src: "{{ hostvars['h1'].root }}/bundle.pem"
                        dest: "{{ root }}/certs/h1.pem"
                    - name: fetch it back
                      fetch: {src: "{{ root }}/certs/h1.pem", dest: "%s/fetched"}
                """.formatted(dir));
        RunFixture.Run plan = f.run(Mode.PLAN);
        assertEquals(Action.CREATE, plan.events().outcome("give h2 the bundle", "h2").change().action());
        assertTrue(plan.events().outcome("give h2 the bundle", "h2").message().startsWith("h1:" + dir.resolve("h1/bundle.pem") + " → h2:"),
                plan.events().outcome("give h2 the bundle", "h2").message());
        RunFixture.Run first = f.run(Mode.APPLY);
        assertEquals(ExitStatus.OK, first.result().status(), first.output());
        assertEquals("bundle-of-h1\n", Files.readString(dir.resolve("h2/certs/h1.pem")));
        assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("h2/certs/h1.pem"))), "mode follows the source");
        assertEquals("bundle-of-h1\n", Files.readString(dir.resolve("fetched/h2" + dir.resolve("h2/certs/h1.pem"))));
        assertEquals(List.of(), f.run(Mode.APPLY).events().changes(), "a second run changes nothing");
    }

    @Test
    void hostvarsRenderAnotherHostsTemplatedValuesInThatHostsVariables() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  vars:
                    bundle: "{{ root }}/bundle.pem"
                  tasks:
                    - name: h2 reads h1's path
                      assert:
                        that: hostvars['h1'].bundle == hostvars['h1'].root ~ '/bundle.pem'
                      when: inventory_hostname == 'h2'
                """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("h2 reads h1's path", "h2").status(), run.output());
    }

    @Test
    void includeTasksLoadsPerHostAndABrokenFileFailsOnlyItsHosts() {
        RunFixture f = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: per host
                      include_tasks: "tasks-{{ inventory_hostname }}.yaml"
                    - name: after
                      debug: {msg: done}
                """)
                .file("tasks-h1.yaml", "- name: on h1\n  file: {path: \"{{ root }}/one\", state: touch}\n")
                .file("tasks-h2.yaml", "- name: broken\n  copyy: {dest: /tmp/x}\n");
        RunFixture.Run run = f.run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.CHANGED), run.events().statuses("on h1"));
        assertEquals(Status.FAILED, run.events().outcome("per host", "h2").status(), run.output());
        assertTrue(run.events().outcome("per host", "h2").message().contains("unknown module 'copyy'"), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("after"));
    }

    @Test
    void anInterruptKillsTheRunningCommandsStartsNothingNewAndPrintsTheRecap() throws Exception {
        RunFixture f = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: running
                      command: sleep 30
                    - name: never started
                      file: {path: "{{ root }}/late", state: touch}
                """);
        java.util.concurrent.CompletableFuture<RunFixture.Run> run =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> f.run(Mode.APPLY));
        Thread.sleep(400);
        long start = System.nanoTime();
        f.runner.interrupt();
        RunFixture.Run done = run.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - start < 3_000_000_000L, "the interrupted run took too long");
        assertEquals(ExitStatus.INTERRUPTED, done.result().status());
        assertEquals(Map.of("h1", Status.FAILED, "h2", Status.FAILED), done.events().statuses("running"));
        assertTrue(done.output().contains("interrupted: 'sleep 30' on the control node was killed"), done.output());
        assertEquals(Map.of(), done.events().statuses("never started"));
        assertTrue(done.output().contains("PLAY RECAP"), done.output());
    }

    @Test
    void argumentsNamedLikeSecretsAreMaskedInThePlanAndEverywhereAfter() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  vars:
                    registry: {user: bob, password: "Hunter2-very-secret"}
                  tasks:
                    - name: log in
                      copy: {content: "{{ registry | to_json }}", dest: "{{ root }}/auth.json"}
                    - name: echo
                      debug: {msg: "{{ registry.password }}"}
                """).run(Mode.PLAN);
        assertFalse(run.output().contains("Hunter2-very-secret"), run.output());
        RunRecorder events = run.events();
        assertFalse(events.finished().stream().anyMatch(e -> String.valueOf(e.args()).contains("Hunter2")), "plan args");
    }
}
