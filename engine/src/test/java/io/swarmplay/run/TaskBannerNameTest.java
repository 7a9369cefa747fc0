package io.swarmplay.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ansible's strategies template a task's name for its banner with the first host's variables
 * ({@code fail_on_undefined=False}: a name that cannot be rendered shows as written), and the retry
 * line names the task as rendered for the host.
 */
class TaskBannerNameTest {

    @TempDir
    Path dir;

    @Test
    void aTaskNameIsTemplatedWithTheHostsVariablesInBannerAndRetryLine() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars: {foo: blippy}
                  tasks:
                    - {name: "First run {{ foo }}", command: "echo one", register: r}
                    - name: "{{ r.stdout }}"
                      command: "echo two"
                      register: r
                      until: false
                      retries: 1
                      delay: 0
                      ignore_errors: true
                    - {name: "Undefined {{ not_defined }}", debug: {msg: x}}
                    - {name: "{{ r.stdout }} last", debug: {msg: x}}
                """).run(Mode.APPLY);
        String out = run.output();
        assertTrue(out.contains("TASK [First run blippy]"), out);
        assertTrue(out.contains("TASK [one]"), out);
        assertTrue(out.contains("FAILED - RETRYING: [h1]: one (1 retries left)."), out);
        assertTrue(out.contains("TASK [Undefined {{ not_defined }}]"), out);
        assertTrue(out.contains("TASK [two last]"), out);
    }
}
