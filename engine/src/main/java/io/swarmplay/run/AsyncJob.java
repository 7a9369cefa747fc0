package io.swarmplay.run;

import io.swarmplay.connection.ExecResult;
import io.swarmplay.module.AsyncJobFiles;
import io.swarmplay.module.Change;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import io.swarmplay.report.Json;
import io.swarmplay.report.RunEvent.AsyncState;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A step's {@code async}/{@code poll}, as Ansible runs them: the module's apply becomes a job
 * limited to {@code async} seconds (killed with what it started when they run out), whose result
 * is written to {@code ~/.ansible_async/JID} on the host ({@link AsyncJobFiles}) for
 * {@code async_status}. With {@code poll: 0} the step returns at once ({@code ansible_job_id},
 * {@code started: 1}, {@code finished: 0}, {@code results_file}); with {@code poll: M} it checks
 * every M seconds and returns the job's result, or fails with Ansible's message when it did not
 * finish in time. A job is a thread of this run working through the host's connection: it ends
 * when the run ends (Ansible's job outlives ansible-playbook).
 *
 * @param seconds the job's limit ({@code async})
 * @param poll    seconds between checks; 0 for fire and forget
 * @param dir     the folder of the job's file ({@code ansible_async_dir}, see {@link AsyncJobFiles})
 */
record AsyncJob(long seconds, long poll, String dir) {

    private static final ExecutorService JOBS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "swarmplay-async");
        t.setDaemon(true);
        return t;
    });

    /** Ansible's default {@code poll}. */
    static final long DEFAULT_POLL = 15;

    /** What a finished job left: its outcome, and whether its limit stopped it. */
    private record Done(Outcome outcome, boolean expired) {
    }

    /**
     * Starts {@code body} (the module's apply, failures already outcomes) as a job on the
     * session's host; {@code timeout} is the job's limit, {@code polled} hears each check.
     */
    Outcome run(Change change, RunHostSession session, TaskTimeout timeout, Supplier<Outcome> body,
                BiConsumer<String, AsyncState> polled) {
        String jid = "j" + ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L) + "."
                + ProcessHandle.current().pid();
        String resultsFile = write(session, dir, jid, Map.of("started", 1, "finished", 0, "ansible_job_id", jid));
        CompletableFuture<Done> job = CompletableFuture.supplyAsync(() -> {
            Outcome outcome = body.get();
            Done done = new Done(outcome, timeout != null && timeout.left().isZero());
            write(session, dir, jid, resultFile(done, jid));
            return done;
        }, JOBS);
        Map<String, Object> ids = new LinkedHashMap<>();
        ids.put("ansible_job_id", jid);
        ids.put("results_file", resultsFile);
        ids.put("started", 1);
        if (poll == 0) {
            ids.put("finished", 0);
            return Outcome.changed(change).withData(ids);
        }
        Outcome polledOutcome = poll(job, ids, jid, polled);
        // Ansible's poll ends with async_status mode=cleanup: a job it saw finish leaves no file behind
        if (Integer.valueOf(1).equals(polledOutcome.data().get("finished"))) session.runUntimed(AsyncJobFiles.remove(dir, jid));
        return polledOutcome;
    }

    // Ansible's loop: sleep poll, look, count poll off the time left; a job that ends sooner is seen sooner
    private Outcome poll(CompletableFuture<Done> job, Map<String, Object> ids, String jid,
                         BiConsumer<String, AsyncState> polled) {
        for (long left = seconds; left > 0; left -= poll) {
            Done done = await(job, poll);
            if (done != null && !done.expired()) {
                polled.accept(jid, done.outcome().isFailed() ? AsyncState.FAILED : AsyncState.OK);
                // what async_status read: its own keys, the module's result over them
                Outcome finished = done.outcome();
                Map<String, Object> status = AsyncJobFiles.status(jid, String.valueOf(ids.get("results_file")), finished.data());
                status.put("finished", 1);
                return finished.withData(status);
            }
            if (done != null) break;
            polled.accept(jid, AsyncState.RUNNING);
        }
        polled.accept(jid, AsyncState.FAILED);
        ids.put("finished", 0);
        return Outcome.failed("async task did not complete within the requested time - " + seconds + "s")
                .withData(Map.of("async_result", ids));
    }

    private static Done await(CompletableFuture<Done> job, long seconds) {
        try {
            return job.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleException("interrupted while waiting for the async job");
        } catch (ExecutionException e) {
            throw new ModuleException("the async job could not record its result: " + e.getCause().getMessage());
        }
    }

    /** What async_status reads: the job's registered result, or Ansible's timeout notice. */
    private static Map<String, Object> resultFile(Done done, String jid) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (done.expired()) {
            data.put("msg", "Timeout exceeded");
            data.put("failed", true);
        } else if (Results.registered(done.outcome(), "", "") instanceof Map<?, ?> registered) {
            registered.forEach((k, v) -> data.put(String.valueOf(k), v));
            if (done.outcome().status() != Status.FAILED) data.putIfAbsent("msg", "");
        }
        data.put("ansible_job_id", jid);
        data.put("started", 1);
        data.put("finished", 1);
        return data;
    }

    /** Writes the job's file on the host (outside the job's limit) and answers its absolute path. */
    private static String write(RunHostSession session, String dir, String jid, Map<String, Object> content) {
        byte[] json = Json.compact(content).getBytes(StandardCharsets.UTF_8);
        ExecResult written = session.runUntimed(AsyncJobFiles.write(dir, jid).withStdin(json));
        if (!written.succeeded()) {
            throw new ModuleException("cannot write the async job's result file " + dir + "/" + jid
                    + " on " + session.name() + ": " + written.tail(3));
        }
        return written.stdout();
    }
}
