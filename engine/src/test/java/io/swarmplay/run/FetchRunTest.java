package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fetch} as Ansible's: where a relative {@code dest} goes, what it registers (SHA-1 {@code checksum}s), its messages. */
class FetchRunTest {

    @TempDir
    Path dir;

    @Test
    void relativeDestIsUnderThePlaybookDirAndTheResultCarriesAnsiblesChecksums() throws Exception {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - copy: {content: test, dest: "{{ root }}/orig"}
                    - fetch: {src: "{{ root }}/orig", dest: "rel/out", flat: true}
                      register: flat
                    - fetch: {src: "{{ root }}/orig", dest: "tree"}
                      register: fetched
                    - fetch: {src: "{{ root }}/orig", dest: "tree"}
                      register: again
                    - fetch: {src: "{{ root }}/orig", dest: "checked"}
                      check_mode: true
                      register: checked
                    - name: check
                      assert:
                        that:
                          - flat is changed
                          - flat.dest == playbook_dir ~ '/rel/out'
                          - fetched.checksum == 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'
                          - fetched.remote_checksum == fetched.checksum
                          - fetched.md5sum == '098f6bcd4621d373cade4e832627b4f6'
                          - again is not changed
                          - again.checksum == fetched.checksum
                          - again.dest == fetched.dest
                          - checked is skipped
                          - checked.msg is search('not \\(yet\\) supported')
                """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().outcome("check", "h1").status(), run.output());
        assertEquals("test", Files.readString(dir.resolve("rel/out")));
        assertTrue(Files.notExists(dir.resolve("checked")), "check mode fetches nothing");
        assertEquals("test", Files.readString(dir.resolve("tree/h1/" + dir.resolve("h1/orig"))));
    }

    @Test
    void missingSourcesDirectoriesAndADirectoryAsFlatDestAreReportedAsAnsibleDoes() throws Exception {
        Files.createDirectories(dir.resolve("existing"));
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                    - copy: {content: test, dest: "{{ root }}/orig"}
                    - fetch: {src: "{{ root }}/missing", dest: "tree", fail_on_missing: false}
                      register: ignored
                    - fetch: {src: "{{ root }}/missing", dest: "tree"}
                      register: missing
                      ignore_errors: true
                    - fetch: {src: "{{ root }}", dest: "tree", fail_on_missing: false}
                      register: dir_ignored
                    - fetch: {src: "{{ root }}", dest: "tree"}
                      register: dir_failed
                      ignore_errors: true
                    - fetch: {src: "{{ root }}/orig", dest: "existing", flat: true}
                      register: into_dir
                      ignore_errors: true
                    - name: check
                      assert:
                        that:
                          - ignored is not failed and ignored is not changed
                          - ignored.msg is search('ignored')
                          - missing is failed
                          - missing.msg is search('remote file does not exist')
                          - dir_ignored is not failed
                          - dir_ignored.msg is search('is a directory')
                          - dir_failed is failed
                          - dir_failed.msg is search('is a directory')
                          - into_dir is failed
                          - into_dir.msg is search('dest is an existing directory')
                """).run(Mode.APPLY);
        assertEquals(Status.OK, run.events().statuses("check").get("h1"), run.output());
        assertTrue(Files.isDirectory(dir.resolve("existing")));
    }
}
