package io.swarmplay.connection.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Test streams that never hold their whole content in memory, and SHA-256 helpers. */
final class Bytes {

    private Bytes() {
    }

    static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha().digest(content));
    }

    /** A sink that hashes and counts what it receives and remembers the largest single write. */
    static final class HashingSink extends OutputStream {
        private final MessageDigest digest = sha();
        private long count;
        private int largest;

        @Override
        public void write(int b) {
            digest.update((byte) b);
            count++;
            largest = Math.max(largest, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
            count += len;
            largest = Math.max(largest, len);
        }

        long count() {
            return count;
        }

        int largestWrite() {
            return largest;
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** {@code size} pseudo-random bytes, generated as read; {@link #hex()} is their SHA-256 once read. */
    static final class Generated extends InputStream {
        private final Random random = new Random(42);
        private final MessageDigest digest = sha();
        private long left;

        Generated(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) return -1;
            int n = (int) Math.min(Math.min(len, left), 64 * 1024);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            digest.update(chunk);
            left -= n;
            return n;
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** Delays each read by {@code millis}, to make a write take a while. */
    static final class Throttled extends InputStream {
        private final InputStream in;
        private final long millis;

        Throttled(InputStream in, long millis) {
            this.in = in;
            this.millis = millis;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return in.read(b, off, Math.min(len, 256 * 1024));
        }
    }
}
