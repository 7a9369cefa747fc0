package io.swarmplay.connection.ssh;

import io.swarmplay.connection.CancelledException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.SFTPClient;

import java.io.IOException;

/**
 * The one SFTP channel of a connection, shared by every file operation at once (with the process id
 * of its server, which names temp files: see {@link TempFiles}): sshj's
 * {@code SFTPEngine} numbers each request and hands each reply to its waiting caller, so a read
 * and a write may be in flight together. No operation holds the channel for itself — a transfer
 * from a host to itself reads and writes the same host at the same time, and a lock held for a
 * whole operation made the writer wait for the reader it feeds.
 *
 * <p>The channel takes one session slot. With {@code ssh_max_sessions} of 2 or more it is kept
 * open for the connection's life (opening one costs two round trips); with 1 it is closed, and its
 * slot freed for commands, as soon as no operation uses it.
 */
final class SftpChannel {

    /** SFTP work on the open client, whose server process is {@code serverPid} (-1 when unknown). */
    interface Work {
        void run(SFTPClient sftp, long serverPid) throws IOException;
    }

    private final SshLink link;
    private final String hostName;
    private final boolean keep;
    private SFTPClient client;
    private long serverPid;
    private boolean holding;
    private int users;
    private boolean cancelled;

    SftpChannel(SshLink link, String hostName, int maxSessions) {
        this.link = link;
        this.hostName = hostName;
        this.keep = maxSessions >= 2;
    }

    /** Runs {@code work} on the shared channel, opening it when needed; failures as {@link SshLink#withSession}. */
    void run(Work work) throws IOException {
        SFTPClient sftp = join();
        long pid = serverPid();
        try {
            link.outsideLimit(c -> {
                work.run(sftp, pid);
                return null;
            });
        } catch (IOException | RuntimeException e) {
            if (cancelled()) throw new CancelledException("interrupted: a file transfer on " + hostName + " was stopped");
            throw e;
        } finally {
            leave();
        }
    }

    /** Closes the channel under the operations in flight (they fail) and refuses new ones. */
    synchronized void cancel() {
        cancelled = true;
        if (client == null) return;
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // closing under running transfers: they fail, which is the point
        }
    }

    private synchronized long serverPid() {
        return serverPid;
    }

    private synchronized boolean cancelled() {
        return cancelled;
    }

    private synchronized SFTPClient join() throws IOException {
        if (cancelled) throw new CancelledException("interrupted: no new file transfer starts on " + hostName);
        if (client == null || !client.getSFTPEngine().getSubsystem().isOpen()) {
            if (!holding) {
                link.holdSession();
                holding = true;
            }
            try {
                client = link.outsideLimit(SSHClient::newSFTPClient);
                serverPid = pidOf(client);
            } catch (IOException | RuntimeException e) {
                if (users == 0) free();
                throw e;
            }
        }
        users++;
        return client;
    }

    /** The SFTP server's process id, from {@code /proc/self} as it sees it; -1 where there is none (no /proc, a chroot). */
    private static long pidOf(SFTPClient sftp) {
        try {
            String self = sftp.readlink("/proc/self");
            return self.matches("\\d{1,10}") ? Long.parseLong(self) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private synchronized void leave() {
        if (--users > 0 || keep) return;
        free();
    }

    private void free() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException | RuntimeException ignored) {
                // the channel is going away either way
            }
            client = null;
        }
        if (holding) link.releaseSession();
        holding = false;
    }
}
