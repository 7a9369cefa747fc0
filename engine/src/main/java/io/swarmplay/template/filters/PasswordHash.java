package io.swarmplay.template.filters;

import java.security.SecureRandom;
import java.util.Map;

/**
 * {@code password_hash(hashtype='sha512', salt=None, salt_size=None, rounds=None, ident=None)} as
 * ansible-core 2.14 computes it with passlib: a random salt of the algorithm's size when none is
 * given, SHA-crypt's rounds defaulting to Ansible's implicit ones (written into the hash unless
 * 5000). MD5-crypt and SHA-crypt only.
 */
final class PasswordHash {

    /** An algorithm's crypt id, maximum salt size and the rounds Ansible implies (null: none taken). */
    private record Algorithm(String cryptId, int maxSalt, Integer implicitRounds) {
    }

    private static final Map<String, String> ALIASES = Map.of(
            "md5", "md5_crypt", "blowfish", "bcrypt", "sha256", "sha256_crypt", "sha512", "sha512_crypt");
    private static final Map<String, Algorithm> ALGORITHMS = Map.of(
            "md5_crypt", new Algorithm("1", 8, null),
            "sha256_crypt", new Algorithm("5", 16, 535000),
            "sha512_crypt", new Algorithm("6", 16, 656000));
    private static final String SALT_CHARS = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int SHA_PLAIN_ROUNDS = 5000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    static String hash(Object v, Args a) {
        String type = a.string(0, "hashtype", "sha512");
        String name = ALIASES.getOrDefault(type, type);
        Algorithm algorithm = ALGORITHMS.get(name);
        if (algorithm == null) {
            throw new FilterException("password_hash does not support the '" + name + "' algorithm",
                    "use one of sha512 (sha512_crypt), sha256 (sha256_crypt), md5 (md5_crypt)");
        }
        String salt = salt(algorithm, a.string(1, "salt", null), whole(a, 2, "salt_size"));
        int rounds = rounds(algorithm, whole(a, 3, "rounds"));
        String setting = "$" + algorithm.cryptId() + "$"
                + (algorithm.implicitRounds() != null && rounds != SHA_PLAIN_ROUNDS ? "rounds=" + rounds + "$" : "") + salt;
        return Crypt.crypt(Values.str(v), setting);
    }

    /** An integer argument, 0 when not given; anything else given is refused (Python's passlib fails on it). */
    private static int whole(Args a, int index, String name) {
        Object v = Values.unwrap(a.get(index, name));
        if (v == null) return 0;
        if (v instanceof Number n && !(v instanceof Double || v instanceof Float)) return n.intValue();
        throw new FilterException("password_hash: " + name + " must be an integer, got " + TypeFilters.pythonType(v));
    }

    private static String salt(Algorithm algorithm, String given, int size) {
        if (given == null || given.isEmpty()) {
            if (size > algorithm.maxSalt()) throw cannotHash();
            return random(size > 0 ? size : algorithm.maxSalt());
        }
        if (!given.matches("[./0-9A-Za-z]*") || given.length() > algorithm.maxSalt()) throw cannotHash();
        return given;
    }

    private static int rounds(Algorithm algorithm, int rounds) {
        if (algorithm.implicitRounds() == null) {
            if (rounds != 0) throw new FilterException("md5_crypt takes no rounds (passlib: unexpected keyword argument 'rounds')");
            return 0;
        }
        if (rounds == 0) return algorithm.implicitRounds();
        if (rounds < 1000 || rounds > 999_999_999) throw cannotHash();
        return rounds;
    }

    private static FilterException cannotHash() {
        return new FilterException("Could not hash the secret.",
                "a salt is at most 16 characters (8 for md5) of ./0-9A-Za-z; rounds are 1000 to 999999999");
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) out.append(SALT_CHARS.charAt(RANDOM.nextInt(SALT_CHARS.length())));
        return out.toString();
    }
}
