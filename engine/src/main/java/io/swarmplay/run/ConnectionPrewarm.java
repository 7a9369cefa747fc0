package io.swarmplay.run;

import io.swarmplay.inventory.Host;
import io.swarmplay.playbook.Play;
import io.swarmplay.playbook.Playbook;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts, when the run begins, the SSH handshakes of the hosts the plays use, in play order (at most
 * {@code forks} hosts): a first play's handshakes overlap the set-up of its first step (the template
 * engine, the arguments), a later play's overlap the plays before it (a bundle made on one host and
 * installed on another) instead of delaying the play that needs them. None for a run that contacts
 * nothing, and none of a play whose host pattern is a template. See {@link Connections#prewarm}.
 */
final class ConnectionPrewarm {

    private ConnectionPrewarm() {
    }

    static void start(RunState run, List<Playbook> playbooks) {
        if (run.mode == Mode.PLAN && run.request.offline()) return;
        Set<String> seen = new HashSet<>();
        int budget = run.request.forks();
        for (Play play : playbooks.stream().flatMap(p -> p.plays().stream()).toList()) {
            if (play.hosts().contains("{{")) continue;
            List<Host> hosts = PlayRun.matchingHosts(run, play).stream().filter(h -> seen.add(h.name())).toList();
            if (hosts.isEmpty()) continue;
            PlayScope scope = new PlayScope(run, play, hosts.stream().map(Host::name).toList());
            for (Host host : hosts) {
                if (budget-- <= 0) return;
                prewarm(run, scope, play, host);
            }
        }
    }

    // a host whose connection variables do not render yet is connected when its step comes, as before
    private static void prewarm(RunState run, PlayScope scope, Play play, Host host) {
        try {
            Map<String, Object> vars = RenderedArgs.connectionVars(run::templar,
                    scope.hostScope(run.host(host)).toMap(), play.at());
            run.connections.prewarm(host.name(), vars);
        } catch (RuntimeException e) {
            // only a head start
        }
    }
}
