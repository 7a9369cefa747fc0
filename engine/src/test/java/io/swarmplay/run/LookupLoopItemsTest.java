package io.swarmplay.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code with_<lookup>} loop's items are the lookup's result, which Ansible 2.14 marks unsafe:
 * a value computed from one is data, never rendered again, also under a set_fact name that is
 * itself a template; a {@code loop:}'s items are not (each checked against ansible-playbook 2.14).
 */
class LookupLoopItemsTest {

    @TempDir
    Path dir;

    @Test
    void aFactComputedFromAWithItemIsNeverRenderedAgain() {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars: {version: '1.0', raw: "v{{ '{{' }} version }}"}
                  tasks:
                    - set_fact: {"{{ item.key }}": "{{ item.value }}"}
                      with_dict: {by_key: "{{ raw }}"}
                    - set_fact: {fixed: "{{ item }}"}
                      with_items: ["{{ raw }}"]
                    - set_fact: {"{{ item.key }}": "{{ item.value }}"}
                      loop: "{{ {'plain': raw} | dict2items }}"
                    - debug: {msg: "facts {{ [by_key, fixed, plain] | join(',') }}"}
                """).run(Mode.APPLY);
        assertTrue(run.output().contains("facts v{{ version }},v{{ version }},v1.0"), run.output());
    }
}
