package io.swarmplay.connection.ssh;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
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

    private final SftpChannel channel;
    private final SshOptions options;
    private final SshConnection connection;

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
            channel.run(sftp -> {
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

    /** Writes {@code path} through {@code temp}, a name beside it ({@link TempFiles}). */
    void write(String path, String temp, InputStream content, FileAttrs attrs) {
        String owner = SshFiles.ownerSpec(attrs);
        try {
            channel.run(sftp -> {
                try {
                    upload(sftp, path, temp, content, attrs.mode());
                    if (owner == null) sftp.rename(temp, path, EnumSet.of(RenameFlags.OVERWRITE));
                } catch (IOException | RuntimeException e) {
                    // before the partial temp file goes: it is what filled the disk
                    String space = e instanceof SFTPException s && s.getStatusCode() == Response.StatusCode.FAILURE
                            ? DiskSpace.problem(connection, path) : null;
                    removeQuietly(sftp, temp);
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
        if (owner != null) chownAndRename(path, temp, owner);
    }

    /** Streams {@code content} into {@code temp} (created 0600), then sets the final mode. */
    private static void upload(SFTPClient sftp, String path, String temp, InputStream content, Integer mode)
            throws IOException {
        int finalMode = mode != null ? mode : existingMode(sftp, path);
        FileAttributes initial = new FileAttributes.Builder().withPermissions(0600).build();
        try (RemoteFile file = sftp.open(temp, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL), initial);
             OutputStream out = file.new RemoteFileOutputStream(0, UNCONFIRMED_WRITES)) {
            byte[] buf = new byte[32 * 1024];
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
