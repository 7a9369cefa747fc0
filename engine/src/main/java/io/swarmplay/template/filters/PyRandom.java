package io.swarmplay.template.filters;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Python's {@code random.Random(seed)} (MT19937 seeded as CPython seeds it: an int by its 32-bit
 * words, a str by its UTF-8 bytes followed by their SHA-512), with the {@code randrange},
 * {@code choice} and {@code shuffle} Ansible's {@code random}/{@code shuffle} filters call, so a
 * {@code seed} gives the values ansible-playbook gives.
 */
final class PyRandom {

    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int index = N + 1;

    PyRandom(Object seed) {
        Object value = Values.unwrap(seed);
        BigInteger number;
        if (value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
            number = BigInteger.valueOf(n.longValue()).abs();
        } else {
            byte[] text = Values.str(value).getBytes(StandardCharsets.UTF_8);
            byte[] hash = HashFilters.digest("SHA-512", text);
            byte[] all = new byte[text.length + hash.length];
            System.arraycopy(text, 0, all, 0, text.length);
            System.arraycopy(hash, 0, all, text.length, hash.length);
            number = new BigInteger(1, all);
        }
        initByArray(words(number));
    }

    private static int[] words(BigInteger number) {
        int count = Math.max(1, (number.bitLength() + 31) / 32);
        int[] key = new int[count];
        for (int i = 0; i < count; i++) key[i] = number.shiftRight(32 * i).intValue();
        return key;
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (index = 1; index < N; index++) mt[index] = 1812433253 * (mt[index - 1] ^ (mt[index - 1] >>> 30)) + index;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) j = 0;
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
    }

    private int next32() {
        if (index >= N) {
            for (int k = 0; k < N; k++) {
                int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
                mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            index = 0;
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >>> 18);
    }

    /** {@code getrandbits(k)} then rejection: a uniform value in [0, n). */
    long below(long n) {
        int bits = 64 - Long.numberOfLeadingZeros(n);
        while (true) {
            long r = bits <= 32 ? (next32() & 0xffffffffL) >>> (32 - bits)
                    : ((next32() & 0xffffffffL) | ((next32() & 0xffffffffL) >>> (64 - bits) << 32));
            if (r < n) return r;
        }
    }

    <T> List<T> shuffled(List<T> items) {
        List<T> out = new ArrayList<>(items);
        for (int i = out.size() - 1; i > 0; i--) Collections.swap(out, i, (int) below(i + 1));
        return out;
    }
}
