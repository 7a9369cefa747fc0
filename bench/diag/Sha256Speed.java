import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * How long the control-node side of a 100 MiB copy takes in this JVM: reading the file into memory
 * (what copy's src does) and SHA-256 over it, twice (a cold and a warm pass).
 * Run: java [-XX:TieredStopAtLevel=1] bench/diag/Sha256Speed.java /tmp/swarmplay-bench-data/big-100m.bin
 */
public class Sha256Speed {
    public static void main(String[] args) throws Exception {
        Path p = Path.of(args[0]);
        long t0 = System.nanoTime();
        byte[] b = Files.readAllBytes(p);
        long t1 = System.nanoTime();
        System.out.printf("readAllBytes %d MiB: %d ms%n", b.length >> 20, (t1 - t0) / 1_000_000);
        for (int i = 1; i <= 2; i++) {
            long s = System.nanoTime();
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b);
            long e = System.nanoTime();
            System.out.printf("sha256 pass %d: %d ms (%.0f MB/s)%n", i, (e - s) / 1_000_000, b.length / ((e - s) / 1e3));
        }
    }
}
