import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Collectors;

/**
 * sshj alone, as the engine uses it (one connection, SFTP upload with 16 unconfirmed 32 KiB writes):
 * connect+auth time, then a 100 MiB upload to host-1, per cipher.
 * Run: java [-XX:TieredStopAtLevel=1] -cp engine/target/swarmplay.jar bench/diag/SftpSpeed.java [cipher-name]
 */
public class SftpSpeed {
    public static void main(String[] args) throws Exception {
        DefaultConfig config = new DefaultConfig();
        if (args.length > 0) {
            config.setCipherFactories(config.getCipherFactories().stream().filter(f -> f.getName().equals(args[0]))
                    .collect(Collectors.toList()));
        }
        long t0 = System.nanoTime();
        try (SSHClient c = new SSHClient(config)) {
            c.addHostKeyVerifier(new OpenSSHKnownHosts(new File("/tmp/swarmplay-sshd/known_hosts")));
            c.connect("127.0.0.21", 2221);
            c.authPublickey("root", "/tmp/swarmplay-sshd/client_ed25519");
            long t1 = System.nanoTime();
            String cipher = c.getTransport().getConfig().getCipherFactories().get(0).getName();
            System.out.printf("connect+auth: %d ms (first offered cipher %s)%n", (t1 - t0) / 1_000_000, cipher);
            for (int pass = 1; pass <= 2; pass++) {
                long s = System.nanoTime();
                try (SFTPClient sftp = c.newSFTPClient();
                     RemoteFile f = sftp.open("/tmp/spbench-host-1-diag.bin", EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC));
                     OutputStream out = f.new RemoteFileOutputStream(0, 16);
                     InputStream in = Files.newInputStream(Path.of("/tmp/swarmplay-bench-data/big-100m.bin"))) {
                    byte[] buf = new byte[32 * 1024];
                    for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
                }
                long e = System.nanoTime();
                System.out.printf("sftp upload 100 MiB pass %d: %d ms (%.0f MB/s)%n", pass, (e - s) / 1_000_000, 104857600 / ((e - s) / 1e3));
            }
            c.newSFTPClient().rm("/tmp/spbench-host-1-diag.bin");
        }
    }
}
