package io.swarmplay.template.filters;

import com.hubspot.jinjava.lib.filter.Filter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** hash('sha256'), sha1, sha256, md5, checksum (sha1, as Ansible's): lower-case hex of the UTF-8 text. */
public final class HashFilters {

    private static final Map<String, String> ALGORITHMS = Map.of(
            "md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224", "sha256", "SHA-256",
            "sha384", "SHA-384", "sha512", "SHA-512");

    private HashFilters() {
    }

    public static List<Filter> all() {
        return List.of(
                AnsibleFilter.of("hash", (v, a) -> hex(a.string(0, "hashtype", "sha1"), v)),
                AnsibleFilter.of("sha1", (v, a) -> hex("sha1", v)),
                AnsibleFilter.of("sha256", (v, a) -> hex("sha256", v)),
                AnsibleFilter.of("md5", (v, a) -> hex("md5", v)),
                AnsibleFilter.of("checksum", (v, a) -> hex("sha1", v)));
    }

    static String hex(String algorithm, Object v) {
        String java = ALGORITHMS.get(algorithm.toLowerCase());
        if (java == null) {
            throw new FilterException("hash does not know the algorithm '" + algorithm + "'",
                    "use one of md5, sha1, sha224, sha256, sha384, sha512");
        }
        try {
            byte[] digest = MessageDigest.getInstance(java).digest(Values.str(v).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks " + java, e);
        }
    }
}
