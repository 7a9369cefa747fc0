package io.swarmplay.modules.support;

import io.swarmplay.connection.FileStat;
import io.swarmplay.module.Change;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Outcome;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code replace} and {@code blockinfile} share: a text file read, edited in memory, and
 * written back through {@link ManagedFile} (atomic, with {@code backup}, {@code validate}, mode,
 * owner and group), registering Ansible's {@code msg}.
 *
 * @param path     the file
 * @param encoding how the file's bytes are text
 * @param mode     as the user wrote it (see {@link FileMode#parse}), or null
 * @param owner    wanted owner, or null
 * @param group    wanted group, or null
 * @param backup   keep a copy of the file being replaced
 * @param validate command with {@code %s} run on the new content first, or null
 */
public record TextFileEdit(String path, Charset encoding, Object mode, String owner, String group, boolean backup,
                           String validate) {

    /** The payload apply needs: ManagedFile's and the message. */
    private record Edit(Object write, String msg) {
    }

    /** The file's text, empty when it does not exist; fails with Ansible's message for a directory. */
    public Optional<String> read(HostView host) {
        Optional<FileStat> stat = host.stat(path);
        if (stat.isPresent() && stat.get().isDirectory()) {
            throw new ModuleException("Path " + path + " is a directory !", Map.of("rc", 256));
        }
        return stat.map(s -> new String(host.read(path), encoding));
    }

    /**
     * The change that makes the file hold {@code after} (and the wanted attributes); {@code msg} is
     * registered when the content changes ({@code ""} when nothing does, as Ansible); {@code before}
     * is the current text (null for none), to tell a change of attributes only.
     */
    public Change plan(String before, String after, String msg, HostView host) {
        ManagedFile.Desired want = new ManagedFile.Desired(path, after.getBytes(encoding), mode, owner, group, true,
                new Safeguards(backup, validate));
        Change change = ManagedFile.plan(want, host);
        if (change.isNone()) return Results.none(change.summary(), Map.of("msg", ""));
        String attrs = "ownership, perms or SE linux context changed";
        if (after.equals(before)) msg = attrs;
        else if (before != null && attributesDiffer(host)) msg = msg + " and " + attrs;
        return change.withPayload(new Edit(change.payload(), msg));
    }

    private boolean attributesDiffer(HostView host) {
        FileStat stat = host.stat(path).orElseThrow();
        Integer wanted = FileMode.parse(mode, stat.mode(), false);
        return (wanted != null && wanted != stat.mode()) || (owner != null && !owner.equals(stat.owner()))
                || (group != null && !group.equals(stat.group()));
    }

    /** Writes what {@link #plan} found; a failed validation is Ansible's {@code failed to validate: rc:.. error:..}. */
    public Outcome apply(Change change, HostSession host) {
        Edit edit = (Edit) change.payload();
        if (change.action() == io.swarmplay.module.Action.CREATE) createParent(host, path);
        Outcome written;
        try {
            written = ManagedFile.apply(change.withPayload(edit.write()), host);
        } catch (ModuleException e) {
            if (!e.getMessage().equals("failed to validate")) throw e;
            throw new ModuleException("failed to validate: rc:" + e.data().get("rc") + " error:" + e.data().get("stderr"));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (written.data().containsKey("backup_file")) data.put("backup_file", written.data().get("backup_file"));
        data.put("msg", edit.msg());
        return Outcome.changed(change).withData(data);
    }

    /** Ansible's {@code create: true} (lineinfile, blockinfile): the missing directories above a new file are made. */
    public static void createParent(HostSession host, String path) {
        int slash = path.lastIndexOf('/');
        if (slash <= 0) return;
        io.swarmplay.connection.ExecResult made = host.run(io.swarmplay.connection.Command.of("mkdir", "-p", "--", path.substring(0, slash)));
        if (made.rc() != 0) throw new ModuleException("Error creating " + path.substring(0, slash) + " Error code: " + made.rc()
                + " Error description: " + made.stderr().strip());
    }
}
