package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ansible's fact cache ({@code fact_caching = jsonfile}): facts kept between runs, one JSON file per host. */
class FactCacheTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private JsonFileFactCache cache(long timeout) {
        return new JsonFileFactCache(dir.resolve("cache"), "prefix_", timeout, warnings::add);
    }

    @Test
    void cacheableSetFactIsReadBackByALaterRunAndOthersAreNot() throws Exception {
        RunFixture fixture = new RunFixture(dir).hosts("h1");
        fixture.factCache = cache(86400);
        fixture.playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - set_fact: {ansible_foobar: from_cache, plain: "yes", cacheable: true}
                    - set_fact: {not_cached: 1}
                """).run(Mode.APPLY);
        Path file = dir.resolve("cache/prefix_h1");
        assertTrue(Files.isRegularFile(file));
        assertEquals("{\n    \"ansible_foobar\": \"from_cache\",\n    \"plain\": true\n}", Files.readString(file));

        RunFixture.Run second = fixture.playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: check
                      assert:
                        that:
                          - ansible_foobar == 'from_cache'
                          - ansible_facts.foobar == 'from_cache'
                          - ansible_facts.plain
                          - not_cached is undefined
                    - meta: clear_facts
                """).run(Mode.APPLY);
        assertEquals(Status.OK, second.events().outcome("check", "h1").status(), second.output());
        assertFalse(Files.exists(file), "meta: clear_facts removes the host's cache file");
    }

    @Test
    void theDefaultMemoryCacheKeepsNothingBetweenRuns() {
        RunFixture fixture = new RunFixture(dir).hosts("h1");
        fixture.playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - set_fact: {ansible_foobar: x, cacheable: true}
                """).run(Mode.APPLY);
        RunFixture.Run second = fixture.playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                    - name: check
                      assert: {that: [ansible_foobar is undefined]}
                """).run(Mode.APPLY);
        assertEquals(Status.OK, second.events().outcome("check", "h1").status(), second.output());
    }

    @Test
    void expiredFilesAreNotReadAndFlushRemovesOnlyPrefixedFiles() throws Exception {
        JsonFileFactCache cache = cache(60);
        cache.store("h1", Map.of("ansible_a", 1));
        assertEquals(Map.of("ansible_a", 1), cache.load("h1"));
        Files.setLastModifiedTime(dir.resolve("cache/prefix_h1"), FileTime.from(Instant.now().minusSeconds(120)));
        assertEquals(Map.of(), cache.load("h1"));
        assertEquals(Map.of("ansible_a", 1), cache(0).load("h1"), "timeout 0: never expires");

        Files.writeString(dir.resolve("cache/other"), "{}");
        cache.flush();
        assertFalse(Files.exists(dir.resolve("cache/prefix_h1")));
        assertTrue(Files.exists(dir.resolve("cache/other")));
        assertTrue(warnings.isEmpty(), warnings.toString());
    }
}
