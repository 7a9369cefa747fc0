package io.swarmplay.run;

import io.swarmplay.inventory.Host;
import io.swarmplay.playbook.Play;
import io.swarmplay.playbook.Playbook;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts, when the run begins, the SSH handshakes of the hosts that only later plays use (a bundle
 * made on one host and installed on another): they overlap the first play instead of delaying the
 * play that needs them. At most {@code forks} hosts; none for a run that contacts nothing, and none
 * of a play whose host pattern is a template. See {@link Connections#prewarm}.
 */
final class ConnectionPrewarm {

    private ConnectionPrewarm() {
    }

    static void start(RunState run, List<Playbook> playbooks) {
        if (run.mode == Mode.PLAN && run.request.offline()) return;
        List<Play> plays = playbooks.stream().flatMap(p -> p.plays().stream()).toList();
        if (plays.size() < 2) return;
        Set<String> early = new HashSet<>(names(run, plays.get(0)));
        int budget = run.request.forks();
        for (Play play : plays.subList(1, plays.size())) {
            if (play.hosts().contains("{{")) continue;
            List<Host> later = PlayRun.selectHosts(run, play).stream().filter(h -> early.add(h.name())).toList();
            if (later.isEmpty()) continue;
            PlayScope scope = new PlayScope(run, play, later.stream().map(Host::name).toList());
            for (Host host : later) {
                if (budget-- <= 0) return;
                prewarm(run, scope, play, host);
            }
        }
    }

    private static List<String> names(RunState run, Play play) {
        return play.hosts().contains("{{") ? List.of() : PlayRun.selectHosts(run, play).stream().map(Host::name).toList();
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
