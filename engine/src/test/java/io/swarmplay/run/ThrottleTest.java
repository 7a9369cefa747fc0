package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code throttle}: at most N hosts run a task at once (within forks), the task's own value over its blocks' and
 * the play's, as ansible-playbook 2.14 with the linear strategy. Each step of a probe marks itself running, waits,
 * then records how many steps of the same probe were running.
 */
class ThrottleTest {

    private static final String PROBE = """
            d=$(dirname "$0"); mkdir -p "$d/running-$1"; touch "$d/running-$1/$2"; sleep 1
            ls "$d/running-$1" | wc -l >> "$d/count-$1"; rm "$d/running-$1/$2"
            """;

    @TempDir
    Path dir;

    private RunFixture fixture(String playbook) {
        return new RunFixture(dir).hosts("h1", "h2", "h3").file("probe.sh", PROBE).playbook(playbook);
    }

    /** The most steps of probe {@code label} seen running at once. */
    private int mostAtOnce(String label) throws IOException {
        return Files.readAllLines(dir.resolve("count-" + label)).stream().mapToInt(l -> Integer.parseInt(l.strip()))
                .max().orElseThrow();
    }

    @Test
    void aThrottledTaskRunsOnAtMostThatManyHostsAtOnce() throws IOException {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  vars: {one: 1}
                  tasks:
                    - {name: free, shell: "sh {{ playbook_dir }}/probe.sh free {{ inventory_hostname }}"}
                    - {name: task, shell: "sh {{ playbook_dir }}/probe.sh task {{ inventory_hostname }}", throttle: 1}
                    - block:
                        - {name: block, shell: "sh {{ playbook_dir }}/probe.sh block {{ inventory_hostname }}"}
                      throttle: "{{ one }}"
                    - block:
                        - {name: own, shell: "sh {{ playbook_dir }}/probe.sh own {{ inventory_hostname }}", throttle: 0}
                      throttle: 1
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.CHANGED, "h2", Status.CHANGED, "h3", Status.CHANGED),
                run.events().statuses("task"), run.output());
        assertTrue(mostAtOnce("free") > 1, "without throttle the hosts run at once");
        assertEquals(1, mostAtOnce("task"));
        assertEquals(1, mostAtOnce("block"), "a block's templated throttle applies to its tasks");
        assertTrue(mostAtOnce("own") > 1, "a task's own throttle (0: no limit) wins over its block's");
        assertEquals(3, Files.readAllLines(dir.resolve("count-task")).size());
    }

    @Test
    void thePlaysThrottleAppliesToItsTasks() throws IOException {
        fixture("""
                - hosts: web
                  gather_facts: false
                  throttle: 1
                  tasks:
                    - {name: play, shell: "sh {{ playbook_dir }}/probe.sh play {{ inventory_hostname }}"}
                """).run(Mode.APPLY);
        assertEquals(1, mostAtOnce("play"));
    }

    @Test
    void aThrottleThatIsNotAWholeNumberEndsTheRun() {
        RunFixture.Run run = fixture("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {name: bad, debug: {msg: x}, throttle: "{{ 'nope' }}"}
                    - {name: after, debug: {msg: x}}
                """).run(Mode.APPLY);
        assertTrue(run.output().contains("Failed to convert the throttle value to an integer: invalid literal for int()"
                + " with base 10: 'nope'"), run.output());
        assertEquals(Map.of(), run.events().statuses("after"));
        assertEquals(ExitStatus.INTERNAL_ERROR, run.result().status(), run.output());
    }
}
