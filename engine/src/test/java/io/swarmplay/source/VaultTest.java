package io.swarmplay.source;

import io.swarmplay.report.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decrypts files made by ansible-vault 2.14 on this machine (src/test/resources/vault: the
 * passwords are in password.txt and other-password.txt, the plaintext of secrets.vault.yml in secrets.yml).
 */
class VaultTest {

    @TempDir
    Path dir;

    private final List<String> learned = new ArrayList<>();

    private static Path fixture(String name) {
        try {
            return Path.of(VaultTest.class.getResource("/vault/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String name) throws IOException {
        return Files.readString(fixture(name));
    }

    private Vault vault(String... idAndPassword) {
        List<Vault.Secret> secrets = new ArrayList<>();
        for (int i = 0; i < idAndPassword.length; i += 2) {
            secrets.add(new Vault.Secret(idAndPassword[i], idAndPassword[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return Vault.of(secrets, learned::add);
    }

    @Test
    void decryptsAFileEncryptedByAnsibleVault() throws Exception {
        String plain = vault("default", "test-vault-password").decrypt(text("secrets.vault.yml"));
        assertEquals(text("secrets.yml"), plain);
        assertEquals(List.of(plain), learned);
    }

    @Test
    void aVaultIdEnvelopeTriesTheMatchingSecretFirstThenTheOthers() throws Exception {
        assertEquals("api_token: token-with-id\n",
                vault("default", "test-vault-password", "prod", "other-pass").decrypt(text("labelled.vault.yml")));
        assertEquals("api_token: token-with-id\n", vault("dev", "other-pass").decrypt(text("labelled.vault.yml")));
    }

    @Test
    void aWrongPasswordFailsTheHmacCheck() {
        Vault.VaultException e = assertThrows(Vault.VaultException.class,
                () -> vault("default", "not-it").decrypt(text("secrets.vault.yml")));
        assertEquals("decryption failed (no vault secrets were found that could decrypt)", e.getMessage());
        assertTrue(learned.isEmpty());
    }

    @Test
    void noSecretsSaysHowToGiveOne() {
        Vault.VaultException e = assertThrows(Vault.VaultException.class, () -> Vault.none().decrypt(text("secrets.vault.yml")));
        assertEquals("attempting to decrypt but no vault secrets found", e.getMessage());
        assertTrue(e.hint().contains("--vault-password-file"));
    }

    @Test
    void damagedDataIsReportedNotThrownAsSomethingElse() {
        Vault.VaultException e = assertThrows(Vault.VaultException.class,
                () -> vault("default", "x").decrypt("$ANSIBLE_VAULT;1.1;AES256\nzz\n"));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertThrows(Vault.VaultException.class, () -> vault("default", "x").decrypt("$ANSIBLE_VAULT;1.0;AES\n00\n"));
    }

    @Test
    void aVaultTaggedValueReadsAsItsPlaintextAndTheRedactorLearnsIt() throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        YamlNode root = new YamlReader(diagnostics, vault("default", "test-vault-password"))
                .read(fixture("inline.yml")).orElseThrow();
        assertFalse(diagnostics.hasErrors());
        assertEquals(Map.of("inline_secret", "inline-s3cret"), root.value());
        Redactor redactor = new Redactor();
        learned.forEach(redactor::add);
        assertEquals("password is ********", redactor.mask("password is inline-s3cret"));
    }

    @Test
    void anEncryptedFileReadsAsYamlAndEveryValueIsSecret() {
        Diagnostics diagnostics = new Diagnostics();
        YamlNode root = new YamlReader(diagnostics, vault("default", "test-vault-password"))
                .read(fixture("secrets.vault.yml")).orElseThrow();
        assertEquals(Map.of("db_password", "s3cret-from-vault", "plain", "visible"), root.value());
        assertTrue(learned.containsAll(List.of("s3cret-from-vault", "visible")), learned.toString());
    }

    @Test
    void withoutAPasswordAVaultValueIsKeptEncryptedNeverReadAsItsCiphertext() {
        Diagnostics diagnostics = new Diagnostics();
        YamlNode root = new YamlReader(diagnostics).read(fixture("inline.yml")).orElseThrow();
        assertFalse(diagnostics.hasErrors());
        Object value = ((Map<?, ?>) root.value()).get("inline_secret");
        assertTrue(value instanceof Vault.Encrypted encrypted && encrypted.undecryptable(), String.valueOf(value.getClass()));
        assertThrows(Vault.NotDecrypted.class, value::toString);
    }
}
