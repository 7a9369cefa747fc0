package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** setup's {@code fact_path}: every {@code *.fact} file on the host becomes {@code ansible_local.NAME}, scripts run. */
class LocalFactsGatheredTest {

    @TempDir
    Path dir;

    @Test
    void jsonIniAndScriptFactsAreReadFromTheFactPath() throws Exception {
        RunFixture fixture = new RunFixture(dir).hosts("h1")
                .file("facts.d/conf.fact", "{\"port\": 8080, \"tags\": [\"a\"]}")
                .file("facts.d/app.fact", "[main]\nName = demo\n")
                .file("facts.d/gen.fact", "#!/bin/sh\necho '{\"generated\": true}'\n")
                .file("facts.d/ignored.txt", "{}")
                .playbook("""
                        - hosts: web
                          gather_facts: false
                          tasks:
                            - setup: {fact_path: "%s", gather_subset: ["!all", local]}
                            - name: check
                              assert:
                                that:
                                  - ansible_local.conf.port == 8080
                                  - ansible_local.conf.tags == ['a']
                                  - ansible_local.app.main.name == 'demo'
                                  - ansible_local.gen.generated
                                  - ansible_local | length == 3
                                  - ansible_facts['local'].app.main.name == 'demo'
                            - setup: {fact_path: "%s", gather_subset: ["!all", local]}
                            - {name: none, assert: {that: ["ansible_local == {}"]}}
                        """.formatted(dir.resolve("facts.d"), dir.resolve("missing")));
        Files.setPosixFilePermissions(dir.resolve("facts.d/gen.fact"), PosixFilePermissions.fromString("rwxr-xr-x"));
        RunFixture.Run run = fixture.run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("check"), run.output());
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("none"), run.output());
    }

    @Test
    void thePlaysFactPathIsWhereTheImplicitGatheringLooks() {
        RunFixture fixture = new RunFixture(dir).hosts("h1")
                .file("mine/conf.fact", "{\"port\": 8080}")
                .playbook("""
                        - hosts: web
                          fact_path: "%s"
                          gather_subset: ["!all", local]
                          tasks:
                            - {name: check, assert: {that: [ansible_local.conf.port == 8080]}}
                        """.formatted(dir.resolve("mine")));
        RunFixture.Run run = fixture.run(Mode.APPLY);
        assertEquals(Map.of("h1", Status.OK), run.events().statuses("check"), run.output());
    }
}
