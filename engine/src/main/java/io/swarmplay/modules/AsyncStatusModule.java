package io.swarmplay.modules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.module.AsyncJobFiles;
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
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.Results;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state of a job started with {@code async}, read from its result file on the host
 * ({@code ~/.ansible_async/JID}); {@code mode: cleanup} removes that file.
 * <pre>{@code
 * - command: /opt/app/migrate
 *   async: 600
 *   poll: 0
 *   register: migration
 * - async_status:
 *     jid: "{{ migration.ansible_job_id }}"
 *   register: job
 *   until: job.finished
 *   retries: 60
 *   delay: 10
 * }</pre>
 * Registers {@code ansible_job_id, started, finished} and, once finished, the job's own result
 * ({@code rc}, {@code stdout}, ...; its {@code changed} and {@code failed} too, as Ansible does).
 */
@ModuleInfo(name = "async_status", checkMode = CheckSupport.FULL)
public final class AsyncStatusModule implements Module<AsyncStatusModule.Args> {

    /** Made on first use: Jackson's set-up (date formats, locale data) costs every run that loads the module registry. */
    private static final class Lazy {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    public record Args(@Required String jid, @Default("status") @Choices({"status", "cleanup"}) String mode) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        if (args.mode().equals("cleanup")) return Change.delete("remove the result file of job " + args.jid());
        ExecResult read = host.probe(AsyncJobFiles.read(asyncDir(host), args.jid()));
        String[] pathAndData = read.stdout().split("\n", 2);
        if (!read.succeeded()) {
            Map<String, Object> missing = AsyncJobFiles.actionKeys(args.jid(), pathAndData[0]);
            missing.put("finished", 1);
            throw new ModuleException("could not find job", missing);
        }
        Map<String, Object> data = AsyncJobFiles.status(args.jid(), pathAndData[0],
                status(args.jid(), pathAndData[0], pathAndData.length > 1 ? pathAndData[1] : ""));
        if (Boolean.TRUE.equals(data.get("failed")) || Integer.valueOf(1).equals(data.get("failed"))) {
            throw new ModuleException(String.valueOf(data.getOrDefault("msg", "the job failed")), data);
        }
        boolean changed = Boolean.TRUE.equals(data.get("changed"));
        return changed ? Change.update("job " + args.jid() + " changed").withPayload(data)
                : Results.none("job " + args.jid() + (Integer.valueOf(1).equals(data.get("finished")) ? " finished" : " running"), data);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Outcome apply(Args args, Change change, HostSession host) {
        if (change.payload() instanceof Map<?, ?> data) return Outcome.changed(change).withData((Map<String, Object>) data);
        ExecResult removed = host.run(AsyncJobFiles.remove(asyncDir(host), args.jid()));
        if (!removed.succeeded()) throw new ModuleException("cannot remove the result file of job " + args.jid() + ": " + removed.tail(3));
        return Outcome.ok(Change.none("removed")).withData(Map.of("ansible_job_id", args.jid(), "erased", removed.stdout(),
                "started", 0, "finished", 0));
    }

    /** The folder of the job files: the {@code ansible_async_dir} variable, else Ansible's default. */
    private static String asyncDir(HostView host) {
        Object dir = host.evaluate(AsyncJobFiles.VARIABLE + " | default('')");
        return dir == null || String.valueOf(dir).isBlank() ? AsyncJobFiles.DEFAULT_DIR : String.valueOf(dir);
    }

    /** Ansible's reading: no parsable content yet is a running job; a file without {@code started} is a finished one. */
    private static Map<String, Object> status(String jid, String path, String text) {
        Map<String, Object> data = new LinkedHashMap<>();
        try {
            if (!text.isBlank() && Lazy.JSON.readValue(text, Object.class) instanceof Map<?, ?> parsed) {
                parsed.forEach((k, v) -> data.put(String.valueOf(k), v));
            }
        } catch (JsonProcessingException e) {
            throw new ModuleException("Could not parse job output: " + text,
                    Map.of("ansible_job_id", jid, "results_file", path, "started", 1, "finished", 1));
        }
        if (data.isEmpty()) return new LinkedHashMap<>(Map.of("results_file", path, "ansible_job_id", jid, "started", 1, "finished", 0));
        if (!data.containsKey("started")) {
            data.put("finished", 1);
            data.put("ansible_job_id", jid);
        } else {
            data.putIfAbsent("finished", 0);
        }
        data.putIfAbsent("results_file", path);
        return data;
    }
}
