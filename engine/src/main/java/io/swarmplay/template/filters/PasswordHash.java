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
            // passlib's AnsibleError, re-raised by the filter with itself as orig_exc: the text twice
            String passlib = "passlib does not support '" + name + "' algorithm";
            throw new FilterException(passlib + ". " + passlib,
                    "use one of sha512 (sha512_crypt), sha256 (sha256_crypt), md5 (md5_crypt)");
        }
        String salt = salt(algorithm, a.string(1, "salt", null), whole(a, 2, "salt_size", "'<' not supported between instances of '%s' and 'int'"));
        int rounds = rounds(algorithm, whole(a, 3, "rounds", "min_desired_rounds must be integer, not %s"));
        String setting = "$" + algorithm.cryptId() + "$"
                + (algorithm.implicitRounds() != null && rounds != SHA_PLAIN_ROUNDS ? "rounds=" + rounds + "$" : "") + salt;
        return Crypt.crypt(Values.str(v), setting);
    }

    /**
     * An integer argument (passlib takes digits in a string too), 0 when not given; anything else is
     * passlib's {@code TypeError}, {@code typeError} with the Python type name for {@code %s}.
     */
    private static int whole(Args a, int index, String name, String typeError) {
        Object v = Values.unwrap(a.get(index, name));
        if (v == null) return 0;
        if (v instanceof Number n && !(v instanceof Double || v instanceof Float)) return n.intValue();
        if (v instanceof CharSequence s && s.toString().strip().matches("[+-]?\\d{1,9}")) return Integer.parseInt(s.toString().strip());
        throw FilterException.typeError(String.format(typeError, TypeFilters.pythonType(v)));
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
            if (rounds != 0) throw FilterException.typeError("MinimalHandler.using() got an unexpected keyword argument 'rounds'");
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
