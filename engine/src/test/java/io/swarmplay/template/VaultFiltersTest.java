package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.Vault;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vault and unvault filters and the vault_encrypted test, with ansible-playbook 2.14's values. */
class VaultFiltersTest {

    /** {{ 'secret' | vault('test', salt='7') }} under ansible-playbook 2.14. */
    static final String SALTED = "$ANSIBLE_VAULT;1.2;AES256;filter_default\n"
            + "33370a34333734353636633035656232613935353432656132646533346233326431346232616261\n"
            + "6133383034376566366261316365633931356133633337396363370a376664386236313834326561\n"
            + "6338373864623763613165366636633031303739\n";
    /** ansible-vault encrypt_string of 'secret' with the password 'test' (format 1.1). */
    static final String V11 = "$ANSIBLE_VAULT;1.1;AES256\n"
            + "33323332333033383335333533383338333333303339333733323339333833303334333133313339\n"
            + "33373339333133323331333833373335333933323338333633343338333133343334333733383334\n"
            + "33333335333433383337333133303339333433353332333333363339333733363335333233303330\n"
            + "3337333733353331333633313335333733373334333733320a373938666533366165653830313163\n"
            + "62386564343438653437333564383664646538653364343138303831613039313232636437336530\n"
            + "3438376662373764650a633366646563386335623161646262366137393635633464333265613938\n"
            + "6661";

    final Templar templar = Templar.create();
    final Map<String, Object> vars = new LinkedHashMap<>();

    private Object render(String template) {
        return templar.render(template, vars, SourcePosition.UNKNOWN);
    }

    @Test
    void vaultWithASaltGivesAnsiblesEnvelope() {
        assertEquals(SALTED, render("{{ 'secret' | vault('test', salt='7') }}"));
        assertEquals("str", render("{{ 'secret' | vault('test') | type_debug }}"));
        assertEquals("AnsibleVaultEncryptedUnicode", render("{{ 'secret' | vault('test', wrap_object=True) | type_debug }}"));
        assertTrue(Vault.isEncrypted((String) render("{{ 'x' | vault('p', vaultid='default') }}")));
        assertTrue(((String) render("{{ 'x' | vault('p', vaultid='default') }}")).startsWith("$ANSIBLE_VAULT;1.1;AES256\n"));
    }

    @Test
    void unvaultDecryptsWithTheGivenPassword() {
        vars.put("salted", SALTED);
        vars.put("v11", V11);
        assertEquals("secret", render("{{ salted | unvault('test') }}"));
        assertEquals("secret", render("{{ v11 | unvault('test') }}"));
        assertEquals("foo: bar", render("{{ 'foo: bar' | vault('s3', vaultid='test1') | unvault('s3', vaultid='test1') }}"));
        assertTrue(assertThrows(TemplateException.class, () -> render("{{ 'plain' | unvault('test') }}")).getMessage()
                .contains("Input to unvault was not a vault-encrypted string"));
        assertTrue(assertThrows(TemplateException.class, () -> render("{{ v11 | unvault('wrong') }}")).getMessage()
                .contains("Unable to decrypt"));
    }

    @Test
    void aVaultValueIsVaultEncryptedAndItsPlaintextOtherwise() throws Exception {
        Vault vault = Vault.of(List.of(new Vault.Secret("default", "test".getBytes(StandardCharsets.UTF_8))), s -> { });
        vars.put("from_vault", vault.decryptValue(V11));
        vars.put("plain", "secret");
        assertEquals(true, render("{{ from_vault is vault_encrypted }}"));
        assertEquals(false, render("{{ plain is vault_encrypted }}"));
        assertEquals(true, render("{{ from_vault == 'secret' }}"));
        assertEquals("secret", render("{{ from_vault | unvault('test') }}"));
        assertEquals(true, render("{{ '$ANSIBLE_VAULT;1.1;AES256' is vault_encrypted }}"));
    }
}
