package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** with_subelements loops as ansible-playbook 2.14 runs them (local connection). */
class WithSubelementsTest {

    @TempDir
    Path dir;

    @Test
    void loopsOverEachItemsSubListReadAsItemDotDigits() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars:
                    users:
                      - {name: a, groups: [x, y]}
                      - {name: b}
                  tasks:
                    - name: pairs
                      set_fact: {seen: "{{ seen | default([]) + [item.0.name ~ '-' ~ item.1 ~ '-' ~ ('kept' if item.0.groups is defined else 'popped')] }}"}
                      with_subelements: ["{{ users }}", groups, {skip_missing: true}]
                    - {name: check, assert: {that: "seen == ['a-x-popped', 'a-y-popped']"}}
                    - name: missing
                      debug: {msg: "{{ item }}"}
                      with_subelements: ["{{ users }}", groups]
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("check"), run.output());
        assertEquals(Map.of("h1", Status.FAILED), run.events().statuses("missing"), run.output());
        assertTrue(run.output().contains("could not find 'groups' key in iterated item '{'name': 'b'}'"), run.output());
    }
}
