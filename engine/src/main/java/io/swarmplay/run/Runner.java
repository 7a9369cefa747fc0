package io.swarmplay.run;

import io.swarmplay.connection.CancelledException;
import io.swarmplay.playbook.Play;
import io.swarmplay.playbook.Playbook;
import io.swarmplay.report.Recap;
import io.swarmplay.report.RunEvent;
import io.swarmplay.report.RunEvent.RunFinished;
import io.swarmplay.report.RunListener;

/**
 * Walks the plays of every playbook in order. A play whose hosts all failed stops the run,
 * as in Ansible. {@link #interrupt()} stops starting new tasks and cancels the running ones.
 */
public final class Runner {

    private volatile RunState current;
    private volatile boolean interruptRequested;

    public RunResult run(RunRequest request, Mode mode, RunListener listener) {
        try (RunState run = new RunState(request, mode, listener)) {
            current = run;
            if (interruptRequested) interrupt();
            request.inventory().hosts().forEach(run::host);
            request.inventory().host("localhost").ifPresent(run::host);
            ConnectionPrewarm.start(run, request.playbooks());
            walk(run, request);
            run.report(new RunFinished(run.recap));
            return new RunResult(run.recap, status(run));
        } finally {
            current = null;
        }
    }

    private static void walk(RunState run, RunRequest request) {
        try {
            for (Playbook playbook : request.playbooks()) {
                run.report(new RunEvent.PlaybookStarted(playbook.file(), playbook.plays().size()));
                for (Play play : playbook.plays()) {
                    if (run.interrupted.get()) return;
                    Play asked = VarsPrompts.answer(play, request.extraVars(), VarsPrompts.Terminal.console(),
                            message -> run.report(new RunEvent.Warning(message)));
                    boolean anyLeft = new PlayRun(run, asked).run();
                    if (!anyLeft || run.breakPlay) return;
                }
            }
        } catch (CancelledException e) {
            // work refused after an interrupt, outside any step: the run ends here, recap included
            if (!run.interrupted.get()) throw e;
        } catch (RunAborted e) {
            run.aborted = true;
            run.report(new RunEvent.RunError(e.getMessage()));
        }
    }

    /**
     * Ctrl-C: no new task starts, and every connection kills its running commands, so the running
     * steps end (failed, "interrupted: ...") within seconds; steps that do not are given up after
     * {@link TaskRunner#INTERRUPT_GRACE}. The run then returns as usual, recap included. Returns at once.
     */
    public void interrupt() {
        interruptRequested = true;
        RunState run = current;
        if (run != null) run.interrupt();
    }

    private static ExitStatus status(RunState run) {
        if (run.interrupted.get()) return ExitStatus.INTERRUPTED;
        if (run.aborted) return ExitStatus.INTERNAL_ERROR;
        Recap recap = run.recap;
        if (stillFailed(run) || run.breakPlay) return ExitStatus.HOST_FAILED;
        if (run.hosts.values().stream().anyMatch(h -> h.offline)) return ExitStatus.NOT_CONTACTED;
        if (recap.total(c -> c.unreachable) > 0) return run.mode == Mode.PLAN ? ExitStatus.NOT_CONTACTED : ExitStatus.HOST_UNREACHABLE;
        return ExitStatus.OK;
    }

    /**
     * Ansible's exit status: a host still failed at the end (a {@code meta: clear_host_errors} clears one, though the
     * recap keeps counting its failure); a plan, which goes on past a step it cannot plan, counts those steps.
     */
    private static boolean stillFailed(RunState run) {
        if (run.mode == Mode.PLAN) return run.recap.total(c -> c.failed) > 0;
        synchronized (run.hosts) {
            return run.hosts.values().stream().anyMatch(h -> h.failed);
        }
    }
}
