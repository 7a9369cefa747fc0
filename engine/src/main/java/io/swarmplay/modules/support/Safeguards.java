package io.swarmplay.modules.support;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.ShellQuote;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.ModuleException;

import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Ansible's file-writing modules do around a write: {@code backup} (a copy of the old file
 * named {@code <dest>.<pid>.<timestamp>~}, registered as {@code backup_file}) and {@code validate}
 * (a command run on the new content, {@code %s} standing for a temporary file, before it replaces
 * the destination).
 *
 * @param backup   whether to keep a copy of the file being replaced
 * @param validate the validation command with {@code %s}, or null
 * @param unsafeWrites Ansible's {@code unsafe_writes}: when the atomic replace cannot be made (the
 *                     directory refuses new files), the existing file is overwritten in place
 */
public record Safeguards(boolean backup, String validate, boolean unsafeWrites) {

    public Safeguards(boolean backup, String validate) {
        this(backup, validate, false);
    }

    public static final Safeguards NONE = new Safeguards(false, null);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss");

    public Safeguards {
        if (validate != null && !validate.contains("%s")) {
            throw new ModuleException("validate must contain %s: " + validate);
        }
    }

    /**
     * Writes {@code content} to {@code path} with the safeguards; returns the data to register
     * ({@code backup_file} when a backup was made). A failed validation leaves the file as it was.
     */
    public Map<String, Object> write(HostSession host, String path, InputStream content, FileAttrs attrs, boolean exists) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (backup && exists) data.put("backup_file", backup(host, path));
        if (validate == null) {
            writeAtomicOrInPlace(host, path, content, attrs, exists);
            return data;
        }
        int slash = path.lastIndexOf('/');
        String temp = path.substring(0, slash + 1) + ".swarmplay-validate." + path.substring(slash + 1);
        host.write(temp, content, attrs);
        ExecResult check = host.run(Command.shell(validate.replace("%s", ShellQuote.quote(temp))));
        if (!check.succeeded()) {
            host.run(Command.of("rm", "-f", "--", temp));
            throw new ModuleException("failed to validate", Map.of("rc", check.rc(), "stdout", check.stdout(),
                    "stderr", check.stderr(), "exit_status", check.rc()));
        }
        CommandSupport.require(host, Command.of("mv", "-f", "--", temp, path));
        return data;
    }

    /** Ansible's atomic_move: the atomic replace, else with {@code unsafe_writes} its _unsafe_writes (the file overwritten in place). */
    private void writeAtomicOrInPlace(HostSession host, String path, InputStream content, FileAttrs attrs, boolean exists) {
        try {
            host.write(path, content, attrs);
        } catch (RuntimeException atomicFailed) {
            if (!unsafeWrites || !exists) throw atomicFailed;
            byte[] rest;
            try {
                rest = content.readAllBytes();
            } catch (java.io.IOException e) {
                throw atomicFailed;
            }
            CommandSupport.require(host, Command.of("sh", "-c", "cat > \"$1\"", "sh", path).withStdin(rest));
        }
    }

    /** Copies {@code path} beside itself, keeping its attributes; returns the copy's path. */
    public static String backup(HostSession host, String path) {
        String copy = path + "." + ProcessHandle.current().pid() + "." + STAMP.format(LocalDateTime.now()) + "~";
        CommandSupport.require(host, Command.of("cp", "-p", "--", path, copy));
        return copy;
    }
}
