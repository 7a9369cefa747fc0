package io.swarmplay.template.filters;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The Unix {@code crypt(3)} schemes Ansible's {@code password_hash} produces: MD5-crypt
 * ({@code $1$}) and SHA-crypt ({@code $5$}, {@code $6$}, with an optional {@code rounds=N$}),
 * reading a setting string as glibc/libxcrypt do.
 */
final class Crypt {

    private static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int SHA_DEFAULT_ROUNDS = 5000;

    private Crypt() {
    }

    /** {@code crypt(key, setting)}; an unsupported setting is an {@link IllegalArgumentException}. */
    static String crypt(String key, String setting) {
        byte[] password = key.getBytes(StandardCharsets.UTF_8);
        if (setting.startsWith("$1$")) return md5(password, salt(setting.substring(3), 8));
        if (setting.startsWith("$5$")) return sha("5", "SHA-256", password, setting.substring(3));
        if (setting.startsWith("$6$")) return sha("6", "SHA-512", password, setting.substring(3));
        throw new IllegalArgumentException("unsupported crypt setting");
    }

    private static String salt(String rest, int max) {
        int end = rest.indexOf('$');
        String salt = end < 0 ? rest : rest.substring(0, end);
        return salt.length() > max ? salt.substring(0, max) : salt;
    }

    private static String md5(byte[] pw, String saltText) {
        byte[] salt = saltText.getBytes(StandardCharsets.US_ASCII);
        byte[] alt = digest("MD5", pw, salt, pw);
        ByteArrayOutputStream ctx = new ByteArrayOutputStream();
        ctx.writeBytes(pw);
        ctx.writeBytes("$1$".getBytes(StandardCharsets.US_ASCII));
        ctx.writeBytes(salt);
        for (int left = pw.length; left > 0; left -= 16) ctx.write(alt, 0, Math.min(left, 16));
        for (int i = pw.length; i != 0; i >>>= 1) ctx.write((i & 1) != 0 ? 0 : pw[0]);
        byte[] fin = digest("MD5", ctx.toByteArray());
        for (int i = 0; i < 1000; i++) {
            fin = digest("MD5", (i & 1) != 0 ? pw : fin, i % 3 != 0 ? salt : new byte[0],
                    i % 7 != 0 ? pw : new byte[0], (i & 1) != 0 ? fin : pw);
        }
        StringBuilder out = new StringBuilder("$1$").append(saltText).append('$');
        int[][] groups = {{0, 6, 12}, {1, 7, 13}, {2, 8, 14}, {3, 9, 15}, {4, 10, 5}};
        for (int[] g : groups) encode(out, fin[g[0]], fin[g[1]], fin[g[2]], 4);
        encode(out, (byte) 0, (byte) 0, fin[11], 2);
        return out.toString();
    }

    private static String sha(String id, String algorithm, byte[] pw, String rest) {
        int rounds = SHA_DEFAULT_ROUNDS;
        boolean custom = false;
        if (rest.startsWith("rounds=")) {
            int end = rest.indexOf('$');
            String digits = end < 0 ? "" : rest.substring("rounds=".length(), end);
            if (!digits.matches("[0-9]{1,10}")) throw new IllegalArgumentException("malformed rounds");
            rounds = (int) Math.max(1000, Math.min(999_999_999L, Long.parseLong(digits)));
            custom = true;
            rest = rest.substring(end + 1);
        }
        String saltText = salt(rest, 16);
        byte[] salt = saltText.getBytes(StandardCharsets.US_ASCII);
        byte[] c = shaDigest(algorithm, pw, salt, rounds);
        StringBuilder out = new StringBuilder("$").append(id).append('$');
        if (custom) out.append("rounds=").append(rounds).append('$');
        out.append(saltText).append('$');
        int n = c.length;
        int third = n / 3;
        int mod = 3 * third;
        int step = n == 64 ? 22 : 21;
        for (int i = 0; i < third; i++) {
            int first = (i * step) % mod;
            encode(out, c[first], c[(first + third) % mod], c[(first + 2 * third) % mod], 4);
        }
        if (n == 64) encode(out, (byte) 0, (byte) 0, c[63], 2);
        else encode(out, (byte) 0, c[31], c[30], 3);
        return out.toString();
    }

    private static byte[] shaDigest(String algorithm, byte[] pw, byte[] salt, int rounds) {
        byte[] b = digest(algorithm, pw, salt, pw);
        int size = b.length;
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        a.writeBytes(pw);
        a.writeBytes(salt);
        a.writeBytes(repeat(b, pw.length));
        for (int i = pw.length; i > 0; i >>>= 1) a.writeBytes((i & 1) != 0 ? b : pw);
        byte[] c = digest(algorithm, a.toByteArray());
        byte[] p = repeat(digest(algorithm, repeatWhole(pw, pw.length)), pw.length);
        byte[] s = repeat(digest(algorithm, repeatWhole(salt, 16 + (c[0] & 0xff))), salt.length);
        MessageDigest md = HashFilters.messageDigest(algorithm);
        for (int i = 0; i < rounds; i++) {
            md.update((i & 1) != 0 ? p : c);
            if (i % 3 != 0) md.update(s);
            if (i % 7 != 0) md.update(p);
            md.update((i & 1) != 0 ? c : p);
            c = md.digest();
        }
        return Arrays.copyOf(c, size);
    }

    /** The first {@code length} bytes of {@code block} repeated. */
    private static byte[] repeat(byte[] block, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) out[i] = block[i % block.length];
        return out;
    }

    private static byte[] repeatWhole(byte[] block, int times) {
        return repeat(block, block.length * times);
    }

    private static void encode(StringBuilder out, byte b2, byte b1, byte b0, int chars) {
        int w = ((b2 & 0xff) << 16) | ((b1 & 0xff) << 8) | (b0 & 0xff);
        for (int i = 0; i < chars; i++, w >>>= 6) out.append(ALPHABET.charAt(w & 0x3f));
    }

    private static byte[] digest(String algorithm, byte[]... parts) {
        return HashFilters.digest(algorithm, parts);
    }
}
