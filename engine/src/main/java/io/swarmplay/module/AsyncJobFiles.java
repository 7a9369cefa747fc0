package io.swarmplay.module;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ShellQuote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an {@code async} job keeps its result on its host, as Ansible's {@code async_wrapper}
 * does: one JSON file {@code ASYNC_DIR/JID}, holding {@code {"started": 1, "finished": 0,
 * "ansible_job_id": JID}} while the job runs and the module's result when it ends. The folder is
 * the {@code ansible_async_dir} variable (the shell plugin's {@code async_dir} option), by
 * default {@code ~/.ansible_async} of the connecting (or become) user; a leading {@code ~}
 * expands on the host. The runner writes it, {@code async_status} reads it.
 */
public final class AsyncJobFiles {

    /** The variable that names the folder. */
    public static final String VARIABLE = "ansible_async_dir";
    /** Ansible's default folder. */
    public static final String DEFAULT_DIR = "~/.ansible_async";

    private AsyncJobFiles() {
    }

    /** Writes standard input to the job's file (whole, by a rename) and prints the file's absolute path. */
    public static Command write(String dir, String jid) {
        String file = file(jid);
        return Command.shell(folder(dir) + " && mkdir -p \"$d\" && cat > " + file + ".tmp && mv "
                + file + ".tmp " + file + " && printf %s " + file);
    }

    /** Prints the job file's absolute path on the first line and its content after it; exit 1 when it does not exist. */
    public static Command read(String dir, String jid) {
        String file = file(jid);
        return Command.shell(folder(dir) + "; printf '%s\\n' " + file + "; [ -f " + file + " ] && cat " + file);
    }

    /** Removes the job's file and prints its absolute path. */
    public static Command remove(String dir, String jid) {
        String file = file(jid);
        return Command.shell(folder(dir) + "; rm -f " + file + " && printf %s " + file);
    }

    /** What Ansible's async_status action starts its result with, before the module's keys merge over it. */
    public static Map<String, Object> actionKeys(String jid, String resultsFile) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("ansible_job_id", jid);
        keys.put("finished", 0);
        keys.put("results_file", resultsFile);
        keys.put("started", 1);
        keys.put("stderr", "");
        keys.put("stderr_lines", List.of());
        keys.put("stdout", "");
        keys.put("stdout_lines", List.of());
        return keys;
    }

    /**
     * Ansible's async_status result: {@link #actionKeys} with what the job's file holds merged
     * over them; a {@code stdout}/{@code stderr} there without its {@code _lines} gets them split
     * from it (as {@code _execute_module} does), never the action's empty ones.
     */
    public static Map<String, Object> status(String jid, String resultsFile, Map<String, Object> fileData) {
        Map<String, Object> status = actionKeys(jid, resultsFile);
        status.putAll(fileData);
        for (String stream : List.of("stdout", "stderr")) {
            if (fileData.containsKey(stream) && !fileData.containsKey(stream + "_lines")) {
                Object text = fileData.get(stream);
                status.put(stream + "_lines", text instanceof String s && !s.isEmpty() ? s.lines().toList() : List.of());
            }
        }
        return status;
    }

    /** {@code d=FOLDER}: a leading {@code ~} or {@code ~user} expands on the host, the rest never does. */
    static String folder(String dir) {
        String given = dir == null || dir.isBlank() ? DEFAULT_DIR : dir;
        if (!given.startsWith("~")) return "d=" + ShellQuote.quote(given);
        int slash = given.indexOf('/');
        String user = slash < 0 ? given : given.substring(0, slash);
        String rest = slash < 0 ? "" : given.substring(slash + 1);
        if (!user.matches("~[A-Za-z0-9._-]*")) return "d=" + ShellQuote.quote(given);
        // the slash after the tilde stays unquoted: the shell expands ~ only before an unquoted one
        return "d=" + user + (slash < 0 ? "" : "/" + (rest.isEmpty() ? "" : ShellQuote.quote(rest)));
    }

    // "$d"/'jid': the folder expands on the host, the job id never does
    private static String file(String jid) {
        return "\"$d\"/" + ShellQuote.quote(jid);
    }
}
