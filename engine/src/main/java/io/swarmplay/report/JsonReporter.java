package io.swarmplay.report;

import io.swarmplay.module.Outcome;
import io.swarmplay.report.RunEvent.HostFinished;
import io.swarmplay.report.RunEvent.Included;
import io.swarmplay.report.RunEvent.ItemFinished;
import io.swarmplay.report.RunEvent.PlayStarted;
import io.swarmplay.report.RunEvent.RunFinished;
import io.swarmplay.report.RunEvent.StepProgress;
import io.swarmplay.report.RunEvent.TaskStarted;
import io.swarmplay.report.RunEvent.Warning;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --json}: one JSON object per event and line; events arrive masked and censored ({@link Redactor#redact}). */
public final class JsonReporter implements RunListener {

    private final PrintWriter out;
    public JsonReporter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void report(RunEvent event) {
        Map<String, Object> json = toJson(event);
        if (json == null) return;
        out.println(Json.compact(json));
        out.flush();
    }

    private static Map<String, Object> toJson(RunEvent event) {
        if (event instanceof PlayStarted e) return map("event", "play_started", "play", e.name(), "hosts", e.hosts());
        if (event instanceof TaskStarted e) {
            return map("event", "task_started", "task", e.name(), "kind", e.kind().name().toLowerCase(),
                    "module", e.task().module(), "position", e.task().at().toString());
        }
        if (event instanceof ItemFinished e) {
            Map<String, Object> json = outcome("item_finished", e.outcome());
            json.put("task", e.task().name());
            json.put("host", e.host());
            json.put("item", e.label());
            return json;
        }
        if (event instanceof HostFinished e) return hostFinished(e);
        if (event instanceof Included e) {
            Map<String, Object> json = map("event", "included", "task", e.task().name(), "file", e.file(), "hosts", e.hosts());
            if (e.label() != null) json.put("item", e.label());
            return json;
        }
        if (event instanceof RunEvent.Retrying e) {
            Map<String, Object> json = outcome("retrying", e.outcome());
            json.put("task", e.name());
            json.put("host", e.host());
            json.put("retries_left", e.retriesLeft());
            return json;
        }
        if (event instanceof RunEvent.NoHostsLeft) return map("event", "no_hosts_left");
        if (event instanceof StepProgress e) return map("event", "progress", "host", e.host(), "message", e.message());
        if (event instanceof Warning e) return map("event", "warning", "message", e.message());
        if (event instanceof RunEvent.RunError e) return map("event", "error", "message", e.message());
        if (event instanceof RunEvent.AsyncPolled e) {
            return map("event", "async_poll", "host", e.host(), "jid", e.jid(), "state", e.state().name().toLowerCase());
        }
        if (event instanceof RunFinished e) return recap(e.recap());
        return null;
    }

    private static Map<String, Object> hostFinished(HostFinished e) {
        Map<String, Object> json = outcome("host_finished", e.outcome());
        json.put("task", e.name());
        json.put("host", e.host());
        if (e.delegate() != null) json.put("delegate", e.delegate());
        if (e.ignored()) json.put("ignored", true);
        return json;
    }

    private static Map<String, Object> outcome(String name, Outcome o) {
        Map<String, Object> json = map("event", name, "status", o.status().name().toLowerCase());
        json.put("duration_ms", o.duration().toMillis());
        if (o.message() != null) json.put("msg", o.message());
        if (o.change() != null) json.put("action", o.change().action().name().toLowerCase());
        Map<String, Object> data = new java.util.LinkedHashMap<>(o.data());
        data.remove(ResultView.CHECK_RESULT);
        if (!data.isEmpty()) json.put("data", data);
        return json;
    }

    private static Map<String, Object> recap(Recap recap) {
        Map<String, Object> hosts = new LinkedHashMap<>();
        recap.hosts().forEach((host, c) -> hosts.put(host, map("ok", c.ok, "changed", c.changed,
                "unreachable", c.unreachable, "failed", c.failed, "skipped", c.skipped, "rescued", c.rescued,
                "ignored", c.ignored)));
        return map("event", "run_finished", "recap", hosts);
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], pairs[i + 1]);
        return map;
    }
}
