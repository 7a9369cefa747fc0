package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A missing argument that Ansible's action plugin checks is its message alone, as the registered {@code msg}. */
class ActionMessagesTest {

    @TempDir
    Path dir;

    @Test
    void copyWithoutDestFailsWithTheActionsOwnMessage() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - {copy: {content: x}, register: r, ignore_errors: true}
                    - {name: msg, assert: {that: "r.msg == 'dest is required'"}}
                    - {template: {dest: /tmp/x}, register: t, ignore_errors: true}
                    - {name: template msg, assert: {that: "t.msg == 'src and dest are required'"}}
                """).run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("msg"), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("template msg"), run.output());
    }
}
