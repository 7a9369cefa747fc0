package io.swarmplay.run;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ConnectionException;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.module.Change;
import io.swarmplay.module.Outcome;
import io.swarmplay.playbook.Task;
import io.swarmplay.playbook.TaskOptions;
import io.swarmplay.report.RunEvent.HostFinished;
import io.swarmplay.report.RunEvent.TaskKind;
import io.swarmplay.report.RunEvent.TaskStarted;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.Unsafe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gather_facts}: the minimal facts (hostname, OS, architecture, user) from one command
 * per host, set as {@code ansible_*} variables and under {@code ansible_facts}.
 */
final class FactGatherer {

    static final Task TASK = new Task("Gathering Facts", "gather_facts", Map.of(), TaskOptions.NONE,
            SourcePosition.UNKNOWN, Map.of());
    private static final String PROBE = "uname -n; uname -s; uname -m; id -un; "
            + "(. /etc/os-release 2>/dev/null; echo \"${ID:-unknown}\"; echo \"${VERSION_ID:-}\"); "
            + "head -n 1 /etc/debian_version 2>/dev/null || echo";

    private static final String[] KEYS = {"ansible_nodename", "ansible_system", "ansible_architecture",
        "ansible_user_id"};
    private static final String[] DISTRIBUTION_KEYS = {"ansible_distribution", "ansible_distribution_version",
        "ansible_distribution_major_version", "ansible_os_family"};

    private final RunState run;
    private final PlayScope scope;

    FactGatherer(RunState run, PlayScope scope) {
        this.run = run;
        this.scope = scope;
    }

    void gather(List<HostState> hosts) {
        if (run.mode == Mode.PLAN && run.request.offline()) {
            hosts.forEach(h -> unknownFacts(h, "facts of " + h.name() + " (not gathered: --offline)"));
            return;
        }
        run.report(new TaskStarted(TASK, TASK.name(), TaskKind.FACTS));
        for (HostState host : hosts) {
            if (run.interrupted.get()) return;
            Outcome outcome = gather(host);
            run.report(new HostFinished(TASK, TASK.name(), TaskKind.FACTS, host.name(), null, outcome, Map.of(),
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

    private Outcome gather(HostState host) {
        try {
            Map<String, Object> vars = RenderedArgs.connectionVars(run::templar, scope.hostScope(host).toMap(),
                    scope.at());
            ExecResult result = run.connections.forHost(host.name(), vars).exec(Command.shell(PROBE));
            Map<String, Object> facts = parse(result.stdout().split("\n"));
            // facts come from the host: data, never templates (Unsafe)
            facts.forEach((k, v) -> host.gathered.put(k, Unsafe.wrap(v)));
            host.gathered.put("ansible_facts", Unsafe.wrap(withoutPrefix(facts)));
            return Outcome.ok(Change.none("facts gathered"));
        } catch (ConnectionException e) {
            if (run.mode == Mode.PLAN) {
                run.unreachableInPlan(host, e.getMessage());
                unknownFacts(host, "facts of " + host.name() + " (host unreachable)");
                return Outcome.ok(host.offlineReason);
            }
            return Outcome.unreachable(e.getMessage() + " (during task 'Gathering Facts')");
        } catch (io.swarmplay.connection.CancelledException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    /** A plan without the host's facts: every fact is known only after apply, never undefined. */
    private static void unknownFacts(HostState host, String origin) {
        io.swarmplay.template.Unknown unknown = new io.swarmplay.template.Unknown(origin);
        for (String key : KEYS) host.gathered.put(key, unknown);
        for (String key : DISTRIBUTION_KEYS) host.gathered.put(key, unknown);
        host.gathered.put("ansible_hostname", unknown);
        host.gathered.put("ansible_facts", unknown);
    }

    /** The facts from the probe's lines: uname -n, -s, -m, the user, os-release ID and VERSION_ID, debian_version. */
    static Map<String, Object> parse(String[] lines) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.length; i++) facts.put(KEYS[i], line(lines, i));
        Distribution d = Distribution.of(line(lines, 4), line(lines, 5), line(lines, 6));
        facts.put("ansible_distribution", d.name());
        facts.put("ansible_distribution_version", d.version());
        facts.put("ansible_distribution_major_version", d.majorVersion());
        facts.put("ansible_os_family", d.osFamily());
        Object node = facts.getOrDefault("ansible_nodename", "");
        facts.put("ansible_hostname", String.valueOf(node).split("\\.")[0]);
        return facts;
    }

    private static String line(String[] lines, int i) {
        return i < lines.length ? lines[i].strip() : "";
    }

    private static Map<String, Object> withoutPrefix(Map<String, Object> facts) {
        Map<String, Object> plain = new LinkedHashMap<>();
        facts.forEach((k, v) -> plain.put(k.substring("ansible_".length()), v));
        return plain;
    }
}
