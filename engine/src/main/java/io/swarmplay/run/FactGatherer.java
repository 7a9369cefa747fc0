package io.swarmplay.run;

import io.swarmplay.module.Change;
import io.swarmplay.module.Outcome;
import io.swarmplay.playbook.Task;
import io.swarmplay.playbook.TaskOptions;
import io.swarmplay.report.RunEvent.HostFinished;
import io.swarmplay.report.RunEvent.TaskKind;
import io.swarmplay.report.RunEvent.TaskStarted;
import io.swarmplay.source.SourcePosition;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code gather_facts}: the {@code setup} module's facts, from one command per host, set as
 * {@code ansible_*} variables and under {@code ansible_facts}.
 */
final class FactGatherer {

    private static final String NAME = "Gathering Facts";

    /** The facts a plan without the host shows as known only after apply (the setup module's common ones). */
    private static final List<String> KEYS = List.of("ansible_nodename", "ansible_hostname", "ansible_fqdn",
            "ansible_system", "ansible_kernel", "ansible_architecture", "ansible_machine", "ansible_user_id",
            "ansible_user_uid", "ansible_user_gid", "ansible_user_dir", "ansible_distribution",
            "ansible_distribution_version", "ansible_distribution_major_version", "ansible_distribution_release",
            "ansible_os_family", "ansible_env", "ansible_python", "ansible_python_version", "ansible_date_time",
            "ansible_pkg_mgr", "ansible_service_mgr", "ansible_fips", "ansible_facts");

    private final RunState run;
    private final PlayScope scope;
    private final Task task;

    FactGatherer(RunState run, PlayScope scope) {
        this.run = run;
        this.scope = scope;
        this.task = task(scope.play().hostOptions());
    }

    /** The implicit setup task; the play's {@code gather_subset} and {@code fact_path} are its arguments, as in Ansible. */
    static Task task(io.swarmplay.playbook.Play.Hosts play) {
        Map<String, Object> args = new java.util.LinkedHashMap<>();
        if (!play.gatherSubset().isEmpty()) args.put("gather_subset", play.gatherSubset());
        if (play.factPath() != null) args.put("fact_path", play.factPath());
        return new Task(NAME, "setup", args, TaskOptions.NONE, SourcePosition.UNKNOWN, Map.of());
    }

    void gather(List<HostState> hosts) {
        if (run.mode == Mode.PLAN && run.request.offline()) {
            hosts.forEach(h -> unknownFacts(h, "facts of " + h.name() + " (not gathered: --offline)"));
            return;
        }
        run.report(new TaskStarted(task, task.name(), TaskKind.FACTS));
        for (HostState host : hosts) {
            if (run.interrupted.get()) return;
            Outcome outcome = gather(host);
            run.report(new HostFinished(task, task.name(), TaskKind.FACTS, host.name(), null, outcome, Map.of(),
                    false, false));
            if (outcome.status() == io.swarmplay.module.Status.UNREACHABLE) {
                host.unreachable = true;
                run.recap.host(host.name()).unreachable++;
            } else if (outcome.isFailed()) {
                host.failed = true;
                run.recap.host(host.name()).failed++;
            } else {
                run.recap.host(host.name()).ok++;
            }
        }
    }

    /** Runs the {@code setup} module for the host, as Ansible's implicit fact-gathering task does. */
    private Outcome gather(HostState host) {
        Inherited root = Inherited.root(Set.of(), scope.play().environment(), scope.play().become(),
                scope.play().becomeUser());
        Outcome outcome = new TaskStep(run, scope).step(new StepSpec(task, root, TaskKind.FACTS), host).outcome();
        if (host.offline) {
            unknownFacts(host, "facts of " + host.name() + " (host unreachable)");
            return Outcome.ok(host.offlineReason);
        }
        // facts come from the host: TaskStep marked them as data, never templates (Unsafe)
        host.addFacts(outcome.facts());
        if (!outcome.isFailed() && !outcome.facts().isEmpty()) {
            host.factsGathered = true;
            run.cacheFacts(host);
        }
        return outcome.isFailed() || outcome.status() == io.swarmplay.module.Status.UNREACHABLE
                ? outcome : Outcome.ok(Change.none("facts gathered")).withData(outcome.data());
    }

    /** A plan without the host's facts: every fact is known only after apply, never undefined. */
    private static void unknownFacts(HostState host, String origin) {
        io.swarmplay.template.Unknown unknown = new io.swarmplay.template.Unknown(origin);
        for (String key : KEYS) host.gathered.put(key, unknown);
    }
}
