package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.RenameFlags;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;

/**
 * Streaming SFTP reads and atomic SFTP writes (temp file beside the target, mode set, then
 * {@code posix-rename@openssh.com} over the target), all on the connection's one {@link SftpChannel},
 * which concurrent operations share. Nothing is held in memory beyond a few 32 KiB packets.
 */
final class SftpFiles {

    private static final int READ_AHEAD = 16;
    private static final int UNCONFIRMED_WRITES = 16;
    private static final int DEFAULT_MODE = 0644;
    /**
     * Bytes per SFTP write: a WRITE packet (length, type, id, handle, offset, data length: about 30 bytes
     * with OpenSSH's 4-byte handle) then fits in one SSH channel packet (OpenSSH's session channels take
     * at most 32 KiB); with 32 KiB of data every write went out as two SSH packets, a full and a tiny one.
     */
    private static final int WRITE_CHUNK = 32 * 1024 - 256;

    private final SftpChannel channel;
    private final SshOptions options;
    private final SshConnection connection;
    private final java.util.Set<String> cleaned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SftpFiles(SshLink link, SshOptions options, SshConnection connection) {
        this.channel = new SftpChannel(link, options.hostName(), options.maxSessions());
        this.options = options;
        this.connection = connection;
    }

    void cancel() {
        channel.cancel();
    }

    void read(String path, OutputStream sink) {
        try {
            channel.run((sftp, pid) -> {
                try (RemoteFile file = sftp.open(path, EnumSet.of(OpenMode.READ));
                     InputStream in = file.new ReadAheadRemoteFileInputStream(READ_AHEAD)) {
                    in.transferTo(sink);
                }
            });
        } catch (SFTPException e) {
            throw failure("read", path, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " on " + options.hostName() + ": "
                    + SshLink.rootMessage(e), e);
        }
    }

    /**
     * Writes {@code path} through a temp file beside it named after the SFTP server's process
     * ({@link TempFiles}); first, once per directory and connection, removes the temp files that
     * writes cut off left in that directory.
     */
    void write(String path, InputStream content, FileAttrs attrs) {
        String owner = SshFiles.ownerSpec(attrs);
        String[] temp = new String[1];
        try {
            channel.run((sftp, pid) -> {
                temp[0] = TempFiles.name(path, pid);
                cleanOnce(sftp, path);
                try {
                    upload(sftp, path, temp[0], content, attrs.mode());
                    if (owner == null) sftp.rename(temp[0], path, EnumSet.of(RenameFlags.OVERWRITE));
                } catch (IOException | RuntimeException e) {
                    // before the partial temp file goes: it is what filled the disk
                    String space = e instanceof SFTPException s && s.getStatusCode() == Response.StatusCode.FAILURE
                            ? DiskSpace.problem(connection, path) : null;
                    removeQuietly(sftp, temp[0]);
                    if (space != null) throw new NoSpace(space);
                    throw e;
                }
            });
        } catch (NoSpace e) {
            throw new UncheckedIOException(new IOException("cannot write " + path + " on " + options.hostName() + " as "
                    + options.user() + ": " + e.getMessage()));
        } catch (SFTPException e) {
            throw failure("write", path, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + " on " + options.hostName() + ": "
                    + SshLink.rootMessage(e), e);
        }
        if (owner != null) chownAndRename(path, temp[0], owner);
    }

    /**
     * Removes, the first time this connection writes into {@code path}'s directory, the temp files
     * there whose writing process is gone. Over SFTP: a listing and a stat of {@code /proc/PID} per
     * candidate, no command. Skipped where {@code /proc} is not visible; never fails the write.
     */
    private void cleanOnce(SFTPClient sftp, String path) {
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "." : slash == 0 ? "/" : path.substring(0, slash);
        if (!cleaned.add(dir)) return;
        try {
            if (sftp.statExistence("/proc/self") == null) return;
            net.schmizz.sshj.sftp.RemoteResourceFilter temps = f -> TempFiles.NAME.matcher(f.getName()).matches();
            for (RemoteResourceInfo f : sftp.ls(dir, temps)) {
                java.util.regex.Matcher m = TempFiles.NAME.matcher(f.getName());
                if (m.matches() && sftp.statExistence("/proc/" + m.group(1)) == null) sftp.rm(f.getPath());
            }
        } catch (IOException | RuntimeException e) {
            // a directory we cannot list or a file we cannot remove: the write itself says what is wrong
        }
    }

    /** Streams {@code content} into {@code temp} (created 0600), then sets the final mode. */
    private static void upload(SFTPClient sftp, String path, String temp, InputStream content, Integer mode)
            throws IOException {
        int finalMode = mode != null ? mode : existingMode(sftp, path);
        FileAttributes initial = new FileAttributes.Builder().withPermissions(0600).build();
        try (RemoteFile file = sftp.open(temp, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL), initial);
             OutputStream out = file.new RemoteFileOutputStream(0, UNCONFIRMED_WRITES)) {
            byte[] buf = new byte[WRITE_CHUNK];
            for (int n; (n = content.read(buf)) > 0; ) out.write(buf, 0, n);
        }
        sftp.chmod(temp, finalMode);
    }

    /** The target's current permission bits, so a rewrite keeps them; 0644 for a new file. */
    private static int existingMode(SFTPClient sftp, String path) throws IOException {
        FileAttributes existing = sftp.statExistence(path);
        return existing == null ? DEFAULT_MODE : existing.getMode().getPermissionsMask();
    }

    /** chown needs user names (SFTP only takes ids), so ownership and the rename run as one command. */
    private void chownAndRename(String path, String temp, String owner) {
        Command cmd = Command.of("/bin/sh", "-c", "chown \"$1\" -- \"$2\" && mv -f -- \"$2\" \"$3\" || { rc=$?; rm -f -- \"$2\"; exit $rc; }",
                "sh", owner, temp, path);
        ExecResult r = connection.exec(cmd);
        if (!r.succeeded()) {
            throw new UncheckedIOException(new IOException("cannot write " + path + " on " + options.hostName()
                    + ": chown " + owner + " failed: " + r.tail(3)));
        }
    }

    private static void removeQuietly(SFTPClient sftp, String temp) {
        try {
            sftp.rm(temp);
        } catch (IOException | RuntimeException ignored) {
            // best effort: the temp file may never have been created
        }
    }

    /** A write failed because the file system is full; the message says which and how full. */
    private static final class NoSpace extends IOException {
        NoSpace(String message) {
            super(message);
        }
    }

    private UncheckedIOException failure(String verb, String path, SFTPException e) {
        Response.StatusCode code = e.getStatusCode();
        if (code == Response.StatusCode.NO_SUCH_FILE && verb.equals("read")) {
            return new UncheckedIOException(new FileNotFoundException("no such file: " + path));
        }
        String why = code == Response.StatusCode.NO_SUCH_FILE ? "no such directory"
                : code == Response.StatusCode.PERMISSION_DENIED ? "permission denied"
                : code == Response.StatusCode.FAILURE ? "the SFTP server failed without saying why (SSH_FX_FAILURE:"
                        + " OpenSSH reports most I/O errors so, e.g. a disk quota or a read-only file system)"
                : SshLink.rootMessage(e);
        return new UncheckedIOException(new IOException("cannot " + verb + " " + path + " on " + options.hostName()
                + " as " + options.user() + ": " + why));
    }
}
