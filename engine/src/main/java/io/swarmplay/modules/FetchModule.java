package io.swarmplay.modules;

import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.module.WrongType;
import io.swarmplay.connection.FileStat;
import io.swarmplay.modules.support.ControlFiles;
import io.swarmplay.modules.support.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Copies a file from the host to the control node, as Ansible's fetch: into
 * {@code dest/<inventory host>/<src path>}, or straight to {@code dest} with {@code flat: true}
 * (a {@code dest} ending in {@code /} then takes the file's name). Checksum-idempotent, written
 * atomically. A source missing at plan time is "known after apply"; at apply it is an error
 * unless {@code fail_on_missing: false}.
 *
 * <pre>{@code
 * - fetch: {src: /var/log/spire/server.log, dest: logs/}
 * }</pre>
 */
@ModuleInfo(name = "fetch", checkMode = CheckSupport.SKIP)
public final class FetchModule implements Module<FetchModule.Args> {

    public record Args(@Required(Required.SRC_AND_DEST) @WrongType("Invalid type supplied for source option, it must be a string") String src,
                       @Required(Required.SRC_AND_DEST) @WrongType("Invalid type supplied for dest option, it must be a string") String dest, boolean flat,
                       @Default("true") boolean fail_on_missing) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    /** Ansible's message for a missing source (fetch reads it through slurp, which reports "not found"). */
    static final String MISSING = "the remote file does not exist, not transferring, ignored";
    static final String DIRECTORY = "remote file is a directory, fetch cannot work on directories";

    @Override
    public Change plan(Args args, HostView host) {
        Path target = target(args, host);
        boolean directory = host.stat(args.src()).map(FileStat::isDirectory).orElse(false);
        Optional<String> remote = directory ? Optional.empty() : host.sha256(args.src());
        if (remote.isEmpty()) return absent(args, directory, host, target);
        Optional<String> local = ControlFiles.sha256(target);
        String edge = host.name() + ":" + args.src() + " → " + target;
        if (local.equals(remote)) {
            Sums sums = Sums.of(target);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("changed", false);
            data.put("md5sum", sums.md5());
            data.put("file", args.src());
            data.put("dest", target.toString());
            data.put("checksum", sums.sha1());
            String why = target + " already matches " + host.name() + ":" + args.src();
            return Change.none(why).withPayload(Outcome.ok(why).withData(data));
        }
        return (local.isEmpty() ? Change.create(edge) : Change.update(edge + " (content differs)")).withPayload(target);
    }

    /** A source that is not a readable file: a directory, or missing (fatal with {@code fail_on_missing}). */
    private static Change absent(Args args, boolean directory, HostView host, Path target) {
        if (directory && args.fail_on_missing()) throw new ModuleException(DIRECTORY, Map.of("file", args.src()));
        if (!directory && args.fail_on_missing() && unreadable(args.src(), host)) {
            throw new ModuleException("file is not readable: " + args.src(), Map.of("file", args.src()));
        }
        String msg = directory ? DIRECTORY + ", not transferring, ignored" : MISSING;
        Map<String, Object> data = Map.of("changed", false, "file", args.src(), "msg", msg);
        if (directory || !args.fail_on_missing()) return Change.none(msg).withPayload(Outcome.ok(msg).withData(data));
        // an earlier step of this run may create it; apply fails if it still is missing
        return Change.unknown(host.name() + ":" + args.src() + " does not exist yet (known after apply)")
                .withPayload(target);
    }

    // as Ansible's slurp tells EACCES from ENOENT: a file there that this (become) user may not read
    private static boolean unreadable(String src, HostView host) {
        io.swarmplay.connection.ExecResult r = host.probe(io.swarmplay.connection.Command.of("head", "-c", "0", "--", src));
        return r.rc() != 0 && r.stderr().contains("Permission denied");
    }

    /**
     * Where the file goes on the control node, as Ansible's fetch: {@code dest/<inventory host>/<src path>},
     * or {@code dest} itself with {@code flat} (a {@code dest} ending in {@code /} takes the file's name);
     * a relative {@code dest} is relative to the playbook's directory, {@code ~} is the control user's home.
     */
    static Path target(Args args, HostView host) {
        String dest = args.dest().startsWith("~") ? System.getProperty("user.home") + args.dest().substring(1) : args.dest();
        Path base = dest.startsWith("/") ? Path.of("/") : Path.of(String.valueOf(host.evaluate("playbook_dir")));
        if (!args.flat()) return base.resolve(dest).resolve(host.name()).resolve(args.src().replaceFirst("^/+", "")).normalize();
        Path flat = base.resolve(dest).normalize();
        if (dest.endsWith("/")) return flat.resolve(Path.of(args.src()).getFileName());
        if (Files.isDirectory(flat)) {
            throw new ModuleException("dest is an existing directory, use a trailing slash if you want to fetch src into that directory");
        }
        return flat;
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        Path target = (Path) change.payload();
        String expected = host.sha256(args.src()).orElseThrow(() -> new ModuleException(MISSING, Map.of("file", args.src())));
        String written = ControlFiles.writeAtomically(target, out -> host.readInto(args.src(), out));
        if (!written.equals(expected)) {
            throw new ModuleException("checksum mismatch fetching " + host.name() + ":" + args.src() + " to " + target);
        }
        Sums sums = Sums.of(target);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("md5sum", sums.md5());
        data.put("dest", target.toString());
        data.put("remote_md5sum", null);
        data.put("checksum", sums.sha1());
        data.put("remote_checksum", sums.sha1()); // the written bytes were verified against the host's file above
        return Outcome.changed(change).withData(data);
    }

    /** Ansible's {@code checksum} (SHA-1) and {@code md5sum} of a control-node file, read once. */
    record Sums(String sha1, String md5) {
        static Sums of(Path file) {
            java.security.MessageDigest sha1 = Texts.sha1Digest();
            java.security.MessageDigest md5 = Texts.md5Digest();
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    sha1.update(buffer, 0, n);
                    md5.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new ModuleException("cannot read " + file + " on the control node: " + e.getMessage());
            }
            HexFormat hex = HexFormat.of();
            return new Sums(hex.formatHex(sha1.digest()), hex.formatHex(md5.digest()));
        }
    }
}
