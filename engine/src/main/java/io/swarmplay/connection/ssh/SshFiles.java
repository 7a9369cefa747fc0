package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.CommandFailedException;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.connection.FileStat;
import io.swarmplay.connection.ShellQuote;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * File operations for {@link SshConnection}. {@code stat} and {@code sha256} are commands
 * ({@code stat -c}, {@code sha256sum}) so owner and group names come back and unchanged files need
 * not be sent. {@code read} and {@code write} use SFTP ({@link SftpFiles}), or commands under
 * become, where SFTP would act as the login user.
 */
final class SshFiles {

    /** Exit status the probe scripts use for "nothing at this path". */
    static final int MISSING = 44;

    private final SshConnection connection;
    private final SftpFiles sftp;
    private final SshOptions options;

    SshFiles(SshConnection connection, SshLink link, SshOptions options) {
        this.connection = connection;
        this.sftp = new SftpFiles(link, options, connection);
        this.options = options;
    }

    Optional<FileStat> stat(String path) {
        String p = ShellQuote.quote(path);
        String script = "[ -e " + p + " ] || [ -L " + p + " ] || exit " + MISSING + "; stat -c '%F|%a|%s|%U|%G' -- "
                + p + " && if [ -L " + p + " ]; then readlink -- " + p + "; fi";
        ExecResult r = probe(script);
        if (r.rc() == MISSING) return Optional.empty();
        return Optional.of(parseStat(path, r.stdout()));
    }

    static FileStat parseStat(String path, String out) {
        int nl = out.indexOf('\n');
        String[] f = (nl < 0 ? out : out.substring(0, nl)).split("\\|", -1);
        if (f.length != 5) throw new UncheckedIOException(new IOException("unexpected stat output for " + path + ": " + out));
        String rest = nl < 0 ? "" : out.substring(nl + 1);
        String target = rest.endsWith("\n") ? rest.substring(0, rest.length() - 1) : rest;
        FileStat.Type type = f[0].equals("directory") ? FileStat.Type.DIRECTORY
                : f[0].equals("symbolic link") ? FileStat.Type.LINK
                : f[0].startsWith("regular") ? FileStat.Type.FILE : FileStat.Type.OTHER;
        return new FileStat(type, Integer.parseInt(f[1], 8), Long.parseLong(f[2]), f[3], f[4],
                type == FileStat.Type.LINK ? target : null);
    }

    Optional<String> sha256(String path) {
        String p = ShellQuote.quote(path);
        ExecResult r = probe("[ -e " + p + " ] || exit " + MISSING + "; sha256sum < " + p);
        if (r.rc() == MISSING) return Optional.empty();
        String hex = r.stdoutTrimmed().split("\\s+")[0];
        if (!hex.matches("[0-9a-f]{64}")) throw new UncheckedIOException(new IOException("unexpected sha256sum output for "
                + path + " on " + options.hostName() + ": " + r.stdoutTrimmed()));
        return Optional.of(hex);
    }

    /** Runs a read-only script (through become when set); any status other than 0 and MISSING throws. */
    private ExecResult probe(String script) {
        Command command = Command.shell(script).withTimeout(Duration.ofMinutes(10));
        ExecResult r = connection.exec(command);
        if (r.rc() != 0 && r.rc() != MISSING || r.signal() != null || r.timedOut()) {
            throw new CommandFailedException(command, r);
        }
        return r;
    }

    /** Stops the SFTP transfers in flight and refuses new ones (commands are stopped by the connection). */
    void cancel() {
        sftp.cancel();
    }

    void read(String path, OutputStream sink) {
        if (!options.become()) {
            sftp.read(path, sink);
            return;
        }
        String p = ShellQuote.quote(path);
        SshExec.Raw raw = connection.runScript("[ -e " + p + " ] || exit " + MISSING + "; exec cat -- " + p, null, sink,
                null);
        if (raw.rc() == MISSING) throw new UncheckedIOException(new FileNotFoundException("no such file: " + path));
        check(raw, "read " + path);
    }

    /**
     * Writes through a temp file beside the target ({@link TempFiles}), after removing those that
     * earlier writes, cut off, left there.
     */
    void write(String path, InputStream content, FileAttrs attrs) {
        if (!options.become()) {
            sftp.write(path, content, attrs);
            return;
        }
        check(connection.runScript(TempFiles.cleanupScript(path) + "; " + writeScript(path, attrs), content,
                OutputStream.nullOutputStream(), null), "write " + path);
    }

    /**
     * cat into a temp file beside the target, named after this shell ({@code $$}, alive exactly as
     * long as the write), set mode/owner, then mv over it (atomic rename).
     */
    static String writeScript(String path, FileAttrs attrs) {
        String p = ShellQuote.quote(path);
        String t = "\"$t\"";
        String mode = attrs.mode() != null ? "chmod " + Integer.toOctalString(attrs.mode()) + " " + t
                : "if [ -e " + p + " ]; then chmod --reference=" + p + " " + t + "; else chmod 644 " + t + "; fi";
        String owner = ownerSpec(attrs);
        String chown = owner == null ? "" : " && chown " + ShellQuote.quote(owner) + " -- " + t;
        return "umask 077; t=" + TempFiles.shellName(path) + "; cat > " + t + " && " + mode + chown + " && mv -f -- "
                + t + " " + p + " || { rc=$?; rm -f -- " + t + "; exit $rc; }";
    }

    /** {@code owner}, {@code owner:group} or {@code :group}; null when neither is set. */
    static String ownerSpec(FileAttrs attrs) {
        if (attrs.owner() == null && attrs.group() == null) return null;
        return (attrs.owner() == null ? "" : attrs.owner()) + (attrs.group() == null ? "" : ":" + attrs.group());
    }

    private void check(SshExec.Raw raw, String what) {
        if (raw.rc() == 0 && raw.signal() == null) return;
        String err = new String(raw.stderr(), StandardCharsets.UTF_8).strip();
        if (RemoteCommand.sudoNeedsPassword(raw.rc(), err)) err = connection.sudoPasswordMessage();
        throw new UncheckedIOException(new IOException("cannot " + what + " on " + options.hostName() + ": "
                + (err.isEmpty() ? "exit status " + raw.rc() : err)));
    }
}
