package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code add_host} and {@code group_by}: the in-memory inventory that later plays of the run select from. */
class DynamicInventoryTest {

    @TempDir
    Path dir;

    private RunFixture.Run run(String playbook, Mode mode) {
        return new RunFixture(dir).hosts("h1", "h2").playbook(playbook).run(mode);
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"APPLY", "CHECK"})
    void addHostRunsOncePerItemAndLaterPlaysUseTheNewHosts(Mode mode) {
        RunFixture.Run run = run("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: add
                      add_host: {name: "new{{ item }}", groups: [added, more], ansible_connection: local, n: "{{ item }}"}
                      loop: [1, 2]
                    - name: again
                      add_host: name=new1 groups=added
                    - name: port
                      add_host: {hostname: "new3:2222", groups: added}
                - hosts: added
                  gather_facts: false
                  tasks:
                    - name: show
                      debug: {msg: "{{ n | default('-') }} {{ group_names | join(',') }} {{ ansible_ssh_port | default('') }}"}
                """, mode);
        assertEquals(Map.of("h1", Status.CHANGED), run.events().statuses("add"));
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("again"));
        assertEquals("1 added,more ", run.events().outcome("show", "new1").data().get("msg"));
        assertEquals("2 added,more ", run.events().outcome("show", "new2").data().get("msg"));
        assertEquals("- added 2222", run.events().outcome("show", "new3").data().get("msg"));
    }

    @Test
    void groupByPutsEachHostInTheGroupItsVariablesNameUnderItsParents() {
        RunFixture.Run run = run("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: group
                      group_by: {key: "g {{ inventory_hostname }}", parents: [top]}
                    - name: again
                      group_by: {key: "g {{ inventory_hostname }}", parents: [top]}
                - hosts: g-h2
                  gather_facts: false
                  tasks:
                    - name: show
                      debug: {msg: "{{ group_names | join(',') }} {{ groups['top'] | join(',') }}"}
                """, Mode.APPLY);
        assertEquals(Map.of("h1", Status.CHANGED, "h2", Status.CHANGED), run.events().statuses("group"));
        assertEquals(Map.of("h1", Status.OK, "h2", Status.OK), run.events().statuses("again"));
        assertEquals(Map.of("h2", Status.OK), run.events().statuses("show"));
        assertEquals("g-h2,top,web h1,h2", run.events().outcome("show", "h2").data().get("msg"));
        assertTrue(run.output().contains("changed: [h1]"), run.output());
    }
}
