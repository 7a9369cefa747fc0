package io.swarmplay.module;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ShellQuote;

/**
 * Where an {@code async} job keeps its result on its host, as Ansible's {@code async_wrapper}
 * does: one JSON file {@code ~/.ansible_async/JID} of the connecting (or become) user, holding
 * {@code {"started": 1, "finished": 0, "ansible_job_id": JID}} while the job runs and the
 * module's result when it ends. The runner writes it, {@code async_status} reads it.
 */
public final class AsyncJobFiles {

    /** The folder under the user's home directory. */
    public static final String DIR = ".ansible_async";

    private AsyncJobFiles() {
    }

    /** Writes standard input to the job's file (whole, by a rename) and prints the file's absolute path. */
    public static Command write(String jid) {
        String file = file(jid);
        return Command.shell("d=\"$HOME/" + DIR + "\" && mkdir -p \"$d\" && cat > " + file + ".tmp && mv "
                + file + ".tmp " + file + " && printf %s " + file);
    }

    /** Prints the job file's absolute path on the first line and its content after it; exit 1 when it does not exist. */
    public static Command read(String jid) {
        String file = file(jid);
        return Command.shell("d=\"$HOME/" + DIR + "\"; printf '%s\\n' " + file + "; [ -f " + file + " ] && cat " + file);
    }

    /** Removes the job's file and prints its absolute path. */
    public static Command remove(String jid) {
        String file = file(jid);
        return Command.shell("d=\"$HOME/" + DIR + "\"; rm -f " + file + " && printf %s " + file);
    }

    // "$d"/'jid': the folder expands on the host, the job id never does
    private static String file(String jid) {
        return "\"$d\"/" + ShellQuote.quote(jid);
    }
}
