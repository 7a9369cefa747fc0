package io.swarmplay.run;

import io.swarmplay.module.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code async}/{@code poll} and {@code async_status} over the local connection, as ansible-playbook 2.14 runs them. */
class AsyncTest {

    @TempDir
    Path dir;

    /** The job files the tests made under ~/.ansible_async, removed after each. */
    private final List<Path> jobFiles = new ArrayList<>();

    @AfterEach
    void removeJobFiles() throws IOException {
        for (Path file : jobFiles) Files.deleteIfExists(file);
    }

    private RunFixture.Run run(Mode mode, String tasks) {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  tasks:
                """ + tasks.indent(4)).run(mode);
        run.events().finished().forEach(e -> {
            if (e.outcome().data().get("results_file") instanceof String file) jobFiles.add(Path.of(file));
        });
        return run;
    }

    @Test
    void pollWaitsForTheJobAndRegistersItsResultThenCleansItsFileUp() {
        RunFixture.Run run = run(Mode.APPLY, """
                - name: job
                  shell: echo hi; echo err >&2
                  async: 10
                  poll: 1
                """);
        Map<String, Object> data = run.events().outcome("job", "h1").data();
        assertEquals(Status.CHANGED, run.events().outcome("job", "h1").status());
        assertEquals("hi", data.get("stdout"));
        assertEquals(1, data.get("finished"));
        String jid = (String) data.get("ansible_job_id");
        assertTrue(jid.matches("j\\d{12}\\.\\d+"), jid);
        Path file = Path.of((String) data.get("results_file"));
        assertEquals(Path.of(System.getProperty("user.home"), ".ansible_async", jid), file);
        assertFalse(Files.exists(file), "a polled job's file is removed once it finished, as Ansible's cleanup does");
        assertTrue(run.output().contains("ASYNC OK on h1: jid=" + jid + "\nchanged: [h1]"), run.output());
    }

    @Test
    void pollZeroLeavesTheJobRunningAndAsyncStatusFollowsItToItsEndThenCleansUp() {
        RunFixture.Run run = run(Mode.APPLY, """
                - name: start
                  shell: sleep 4; echo done
                  async: 20
                  poll: 0
                  register: job
                - name: running
                  async_status: {jid: "{{ job.ansible_job_id }}"}
                  register: first
                - name: wait
                  async_status: {jid: "{{ job.ansible_job_id }}"}
                  register: st
                  until: st.finished
                  retries: 20
                  delay: 1
                - name: cleanup
                  async_status: {jid: "{{ job.ansible_job_id }}", mode: cleanup}
                - name: gone
                  async_status: {jid: "{{ job.ansible_job_id }}"}
                  ignore_errors: true
                """);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        Map<String, Object> started = run.events().outcome("start", "h1").data();
        assertEquals(0, started.get("finished"));
        assertEquals(1, started.get("started"));
        assertTrue(run.events().outcome("start", "h1").duration().toMillis() < 2000, "poll: 0 returns at once");
        assertEquals(0, run.events().outcome("running", "h1").data().get("finished"));
        Map<String, Object> finished = run.events().outcome("wait", "h1").data();
        assertEquals(1, finished.get("finished"));
        assertEquals("done", finished.get("stdout"));
        assertEquals(Status.CHANGED, run.events().outcome("wait", "h1").status(), "the job's changed is async_status's");
        assertFalse(Files.exists(Path.of((String) started.get("results_file"))), "cleanup removed the job file");
        assertEquals("could not find job", run.events().outcome("gone", "h1").message());
    }

    @Test
    void aJobThatOutlivesItsAsyncSecondsFailsAndIsKilled() throws InterruptedException {
        RunFixture.Run run = run(Mode.APPLY, """
                - name: slow
                  shell: sleep 3 && touch %s
                  async: 1
                  poll: 1
                  register: slow
                """.formatted(dir.resolve("late")));
        assertEquals(Status.FAILED, run.events().outcome("slow", "h1").status());
        assertEquals("async task did not complete within the requested time - 1s", run.events().outcome("slow", "h1").message());
        assertTrue(run.output().contains("ASYNC FAILED on h1: jid="), run.output());
        Thread.sleep(3500);
        assertFalse(Files.exists(dir.resolve("late")), "the job was killed at its limit");
    }

    @Test
    void aFailedJobFailsItsTaskWithTheCommandsResult() {
        RunFixture.Run run = run(Mode.APPLY, """
                - name: false
                  command: /bin/false
                  async: 5
                  poll: 1
                  ignore_errors: true
                """);
        assertEquals(Status.FAILED, run.events().outcome("false", "h1").status());
        assertEquals(1, run.events().outcome("false", "h1").data().get("rc"));
        assertTrue(run.output().contains("ASYNC FAILED on h1"), run.output());
        assertEquals(1, run.result().recap().host("h1").changed, "a command that ran and failed is changed, as in Ansible");
    }

    @Test
    void checkModeNeverStartsTheJob() throws InterruptedException {
        RunFixture.Run run = run(Mode.CHECK, """
                - name: job
                  shell: touch %s
                  async: 10
                  poll: 0
                """.formatted(dir.resolve("touched")));
        assertEquals(Status.SKIPPED, run.events().outcome("job", "h1").status());
        Thread.sleep(500);
        assertFalse(Files.exists(dir.resolve("touched")));
    }

    @Test
    void ansibleAsyncDirPicksTheFolderOfTheJobFilesForTheJobAndForAsyncStatus() {
        Path jobs = dir.resolve("jobs");
        RunFixture.Run run = run(Mode.APPLY, """
                - name: start
                  command: echo moo
                  async: 5
                  poll: 0
                  register: job
                  vars: {ansible_async_dir: "%s"}
                - name: elsewhere
                  async_status: {jid: "{{ job.ansible_job_id }}"}
                  ignore_errors: true
                - name: here
                  async_status: {jid: "{{ job.ansible_job_id }}"}
                  register: st
                  until: st is finished
                  retries: 10
                  delay: 1
                  vars: {ansible_async_dir: "%s"}
                """.formatted(jobs, jobs));
        Map<String, Object> started = run.events().outcome("start", "h1").data();
        assertEquals(jobs.resolve((String) started.get("ansible_job_id")).toString(), started.get("results_file"));
        assertEquals(Status.FAILED, run.events().outcome("elsewhere", "h1").status());
        assertEquals("could not find job", run.events().outcome("elsewhere", "h1").message());
        Map<String, Object> status = run.events().outcome("here", "h1").data();
        assertEquals(1, status.get("finished"));
        assertEquals("moo", status.get("stdout"));
    }

    @Test
    void aJobWithNothingToChangeStillReportsItsJobKeys() {
        RunFixture.Run run = run(Mode.APPLY, """
                - name: job
                  ping:
                  async: 10
                  poll: 1
                """);
        Map<String, Object> data = run.events().outcome("job", "h1").data();
        assertEquals(Status.OK, run.events().outcome("job", "h1").status());
        assertEquals("pong", data.get("ping"));
        assertEquals(1, data.get("finished"));
        assertTrue(String.valueOf(data.get("ansible_job_id")).matches("j\\d+\\.\\d+"), String.valueOf(data));
        assertEquals("", data.get("stdout"));
        assertEquals(List.of(), data.get("stderr_lines"));
    }
}
