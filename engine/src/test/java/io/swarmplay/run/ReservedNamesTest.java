package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ansible's warning for play variables named like its keywords or Jinja globals. */
class ReservedNamesTest {

    @TempDir
    Path dir;

    @Test
    void keywordsAndJinjaGlobalsAreReservedOtherNamesAreNot() {
        assertEquals(List.of("Found variable using reserved name: lipsum", "Found variable using reserved name: when"),
                ReservedNames.warnings(List.of("when", "app_port", "lipsum", "vars")));
    }

    @Test
    void aPlayUsingAReservedNameWarnsAndTheVariableStillWorks() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars: {lipsum: jinja2 uses me internally, fine: 1}
                  tasks:
                    - {name: show, debug: {msg: "{{ lipsum }}"}}
                """).run(Mode.APPLY);
        assertTrue(run.output().contains("Found variable using reserved name: lipsum"), run.output());
        assertFalse(run.output().contains("reserved name: fine"), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("show"), run.output());
        assertEquals("jinja2 uses me internally", run.events().outcome("show", "h1").data().get("msg"), run.output());
    }
}
