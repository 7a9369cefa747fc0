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
        assertEquals("Conditional result was False", run.events().outcome("only h2", "h1").message());
        assertFalse(Files.exists(dir.resolve("h1/marker")));
        assertTrue(Files.exists(dir.resolve("h2/marker")));
        assertTrue(run.output().contains("skipping: [h1] => {\"changed\": false, \"skip_reason\": \"Conditional result was False\"}"), run.output());
    }

    @Test
    void ansibleFactsIsAnEmptyMappingBeforeFactsAreGathered() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - name: no facts
                      debug: {msg: "{{ ansible_facts }}"}
                      when: ansible_facts == {} and hostvars[inventory_hostname].ansible_facts == {}
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("no facts"), run.output());
    }

    @Test
    void theTemplateModuleGivesAnsiblesTemplateVariables() throws Exception {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  vars: {template_path: mine, ansible_managed: mine}
                  tasks:
                    - template: {src: m.j2, dest: "{{ root }}/out.txt"}
                """).file("m.j2", "{{ template_path }}|{{ template_destpath }}|{{ ansible_managed }}|{{ template_fullpath }}|"
                + "{{ template_run_date | type_debug }}|{{ template_host == '' }}|{{ template_uid == '' }}\n").run(Mode.APPLY);
        assertEquals("m.j2|" + dir.resolve("h1/out.txt") + "|Ansible managed|" + dir.resolve("m.j2") + "|datetime|False|False\n",
                Files.readString(dir.resolve("h1/out.txt")), run.output());
    }

    @Test
    void theStringFalseIsTrueAndItsNegationFalseAsInAnsible() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  vars: {x: "false"}
                  tasks:
                    - {name: "x", debug: {msg: yes}, when: x}
                    - {name: "not x", debug: {msg: yes}, when: not x}
                    - {name: "x and true", debug: {msg: yes}, when: x and true}
                    - {name: "bool", debug: {msg: yes}, when: x | bool}
                    - {name: "braces", debug: {msg: yes}, when: "{{ x }}"}
                """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("x", "h1").status());
        assertEquals("Conditional result was False", run.events().outcome("not x", "h1").message());
        assertEquals(Status.OK, run.events().outcome("x and true", "h1").status());
        assertEquals(Status.SKIPPED, run.events().outcome("bool", "h1").status());
        assertEquals(Status.SKIPPED, run.events().outcome("braces", "h1").status(), "rendered, then evaluated");
        assertEquals(3, run.result().recap().host("h1").skipped, run.output());
    }

    @Test
    void commandsAndRelativePathsOnTheControlNodeStartInThePlaybooksDirectory() throws Exception {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - {name: where, command: pwd, register: where}
                    - {name: read, shell: cat marker.txt, register: marker}
                    - {name: stat, stat: {path: marker.txt}, register: st}
                    - {name: write, copy: {content: "written\\n", dest: out/written.txt}}
                    - name: show
                      debug: {msg: "{{ where.stdout }} {{ marker.stdout }} {{ st.stat.exists }}"}
                """).file("marker.txt", "in-playbook-dir\n").file("out/.keep", "").run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(dir.toRealPath() + " in-playbook-dir True", run.events().outcome("show", "h1").data().get("msg"));
        assertEquals("written\n", Files.readString(dir.resolve("out/written.txt")));
    }

    @Test
    void setFactInALoopSetsFactsItemByItemAsAnsible() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - name: accumulate
                      set_fact:
                        acc: "{{ (acc | default([])) + [item] }}"
                        last: "{{ item }}"
                      loop: [a, b, c]
                    - name: show
                      debug: {msg: "{{ acc }} {{ last }}"}
                    - name: conditional set
                      set_fact: {picked: "{{ item }}"}
                      loop: [1, 2, 3]
                      when: item > 1
                    - name: picked
                      debug: {var: picked}
                """).run(Mode.APPLY);
        assertEquals("['a', 'b', 'c'] c", run.events().outcome("show", "h1").data().get("msg"), run.output());
        assertEquals(3, run.events().outcome("picked", "h1").data().get("picked"), run.output());
        assertTrue(run.output().contains("skipping: [h1] => (item=1)"), run.output());
        assertTrue(run.output().contains("ok: [h1] => (item=3)"), run.output());
        assertEquals(4, run.result().recap().host("h1").ok, run.output());
    }

    @Test
    void setFactMakesBooleansOfYesAndNoTextOnlyWithoutJinja2Native() {
        String playbook = """
                - hosts: h1
                  gather_facts: false
                  vars: {word: "no"}
                  tasks:
                    - set_fact: {quoted: "yes", templated: "{{ word }}", number: "{{ '1' }}"}
                    - name: show
                      debug: {msg: "{{ quoted | type_debug }} {{ templated | type_debug }} {{ number | type_debug }}"}
                """;
        RunFixture plain = fixture(playbook);
        assertEquals("bool bool str", plain.run(Mode.APPLY).events().outcome("show", "h1").data().get("msg"));
        RunFixture nativeTypes = fixture(playbook);
        nativeTypes.jinja2Native = true;
        RunFixture.Run run = nativeTypes.run(Mode.APPLY);
        assertEquals("str str int", run.events().outcome("show", "h1").data().get("msg"), run.output());
    }

    @Test
    void loopControlExtendedSetsAnsibleLoopAsAnsibleDoesAndPauseWaitsBetweenItems() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - name: extended
                      debug:
                        msg: "{{ ansible_loop.index }}/{{ ansible_loop.revindex0 }} {{ ansible_loop.previtem | default('-') }} {{ ansible_loop.nextitem | default('-') }} {{ ansible_loop.allitems | join('') }} {{ i }} {{ ansible_index_var }}"
                      loop: [a, b, c]
                      loop_control: {extended: true, index_var: i, pause: 0.2}
                      register: ext
                    - name: plain
                      debug: {msg: "{{ ansible_loop is defined }} {{ ansible_loop_var }}"}
                      loop: [x]
                      loop_control: {loop_var: x}
                      register: plain
                    - name: without allitems
                      debug: {msg: "{{ ansible_loop.allitems is defined }} {{ ansible_loop.last }}"}
                      loop: [1]
                      loop_control: {extended: yes, extended_allitems: no}
                      register: noall
                """).run(Mode.APPLY);
        List<?> ext = (List<?>) ((Map<?, ?>) run.events().outcome("extended", "h1").data()).get("results");
        assertEquals(List.of("1/2 - b abc 0 i", "2/1 a c abc 1 i", "3/0 b - abc 2 i"),
                ext.stream().map(r -> ((Map<?, ?>) r).get("msg")).toList(), run.output());
        List<?> plain = (List<?>) run.events().outcome("plain", "h1").data().get("results");
        assertEquals("False x", ((Map<?, ?>) plain.get(0)).get("msg"), run.output());
        List<?> noall = (List<?>) run.events().outcome("without allitems", "h1").data().get("results");
        assertEquals("False True", ((Map<?, ?>) noall.get(0)).get("msg"), run.output());
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
    void notifyOnAnImportOrABlockIsInheritedByItsTasksUnlessTheyHaveTheirOwn() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - name: imported
                      import_tasks: tasks.yaml
                      notify: restart
                    - block:
                        - name: in block
                          command: "true"
                      notify: from block
                  handlers:
                    - {name: restart, debug: {msg: restarted}}
                    - {name: other, debug: {msg: other}}
                    - {name: from block, debug: {msg: block}}
                """).file("tasks.yaml", """
                - name: changes
                  command: "true"
                - name: own notify
                  command: "true"
                  notify: other
                """).run(Mode.APPLY);
        assertEquals(List.of("changes", "own notify", "in block", "restart", "other", "from block"), run.events().taskNames(),
                run.output());
        assertTrue(run.output().contains("RUNNING HANDLER [restart]"), run.output());
        assertEquals(6, run.result().recap().host("h1").ok, run.output());
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
    void anyErrorsFatalLetsARescueHandleTheFailureAndThePlayGoOn() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  any_errors_fatal: true
                  tasks:
                    - block:
                        - name: fail on h1
                          command: /bin/false
                          when: inventory_hostname == 'h1'
                        - name: after in block
                          debug: {msg: after}
                      rescue:
                        - name: rescue
                          debug: {msg: rescued}
                      always:
                        - name: always
                          debug: {msg: always}
                    - name: rest of play
                      debug: {msg: rest}
                """).run(Mode.APPLY);
        assertEquals(Map.of("h2", Status.OK), run.events().statuses("after in block"), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("rescue"), run.output());
        assertEquals(Map.of("h1", Status.OK, "h2", Status.OK), run.events().statuses("always"), run.output());
        assertEquals(Map.of("h1", Status.OK, "h2", Status.OK), run.events().statuses("rest of play"), run.output());
        assertTrue(run.output().contains(
                "h1                         : ok=3    changed=0    unreachable=0    failed=0    skipped=0    rescued=1    ignored=0"),
                run.output());
        assertEquals(ExitStatus.OK, run.result().status());
    }

    @Test
    void anyErrorsFatalStopsEveryHostAndTheRunWhenNothingHandlesTheFailure() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  any_errors_fatal: true
                  tasks:
                    - block:
                        - name: fail on h1
                          command: /bin/false
                          when: inventory_hostname == 'h1'
                        - name: after in block
                          debug: {msg: after}
                      always:
                        - name: always
                          debug: {msg: always}
                    - name: fail again on h2
                      fail: {msg: boom}
                      when: inventory_hostname == 'h2'
                    - name: rest of play
                      debug: {msg: rest}
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: second play
                      debug: {msg: second}
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK, "h2", Status.OK), run.events().statuses("always"), "always still runs");
        assertEquals(Map.of(), run.events().statuses("rest of play"), run.output());
        assertEquals(Map.of(), run.events().statuses("second play"), run.output());
        assertTrue(run.output().contains("NO MORE HOSTS LEFT"), run.output());
        assertTrue(run.output().contains(
                "h1                         : ok=1    changed=0    unreachable=0    failed=1    skipped=0    rescued=0    ignored=0"),
                run.output());
        assertTrue(run.output().contains(
                "h2                         : ok=2    changed=0    unreachable=0    failed=1    skipped=1    rescued=0    ignored=0"),
                run.output());
        assertEquals(ExitStatus.HOST_FAILED, run.result().status());
    }

    @Test
    void aFailedRunOnceTaskStopsEveryHost() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: once fails
                      command: /bin/false
                      run_once: true
                    - name: after
                      debug: {msg: after}
                """).run(Mode.APPLY);
        assertEquals(Map.of(), run.events().statuses("after"), run.output());
        assertTrue(run.output().contains("NO MORE HOSTS LEFT"), run.output());
        assertEquals(Set.of("h1"), run.result().recap().hosts().keySet(), "h2 ran nothing, as in Ansible's recap");
        assertEquals(ExitStatus.HOST_FAILED, run.result().status());
    }

    @Test
    void serialRunsThePlayInBatchesAndEndBatchEndsOnlyTheCurrentOne() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1", "h2", "h3", "h4", "h5").playbook("""
                - hosts: web
                  gather_facts: false
                  serial: 2
                  tasks:
                    - name: one
                      debug: {msg: "{{ ansible_play_batch }} / {{ ansible_play_hosts }} / {{ ansible_play_hosts_all | length }}"}
                    - name: end batch on h3
                      meta: end_batch
                      when: inventory_hostname == 'h3'
                    - name: two
                      debug: {msg: two}
                - hosts: web
                  gather_facts: false
                  serial: [1, "50%"]
                  tasks:
                    - name: three
                      debug: {msg: "{{ ansible_play_batch }}"}
                """).run(Mode.APPLY);
        assertEquals("['h3', 'h4'] / ['h1', 'h2', 'h3', 'h4', 'h5'] / 5", run.events().outcome("one", "h3").data().get("msg"));
        assertEquals(Set.of("h1", "h2", "h5"), run.events().statuses("two").keySet(), "h3 ended its batch, h4 with it");
        assertTrue(run.output().contains("skipping: [h5] => {\"changed\": false, \"skip_reason\": \"end_batch conditional evaluated to False, continuing current batch\"}"), run.output());
        assertEquals(List.of("h2", "h3"), run.events().outcome("three", "h2").data().get("msg"));
        assertEquals(List.of("h4", "h5"), run.events().outcome("three", "h5").data().get("msg"));
        assertEquals(6, run.output().split("PLAY \\[web\\]", -1).length - 1, "a PLAY header per batch");
        assertTrue(run.output().contains(
                "h3                         : ok=2    changed=0    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0"),
                run.output());
        assertEquals(ExitStatus.OK, run.result().status());
    }

    @Test
    void aBatchThatFailsEntirelyStopsTheRun() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1", "h2", "h3", "h4").playbook("""
                - hosts: web
                  gather_facts: false
                  serial: 2
                  tasks:
                    - name: fail h3 h4
                      fail: {msg: boom}
                      when: inventory_hostname in ['h3', 'h4']
                    - name: after
                      debug: {msg: after}
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: next play
                      debug: {msg: next}
                """).run(Mode.APPLY);
        assertEquals(Set.of("h1", "h2"), run.events().statuses("after").keySet());
        assertEquals(Map.of(), run.events().statuses("next play"));
        assertEquals(ExitStatus.HOST_FAILED, run.result().status());
    }

    @Test
    void maxFailPercentageStopsThePlayAndTheRunOnceExceeded() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1", "h2", "h3", "h4").playbook("""
                - hosts: web
                  gather_facts: false
                  serial: 2
                  max_fail_percentage: 49
                  tasks:
                    - name: fail h3
                      fail: {msg: boom}
                      when: inventory_hostname == 'h3'
                    - name: after
                      debug: {msg: after}
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: next play
                      debug: {msg: next}
                """).run(Mode.APPLY);
        assertEquals(Set.of("h1", "h2"), run.events().statuses("after").keySet(), run.output());
        assertEquals(Map.of(), run.events().statuses("next play"));
        assertTrue(run.output().contains("NO MORE HOSTS LEFT"), run.output());
        assertTrue(run.output().contains(
                "h4                         : ok=0    changed=0    unreachable=0    failed=0    skipped=1    rescued=0    ignored=0"),
                run.output());
        assertEquals(ExitStatus.HOST_FAILED, run.result().status());
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
        assertTrue(run.output().contains("fatal: [h1]: FAILED! => {\"changed\": false, \"msg\": \"broken on purpose\"}"), run.output());
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
    void untilGivesChangedWhenAndFailedWhenTheAttemptsAndAFalseFailedWhenOutlivesTheLastRetry() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - name: never done
                      shell: 'true'
                      register: out
                      until: 1 == 0
                      retries: 2
                      delay: 0
                      failed_when: out.attempts > 6
                    - name: show
                      assert: {that: out.attempts == 2}
                """).run(Mode.APPLY);
        assertEquals(Status.CHANGED, run.events().outcome("never done", "h1").status(), run.output());
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
    void templatedTagsAreRenderedWithThePlaysVariablesBeforeTagsSelect() {
        RunFixture f = fixture("""
                - hosts: h1
                  gather_facts: false
                  vars: {mytag: deploy}
                  tasks:
                    - name: templated
                      debug: {msg: one}
                      tags: ["{{ mytag }}"]
                    - name: other
                      debug: {msg: two}
                      tags: [setup]
                """);
        f.tags = Set.of("deploy");
        assertEquals(List.of("templated"), f.run(Mode.APPLY).events().taskNames());
        f.tags = Set.of();
        f.skipTags = Set.of("deploy");
        assertEquals(List.of("other"), f.run(Mode.APPLY).events().taskNames());
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
        // the file does not exist: it is created whatever the token turns out to be; the value is unknown
        assertEquals(Action.CREATE, plan.events().outcome("store token", "h1").change().action());
        assertEquals("(known after apply)", plan.events().finished().stream()
                .filter(e -> e.name().equals("store token")).findFirst().orElseThrow().args().get("content"));
        assertEquals(Action.UNKNOWN, plan.events().outcome("use token in a condition", "h1").change().action());
        assertEquals(ExitStatus.OK, plan.result().status());
        assertFalse(Files.exists(dir.resolve("h1/token")));
    }

    @Test
    void aRegisteredValueHoldingTemplatesIsPrintedLiterallyEverywhereItIsUsed() throws Exception {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  vars:
                    ctlvar: CONTROLLER-ONLY
                    via_vars: "{{ out.stdout }}"
                  tasks:
                    - name: host output
                      shell: "printf '%s\\\\n' '{{ '{{' }} ctlvar {{ '}}' }}' 'two {{ '{%' }} if true %}x{{ '{%' }} endif %}'"
                      register: out
                    - name: debug msg
                      debug: {msg: "got {{ out.stdout_lines[0] }}"}
                    - name: debug var
                      debug: {var: "out.stdout_lines[1]"}
                    - name: module argument
                      command: echo "{{ out.stdout_lines[0] }}"
                      register: echoed
                    - name: file content
                      copy: {content: "{{ out.stdout }}", dest: "{{ root }}/copied.txt"}
                    - name: template
                      template: {src: show.j2, dest: "{{ root }}/templated.txt"}
                    - name: loop
                      set_fact: {looped: "{{ item }}"}
                      loop: "{{ out.stdout_lines }}"
                    - name: copy to facts
                      set_fact:
                        copied: "{{ out.stdout_lines[0] }}"
                        whole: "{{ out }}"
                        literal: "{{ '{{' }} ctlvar {{ '}}' }}"
                    - name: facts
                      debug: {msg: "{{ echoed.stdout }} | {{ copied }} | {{ whole.stdout_lines[1] }} | {{ looped }} | {{ via_vars }} | {{ tv }}"}
                      vars: {tv: "{{ out.stdout_lines[0] }}"}
                    - name: other host
                      debug: {msg: "{{ hostvars['h1'].copied }} {{ hostvars['h1'].out.stdout_lines[0] }}"}
                      when: inventory_hostname == 'h2'
                    - name: safe templates still render
                      debug: {msg: "{{ literal }}"}
                    - name: condition
                      debug: {msg: never}
                      when: "{{ out.stdout_lines[0] }}"
                """).file("show.j2", "tpl: {{ out.stdout_lines[0] }} {{ copied | default('') }}\n").run(Mode.APPLY);
        String literal = "{{ ctlvar }}";
        assertEquals("got " + literal, run.events().outcome("debug msg", "h1").data().get("msg"), run.output());
        assertEquals("two {% if true %}x{% endif %}", run.events().outcome("debug var", "h1").data().get("out.stdout_lines[1]"));
        assertEquals(literal + "\ntwo {% if true %}x{% endif %}", Files.readString(dir.resolve("h1/copied.txt")));
        assertEquals("tpl: " + literal + " \n", Files.readString(dir.resolve("h1/templated.txt")));
        assertEquals(literal + " | " + literal + " | two {% if true %}x{% endif %} | two {% if true %}x{% endif %} | "
                + literal + "\ntwo {% if true %}x{% endif %} | " + literal, run.events().outcome("facts", "h1").data().get("msg"));
        assertEquals(literal + " " + literal, run.events().outcome("other host", "h2").data().get("msg"));
        assertEquals("CONTROLLER-ONLY", run.events().outcome("safe templates still render", "h1").data().get("msg"),
                "a template the playbook wrote is rendered again, as in Ansible");
        assertTrue(run.events().outcome("condition", "h1").message().startsWith("The conditional check '{{ out.stdout_lines[0] }}'"
                + " failed. The error was: the condition '{{ out.stdout_lines[0] }}' is marked as unsafe (it holds data from a host)"
                + " and cannot be evaluated\n\nThe error appears to be in '" + dir.resolve("site.yaml") + "': line 37, column 7"),
                run.events().outcome("condition", "h1").message());
        assertTrue(run.output().contains("at site.yaml:37:7 (compare the value instead, e.g. `when: result.stdout == 'yes'`)")
                || run.output().contains(":37:7 (compare the value instead"), run.output());
        assertFalse(run.output().contains("got CONTROLLER-ONLY"), run.output());
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
        // play vars are not in hostvars (Ansible 2.14): the templated value lives in the inventory's group_vars
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  vars:
                    play_only: 1
                  tasks:
                    - name: h2 reads h1's path
                      assert:
                        that:
                          - hostvars['h1'].bundle == hostvars['h1'].root ~ '/bundle.pem'
                          - "'play_only' not in hostvars['h1']"
                      when: inventory_hostname == 'h2'
                """).file("group_vars/web.yml", "bundle: \"{{ root }}/bundle.pem\"\n").run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("h2 reads h1's path", "h2").status(), run.output());
    }

    @Test
    void hostvarsOfAHostHoldNoPlayMagicSoTheyCanBeDumpedAsJson() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: dump
                      assert:
                        that:
                          - (hostvars[inventory_hostname] | to_nice_json | from_json).inventory_hostname == inventory_hostname
                          - "'hostvars' not in hostvars[inventory_hostname]"
                          - "'ansible_play_hosts' not in hostvars[inventory_hostname]"
                          - "'groups' in hostvars[inventory_hostname]"
                """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("dump", "h1").status(), run.output());
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
    void includeTasksLoopsOverItsItemsAndHostsWithTheSameItemRunTogether() {
        RunFixture f = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: looped include
                      include_tasks: item.yaml
                      loop: [x, y, z]
                      when: item != 'y' and (inventory_hostname == 'h1' or item == 'z')
                    - name: with loop_var
                      include_tasks: thing.yaml
                      loop: [p]
                      loop_control: {loop_var: thing}
                      when: inventory_hostname == 'h1'
                """)
                .file("item.yaml", "- name: in include\n  debug: {msg: \"item is {{ item }}\"}\n")
                .file("thing.yaml", "- name: in include 2\n  debug: {msg: \"thing is {{ thing }}\"}\n");
        RunFixture.Run run = f.run(Mode.APPLY);
        assertTrue(run.output().contains("skipping: [h2] => (item=x)"), run.output());
        assertTrue(run.output().contains("included: " + dir.resolve("item.yaml") + " for h1 => (item=x)\n"
                + "included: " + dir.resolve("item.yaml") + " for h1, h2 => (item=z)\n"), run.output());
        assertTrue(run.output().contains("\"msg\": \"item is z\""), run.output());
        assertTrue(run.output().contains("\"msg\": \"thing is p\""), run.output());
        assertEquals(6, run.result().recap().host("h1").ok, run.output());
        assertEquals(2, run.result().recap().host("h2").ok, run.output());
        assertEquals(1, run.result().recap().host("h2").skipped, run.output());
    }

    @Test
    void aLoopedIncludeHasTheSameItemLimitAsALoop() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - name: many includes
                      include_tasks: one.yaml
                      loop: "{{ range(10001) | list }}"
                """).file("one.yaml", "- debug: {msg: x}\n").run(Mode.APPLY);
        assertEquals(Status.FAILED, run.events().outcome("many includes", "h1").status(), run.output());
        assertTrue(run.events().outcome("many includes", "h1").message()
                .startsWith("loop has 10001 items: at most 10000 are run per task at "), run.output());
    }

    @Test
    void includeTasksWithAFalseWhenIsSkippedWithoutLoadingItsFile() {
        RunFixture.Run run = fixture("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - name: false include
                      include_tasks: broken.yaml
                      when: false
                    - name: after
                      debug: {msg: done}
                """).file("broken.yaml", "- name: broken\n  nosuchmodule: {a: 1}\n").run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(Status.SKIPPED, run.events().outcome("false include", "h1").status());
        assertEquals(Status.OK, run.events().outcome("after", "h1").status());
    }

    @Test
    void anIncludesWhenAndTagsActOnTheIncludeAloneItsVarsReachItsTasks() {
        RunFixture f = fixture("""
                - hosts: h1
                  gather_facts: false
                  vars: {flag: true}
                  tasks:
                    - name: cond include
                      include_tasks: flag.yaml
                      when: flag
                      vars: {v: from-include}
                      tags: [t1]
                    - block:
                        - name: in block
                          include_tasks: flag2.yaml
                      when: flag
                """)
                .file("flag.yaml", "- set_fact: {flag: false}\n- name: second\n  debug: {msg: \"v={{ v }}\"}\n"
                        + "- name: restore\n  set_fact: {flag: true}\n")
                .file("flag2.yaml", "- set_fact: {flag: false}\n- name: third\n  debug: {msg: x}\n");
        RunFixture.Run run = f.run(Mode.APPLY);
        assertEquals("v=from-include", run.events().outcome("second", "h1").data().get("msg"), run.output());
        assertEquals(Status.SKIPPED, run.events().outcome("third", "h1").status(), "the enclosing block's when is inherited");
        f.tags = Set.of("t1");
        RunFixture.Run tagged = f.run(Mode.APPLY);
        assertEquals(Map.of(), tagged.events().statuses("second"), "the include's tags select only the include");
        assertTrue(tagged.output().contains("included: " + dir.resolve("flag.yaml") + " for h1"), tagged.output());
    }

    @Test
    void anIncludeOfItselfFailsAtTheIncludeAfterAHundredLevelsInsteadOfOverflowingTheStack() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - include_tasks: self.yaml
                """).file("self.yaml", "- debug: {msg: again}\n- name: again\n  include_tasks: self.yaml\n").run(Mode.APPLY);
        assertEquals(ExitStatus.HOST_FAILED, run.result().status(), run.output());
        assertEquals("include_tasks nests more than 100 levels deep (self.yaml includes itself) at "
                + dir.resolve("self.yaml") + ":2:3", run.events().outcome("again", "h1").message());
    }

    @Test
    void aRecursiveIncludeEndedByAConditionStillRuns() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - include_tasks: count.yaml
                """).file("count.yaml", """
                - set_fact: {count: "{{ (count | default(0)) | int + 1 }}"}
                - include_tasks: count.yaml
                  when: count | int < 90
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(90, run.output().split("TASK \\[set_fact]", -1).length - 1, run.output());
    }

    @Test
    void anInterruptKillsTheRunningCommandsStartsNothingNewAndPrintsTheRecap() throws Exception {
        RunFixture f = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: running
                      shell: touch started && exec sleep 120
                      args: {chdir: "{{ root }}"}
                    - name: never started
                      file: {path: "{{ root }}/late", state: touch}
                """);
        java.util.concurrent.CompletableFuture<RunFixture.Run> run =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> f.run(Mode.APPLY));
        long waitEnd = System.nanoTime() + 60_000_000_000L;
        while (!(Files.exists(dir.resolve("h1/started")) && Files.exists(dir.resolve("h2/started"))) && System.nanoTime() < waitEnd) {
            Thread.sleep(50);
        }
        long start = System.nanoTime();
        f.runner.interrupt();
        RunFixture.Run done = run.get(100, java.util.concurrent.TimeUnit.SECONDS);
        // far below the 120 s sleep: the command was killed, not waited for (loose, for a loaded machine)
        assertTrue(System.nanoTime() - start < 60_000_000_000L, "the interrupted run waited for the command");
        assertEquals(ExitStatus.INTERRUPTED, done.result().status());
        assertEquals(Map.of("h1", Status.FAILED, "h2", Status.FAILED), done.events().statuses("running"));
        assertTrue(done.output().contains("interrupted: 'touch started && exec sleep 120' on the control node was killed"), done.output());
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
