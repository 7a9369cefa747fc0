package io.swarmplay.source;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Ansible Vault's {@code AES256} format (1.1, and 1.2 with a vault id), decrypted with the JDK
 * alone: PBKDF2-HMAC-SHA256 (10000 iterations) turns the password and the salt into 80 bytes (an
 * AES-256 key, an HMAC-SHA256 key, a 16-byte counter), the HMAC of the ciphertext is verified,
 * then AES-256-CTR decrypts and PKCS#7 padding is removed. Secrets are tried as Ansible tries
 * them: the one whose vault id matches the envelope's first, then every other one.
 * Every plaintext is handed to the {@code learned} consumer (the output redactor) before it is returned.
 */
public final class Vault {

    public static final String HEADER = "$ANSIBLE_VAULT;";
    private static final int ITERATIONS = 10_000;

    /** One password with its vault id ({@code default} when none was given). */
    public record Secret(String id, byte[] password) {
        public Secret {
            password = password.clone();
        }
    }

    /** Why an envelope could not be decrypted, in words for the user. */
    public static final class VaultException extends Exception {
        private final String hint;

        VaultException(String message, String hint) {
            super(message, null, false, false);
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }
    }

    /** The strings decrypted from {@code !vault} values, by identity: Ansible's {@code AnsibleVaultEncryptedUnicode}s. */
    private static final java.util.Set<String> FROM_VAULT_VALUES =
            java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

    private final List<Secret> secrets;
    private final Consumer<String> learned;

    private Vault(List<Secret> secrets, Consumer<String> learned) {
        this.secrets = List.copyOf(secrets);
        this.learned = learned;
    }

    /**
     * Ansible's {@code AnsibleVaultEncryptedUnicode} kept encrypted: the envelope {@code vault(..., wrap_object=True)}
     * gives, and a {@code !vault} value no secret given could decrypt (Ansible decrypts one only when it is used,
     * so one never used, or only given to {@code unvault} with its own secret, is no error).
     */
    public record Encrypted(String envelope, String failure) implements CharSequence {

        /** An envelope that decrypts when used (the {@code vault} filter's, with its secret at hand). */
        public Encrypted(String envelope) {
            this(envelope, null);
        }

        /** A {@code !vault} value {@code why} says no secret given could decrypt; Ansible's words when it is used. */
        static Encrypted undecryptable(String envelope, VaultException why) {
            String m = why.getMessage();
            return new Encrypted(envelope, Character.toUpperCase(m.charAt(0)) + m.substring(1));
        }

        /** True for a {@code !vault} value no secret given could decrypt. */
        public boolean undecryptable() {
            return failure != null;
        }

        @Override
        public int length() {
            return envelope.length();
        }

        @Override
        public char charAt(int index) {
            return envelope.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return envelope.subSequence(start, end);
        }

        /**
         * The envelope; for an undecryptable value, using it as text fails as Ansible's use of it does.
         *
         * @throws NotDecrypted for an undecryptable value
         */
        @Override
        public String toString() {
            if (failure != null) throw new NotDecrypted(failure);
            return envelope;
        }
    }

    /** A {@code !vault} value that no secret decrypts was used (Ansible's AnsibleVaultError when it is read). */
    public static final class NotDecrypted extends RuntimeException {
        NotDecrypted(String message) {
            super(message, null, false, false);
        }
    }

    /** A vault without passwords: every envelope is an error saying how to give one. */
    public static Vault none() {
        return new Vault(List.of(), s -> { });
    }

    public static Vault of(List<Secret> secrets, Consumer<String> learned) {
        return new Vault(secrets, learned);
    }

    /** True when the run was given at least one vault password. */
    public boolean hasSecrets() {
        return !secrets.isEmpty();
    }

    /** True when {@code text} is a vault envelope. */
    public static boolean isEncrypted(String text) {
        return text != null && text.stripLeading().startsWith(HEADER);
    }

    /** Whether swarmplay reads the format of {@code envelope} (1.1 or 1.2, AES256). */
    public static boolean isReadable(String envelope) {
        String[] header = envelope.strip().split("\\s*\\r?\\n", 2)[0].strip().split(";");
        return header.length >= 3 && header[2].equals("AES256") && (header[1].equals("1.1") || header[1].equals("1.2"));
    }

    /** The plaintext of an envelope ({@code $ANSIBLE_VAULT;1.1;AES256} and hex lines). */
    public String decrypt(String envelope) throws VaultException {
        String[] lines = envelope.strip().split("\\s*\\r?\\n\\s*");
        String[] header = lines[0].strip().split(";");
        if (header.length < 3 || !header[2].equals("AES256") || !(header[1].equals("1.1") || header[1].equals("1.2"))) {
            throw new VaultException("unsupported vault format '" + lines[0].strip() + "'",
                    "swarmplay reads $ANSIBLE_VAULT;1.1;AES256 and $ANSIBLE_VAULT;1.2;AES256;<vault id>");
        }
        if (secrets.isEmpty()) {
            throw new VaultException("attempting to decrypt but no vault secrets found",
                    "give the password with --vault-password-file FILE, --vault-id [label@]FILE or --ask-vault-pass "
                            + "(or vault_password_file in ansible.cfg, ANSIBLE_VAULT_PASSWORD_FILE)");
        }
        Body body = Body.parse(String.join("", Arrays.copyOfRange(lines, 1, lines.length)));
        String id = header.length > 3 ? header[3] : null;
        for (Secret secret : ordered(id)) {
            byte[] plain = body.decrypt(secret.password());
            if (plain != null) {
                String text = new String(plain, StandardCharsets.UTF_8);
                learned.accept(text);
                return text;
            }
        }
        throw new VaultException("decryption failed (no vault secrets were found that could decrypt)",
                "check the vault password" + (id == null ? "" : " for vault id '" + id + "'"));
    }

    /**
     * The plaintext of a {@code !vault} value, as a string of its own that {@link #isVaultValue}
     * recognises (Ansible's {@code is vault_encrypted} is true for it).
     */
    public String decryptValue(String envelope) throws VaultException {
        @SuppressWarnings("StringOperationCanBeSimplified")
        String plain = new String(decrypt(envelope));
        FROM_VAULT_VALUES.add(plain);
        return plain;
    }

    /** Whether {@code value} is the very string a {@code !vault} value was decrypted to. */
    public static boolean isVaultValue(Object value) {
        return value instanceof String && FROM_VAULT_VALUES.contains(value);
    }

    /**
     * {@code plaintext} encrypted as {@code ansible-vault} does: the {@code 1.2} envelope naming
     * {@code vaultId} (the {@code 1.1} one for none or {@code default}), hex lines of 80
     * characters; {@code salt} null is 32 random bytes (a given salt makes the result repeatable).
     */
    public static String encrypt(String plaintext, byte[] password, byte[] salt, String vaultId) {
        byte[] saltBytes = salt == null ? new java.security.SecureRandom().generateSeed(32) : salt;
        String hex;
        try {
            byte[] keys = Body.derive(password, saltBytes);
            byte[] plain = plaintext.getBytes(StandardCharsets.UTF_8);
            int pad = 16 - plain.length % 16;
            byte[] padded = Arrays.copyOf(plain, plain.length + pad);
            Arrays.fill(padded, plain.length, padded.length, (byte) pad);
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys, 0, 32, "AES"), new IvParameterSpec(Arrays.copyOfRange(keys, 64, 80)));
            byte[] ciphertext = aes.doFinal(padded);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys, 32, 32, "HmacSHA256"));
            HexFormat h = HexFormat.of();
            String body = h.formatHex(saltBytes) + "\n" + h.formatHex(mac.doFinal(ciphertext)) + "\n" + h.formatHex(ciphertext);
            hex = h.formatHex(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES or HMAC-SHA256", e);
        }
        boolean named = vaultId != null && !vaultId.isEmpty() && !vaultId.equals("default");
        StringBuilder out = new StringBuilder(HEADER).append(named ? "1.2;AES256;" + vaultId : "1.1;AES256");
        for (int i = 0; i < hex.length(); i += 80) out.append('\n').append(hex, i, Math.min(hex.length(), i + 80));
        return out.append('\n').toString();
    }

    /** Hands every string in a value decrypted as a whole file to the redactor: all of it was secret. */
    public void learn(Object value) {
        if (value instanceof java.util.Map<?, ?> map) map.values().forEach(this::learn);
        else if (value instanceof java.util.Collection<?> items) items.forEach(this::learn);
        else if (value instanceof String s) learned.accept(s);
    }

    private List<Secret> ordered(String id) {
        List<Secret> out = new ArrayList<>();
        for (Secret s : secrets) if (s.id().equals(id)) out.add(s);
        for (Secret s : secrets) if (!s.id().equals(id)) out.add(s);
        return out;
    }

    /** The hex-decoded body: salt, HMAC and ciphertext. */
    private record Body(byte[] salt, byte[] hmac, byte[] ciphertext) {

        static Body parse(String hex) throws VaultException {
            try {
                String[] parts = new String(HexFormat.of().parseHex(hex), StandardCharsets.US_ASCII).split("\n");
                if (parts.length != 3) throw new IllegalArgumentException();
                HexFormat h = HexFormat.of();
                return new Body(h.parseHex(parts[0]), h.parseHex(parts[1]), h.parseHex(parts[2]));
            } catch (IllegalArgumentException e) {
                throw new VaultException("the vault data is damaged (not hex-encoded salt, HMAC and ciphertext)",
                        "encrypt it again with ansible-vault");
            }
        }

        /** The plaintext, or null when the password is not the one (the HMAC does not match). */
        byte[] decrypt(byte[] password) throws VaultException {
            try {
                byte[] keys = derive(password, salt);
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(keys, 32, 32, "HmacSHA256"));
                if (!MessageDigest.isEqual(mac.doFinal(ciphertext), hmac)) return null;
                Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
                aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys, 0, 32, "AES"),
                        new IvParameterSpec(Arrays.copyOfRange(keys, 64, 80)));
                return unpad(aes.doFinal(ciphertext));
            } catch (GeneralSecurityException e) {
                throw new VaultException("cannot decrypt: " + e.getMessage(), "check that the JDK provides AES and HMAC-SHA256");
            }
        }

        private static byte[] derive(byte[] password, byte[] salt) throws GeneralSecurityException {
            // PBKDF2 over the password's bytes: PBEKeySpec takes chars, and HmacSHA256 encodes them as UTF-8
            char[] chars = new String(password, StandardCharsets.UTF_8).toCharArray();
            PBEKeySpec spec = new PBEKeySpec(chars, salt, ITERATIONS, 80 * 8);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
                Arrays.fill(chars, '\0');
            }
        }

        private static byte[] unpad(byte[] padded) throws VaultException {
            int n = padded.length == 0 ? 0 : padded[padded.length - 1] & 0xff;
            if (n < 1 || n > 16 || n > padded.length) {
                throw new VaultException("the vault data is damaged (bad padding)", "encrypt it again with ansible-vault");
            }
            return Arrays.copyOf(padded, padded.length - n);
        }
    }
}
