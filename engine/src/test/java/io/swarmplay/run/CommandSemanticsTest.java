package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** command/shell results and check mode, checked against ansible-playbook 2.14 on the same playbooks. */
class CommandSemanticsTest {

    @TempDir
    Path dir;

    @Test
    void checkModeSkipsACommandButReportsOneWithCreatesOrRemovesChanged() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: plain, command: echo hi, register: a}
                    - {name: creates, command: echo hi, args: {creates: /nonexistent/x}, register: b}
                    - {name: removes, command: echo hi, args: {removes: "$HOME"}, register: c}
                """).run(Mode.CHECK);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(Status.SKIPPED, run.events().outcome("plain", "h1").status(), run.output());
        assertEquals(Status.WOULD_CHANGE, run.events().outcome("creates", "h1").status(), run.output());
        var counts = run.result().recap().host("h1");
        assertEquals(List.of(2, 2, 1), List.of(counts.ok, counts.changed, counts.skipped), "ansible-playbook: ok=2 changed=2 skipped=1");
    }

    @Test
    void commandExpandsSetVariablesAndTheHomeTildeInItsArgumentsButRegistersThemAsWritten() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: run, command: "echo $SP_SET ${SP_SET}x $SP_UNSET ~/y 'a b'", environment: {SP_SET: v, HOME: /h},
                       register: r}
                    - name: check
                      assert:
                        that:
                          - r.stdout == 'v vx $SP_UNSET /h/y a b'
                          - r.cmd == ['echo', '$SP_SET', '${SP_SET}x', '$SP_UNSET', '~/y', 'a b']
                          - r.msg == ''
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(Status.OK, run.events().outcome("check", "h1").status(), run.output());
    }

    @Test
    void aShellBlockKeepsItsLinesJoinsContinuationsAndTakesOutItsOwnArguments() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: run
                      shell: |
                        creates=/nonexistent/x
                        echo one \\
                        two
                        echo three
                      register: r
                    - name: check
                      assert:
                        that:
                          - r.cmd == 'echo one two\\necho three\\n'
                          - r.stdout_lines == ['one two', 'three']
                """).run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals(Status.OK, run.events().outcome("check", "h1").status(), run.output());
    }
}
