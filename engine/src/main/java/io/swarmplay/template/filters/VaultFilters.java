package io.swarmplay.template.filters;

import com.hubspot.jinjava.lib.filter.Filter;
import io.swarmplay.source.Vault;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Ansible's {@code vault} and {@code unvault} filters: text encrypted with a password given in
 * the template (AES256, the vault id {@code filter_default} unless {@code vaultid} says), and back.
 */
public final class VaultFilters {

    private static final String DEFAULT_ID = "filter_default";

    private VaultFilters() {
    }

    public static List<Filter> all() {
        return List.of(
                AnsibleFilter.of("vault", VaultFilters::vault),
                AnsibleFilter.of("unvault", VaultFilters::unvault));
    }

    private static Object vault(Object v, Args a) {
        byte[] secret = secret(a, "vault");
        Object salt = a.get(1, "salt", null);
        String id = a.string(2, "vaultid", DEFAULT_ID);
        String envelope = Vault.encrypt(Values.str(v), secret,
                salt == null ? null : Values.str(salt).getBytes(StandardCharsets.UTF_8), id);
        return a.bool(3, "wrap_object", false) ? new Vault.Encrypted(envelope) : envelope;
    }

    private static Object unvault(Object v, Args a) {
        byte[] secret = secret(a, "unvault");
        Object value = Values.unwrap(v);
        if (Vault.isVaultValue(value)) return value; // a !vault value, decrypted when it was read
        String text = value instanceof Vault.Encrypted t ? t.envelope() : value instanceof CharSequence s ? s.toString() : null;
        if (text == null || !Vault.isEncrypted(text)) {
            throw new FilterException("Input to unvault was not a vault-encrypted string");
        }
        try {
            return Vault.of(List.of(new Vault.Secret(a.string(1, "vaultid", DEFAULT_ID), secret)), s -> { }).decrypt(text);
        } catch (Vault.VaultException e) {
            throw new FilterException("Unable to decrypt: " + e.getMessage());
        }
    }

    private static byte[] secret(Args a, String filter) {
        Object secret = Values.unwrap(a.get(0, "secret"));
        if (!(secret instanceof CharSequence s)) {
            throw new FilterException(filter + ": Secret passed is required to be a string, instead we got: "
                    + TypeFilters.pythonType(secret));
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Ansible's {@code vault_encrypted} test: a vault envelope, or a {@code !vault} value. */
    static boolean isEncrypted(Object v) {
        Object value = Values.unwrap(v);
        return value instanceof Vault.Encrypted || Vault.isVaultValue(value) || Values.str(value).startsWith(Vault.HEADER);
    }
}
