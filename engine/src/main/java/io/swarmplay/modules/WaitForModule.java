package io.swarmplay.modules;

import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.support.CommandSupport;
import io.swarmplay.modules.support.Results;
import io.swarmplay.modules.support.WaitCondition;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits, on the target host, until a file exists (or holds a line matching {@code search_regex}),
 * is gone, or a TCP port opens or closes. Reports progress while waiting and, on timeout, what
 * it waited for, where, and the file's last lines.
 * <pre>{@code
 * - wait_for: {port: 8080, timeout: 60}
 * - wait_for: {path: /var/log/app.log, search_regex: "started in \\d+ms"}
 * - wait_for: {path: /run/app.lock, state: absent}
 * }</pre>
 * {@code started}/{@code present} mean open/exists; {@code stopped}/{@code absent} mean
 * closed/gone. A wait never reports changed.
 */
@ModuleInfo(name = "wait_for", readOnly = true, checkMode = CheckSupport.SKIP_REMOTE)
public final class WaitForModule implements Module<WaitForModule.Args> {

    /** Progress is reported about ten times per wait, and at least every five seconds. */
    private static final Duration PROGRESS_AT_MOST_EVERY = Duration.ofSeconds(5);

    public record Args(String path, Integer port, @Default("127.0.0.1") String host,
                       @Choices({"started", "present", "stopped", "absent", "drained"}) String state, String search_regex,
                       @Default("300") Duration timeout, @Default("0") Duration delay,
                       @Default("1") Duration sleep, String msg) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        if (args.path() == null && args.port() == null && args.search_regex() == null) {
            return Change.run("wait " + CommandSupport.seconds(args.timeout()));
        }
        WaitCondition condition = condition(args);
        if (condition.check().test(host)) return Results.none(condition.satisfied(), result(args, 0, host));
        return Change.run("wait up to " + CommandSupport.seconds(args.timeout()) + " for " + condition.goal())
                .withPayload(condition);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        long start = System.nanoTime();
        sleep(args.delay());
        if (args.path() == null && args.port() == null && args.search_regex() == null) {
            sleep(args.timeout());
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            return Outcome.ok("waited " + elapsed + "s").withChange(change).withData(Map.of("elapsed", elapsed));
        }
        WaitCondition condition = condition(args);
        long every = Math.min(PROGRESS_AT_MOST_EVERY.toNanos(), args.timeout().toNanos() / 10);
        long nextProgress = start + every;
        while (!condition.check().test(host)) {
            long now = System.nanoTime();
            if (now - start >= args.timeout().toNanos()) throw timeout(args, condition, host);
            if (now >= nextProgress) {
                host.progress("waiting for " + condition.goal() + " (" + (now - start) / 1_000_000_000 + "s of "
                        + CommandSupport.seconds(args.timeout()) + ")");
                nextProgress = now + every;
            }
            sleep(args.sleep());
        }
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        return Outcome.ok(condition.satisfied() + " after " + elapsed + "s").withChange(change)
                .withData(result(args, elapsed, host));
    }

    /** What Ansible's wait_for returns when the wait is over: the awaited {@code path}/{@code port}, {@code state}, {@code elapsed}. */
    private static Map<String, Object> result(Args args, long elapsed, HostView host) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("state", args.state());
        data.put("port", args.port());
        data.put("search_regex", args.search_regex());
        data.put("path", args.path());
        data.put("elapsed", elapsed);
        if (args.search_regex() != null && args.path() != null) data.putAll(WaitCondition.matchGroups(host, args.path(), args.search_regex()));
        return data;
    }

    private static WaitCondition condition(Args args) {
        if ((args.path() == null) == (args.port() == null)) {
            throw new ModuleException("wait_for takes 'path' or 'port', not both (without either it waits 'timeout' seconds)");
        }
        boolean wanted = args.state().equals("started") || args.state().equals("present");
        if (args.state().equals("drained")) {
            if (args.port() == null) throw new ModuleException("state: drained needs 'port'");
            return WaitCondition.drained(args.port());
        }
        if (args.port() != null) {
            if (args.search_regex() != null) throw new ModuleException("search_regex works with 'path', not 'port'");
            return WaitCondition.port(args.host(), args.port(), wanted);
        }
        return WaitCondition.file(args.path(), wanted, args.search_regex());
    }

    /**
     * Ansible's failure: its message (or {@code msg}) and {@code elapsed}; for a file searched, the
     * file's last lines under {@code last_lines} (what was seen, for the reader).
     */
    private static ModuleException timeout(Args args, WaitCondition condition, HostView host) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("elapsed", args.timeout().toSeconds());
        if (args.search_regex() != null && args.path() != null && host.stat(args.path()).isPresent()) {
            data.put("last_lines", WaitCondition.lastLines(host, args.path(), 5));
        }
        return new ModuleException(args.msg() != null ? args.msg() : timeoutMessage(args), data);
    }

    /** Ansible's wait_for messages, word for word. */
    static String timeoutMessage(Args args) {
        boolean wanted = args.state().equals("started") || args.state().equals("present");
        String port = args.host() + ":" + args.port();
        if (args.state().equals("drained")) return "Timeout when waiting for " + port + " to drain";
        if (!wanted) {
            return args.port() != null ? "Timeout when waiting for " + port + " to stop."
                    : "Timeout when waiting for " + args.path() + " to be absent.";
        }
        if (args.search_regex() != null) {
            return "Timeout when waiting for search string " + args.search_regex() + " in " + (args.port() != null ? port : args.path());
        }
        return args.port() != null ? "Timeout when waiting for " + port : "Timeout when waiting for file " + args.path();
    }

    private static void sleep(Duration length) {
        try {
            Thread.sleep(length.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleException("wait_for was interrupted");
        }
    }
}
