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

    /** Python's hashlib names (what Ansible's hash filter takes) and Java's. */
    private static final Map<String, String> ALGORITHMS = Map.ofEntries(
            Map.entry("md5", "MD5"), Map.entry("sha1", "SHA-1"), Map.entry("sha224", "SHA-224"),
            Map.entry("sha256", "SHA-256"), Map.entry("sha384", "SHA-384"), Map.entry("sha512", "SHA-512"),
            Map.entry("sha512_224", "SHA-512/224"), Map.entry("sha512_256", "SHA-512/256"),
            Map.entry("sha3_224", "SHA3-224"), Map.entry("sha3_256", "SHA3-256"),
            Map.entry("sha3_384", "SHA3-384"), Map.entry("sha3_512", "SHA3-512"));

    private static final String ANSIBLE_NAMESPACE = "361E6D51-FAEC-444A-9079-341386DA8E2E";

    private HashFilters() {
    }

    public static List<Filter> all() {
        return List.of(
                AnsibleFilter.of("hash", (v, a) -> hex(a.string(0, "hashtype", "sha1"), v)),
                AnsibleFilter.of("sha1", (v, a) -> hex("sha1", v)),
                AnsibleFilter.of("sha256", (v, a) -> hex("sha256", v)),
                AnsibleFilter.of("md5", (v, a) -> hex("md5", v)),
                AnsibleFilter.of("checksum", (v, a) -> hex("sha1", v)),
                AnsibleFilter.of("password_hash", PasswordHash::hash),
                AnsibleFilter.of("to_uuid", (v, a) -> toUuid(v, a.get(0, "namespace"))));
    }

    /** uuid5 of the text in {@code namespace} (Ansible's own namespace by default). */
    static String toUuid(Object v, Object namespace) {
        Object given = Values.unwrap(namespace);
        if (given != null && !(given instanceof CharSequence)) { // Python's uuid.UUID(hex) calls hex.replace(...)
            throw new FilterException("Invalid value '" + Values.str(given) + "' for 'namespace': '"
                    + TypeFilters.pythonType(given) + "' object has no attribute 'replace'");
        }
        String text = given == null ? ANSIBLE_NAMESPACE : given.toString();
        String hex = text.strip().replaceFirst("^urn:uuid:", "").replaceAll("^\\{|}$", "").replace("-", "");
        if (!hex.matches("[0-9a-fA-F]{32}")) {
            throw new FilterException("Invalid value '" + text + "' for 'namespace': badly formed hexadecimal UUID string");
        }
        byte[] name = Values.str(v).getBytes(StandardCharsets.UTF_8);
        byte[] sha = digest("SHA-1", HexFormat.of().parseHex(hex), name);
        sha[6] = (byte) ((sha[6] & 0x0f) | 0x50);
        sha[8] = (byte) ((sha[8] & 0x3f) | 0x80);
        String out = HexFormat.of().formatHex(sha, 0, 16);
        return out.substring(0, 8) + "-" + out.substring(8, 12) + "-" + out.substring(12, 16) + "-"
                + out.substring(16, 20) + "-" + out.substring(20);
    }

    static String hex(String algorithm, Object v) {
        String java = ALGORITHMS.get(algorithm.toLowerCase());
        if (java == null) {
            throw new FilterException("unsupported hash type " + algorithm, // hashlib's ValueError, Ansible's message
                    "use one of md5, sha1, sha224, sha256, sha384, sha512, sha512_224, sha512_256, sha3_224, sha3_256, sha3_384, sha3_512");
        }
        return HexFormat.of().formatHex(digest(java, Values.str(v).getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] digest(String algorithm, byte[]... parts) {
        MessageDigest md = messageDigest(algorithm);
        for (byte[] part : parts) md.update(part);
        return md.digest();
    }

    static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks " + algorithm, e);
        }
    }
}
