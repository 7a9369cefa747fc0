package io.swarmplay.cli;

import io.swarmplay.source.TestFiles;
import io.swarmplay.source.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VaultSecretsTest {

    @TempDir
    Path dir;

    private static String password(Vault.Secret s) {
        return new String(s.password(), StandardCharsets.UTF_8);
    }

    @Test
    void aFileGivesItsStrippedContentAndALabelItsVaultId() {
        Path file = TestFiles.write(dir, "pw.txt", "  hunter22\n");
        List<Vault.Secret> secrets = VaultSecrets.load(List.of(file.toString(), "prod@" + file), label -> "unused");
        assertEquals("default", secrets.get(0).id());
        assertEquals("hunter22", password(secrets.get(0)));
        assertEquals("prod", secrets.get(1).id());
    }

    @Test
    void anExecutableGivesItsOutputAndPromptAsksTheTerminal() throws Exception {
        Path script = TestFiles.write(dir, "pw.sh", "#!/bin/sh\necho from-script\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        List<Vault.Secret> secrets = VaultSecrets.load(List.of(script.toString(), "dev@prompt"), label -> "typed-" + label);
        assertEquals("from-script", password(secrets.get(0)));
        assertEquals("typed-dev", password(secrets.get(1)));
    }

    @Test
    void aMissingFileIsAUsageError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VaultSecrets.load(List.of(dir.resolve("none").toString()), label -> ""));
        assertEquals("the vault password file " + dir.resolve("none") + " was not found", e.getMessage());
    }

    @Test
    void anExtraVarsFileEncryptedWithVaultIsDecryptedAndItsValuesMasked() {
        Path fixtures = Path.of("src/test/resources/vault").toAbsolutePath();
        Path playbook = TestFiles.write(dir, "p.yml", """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - debug: {msg: "{{ db_password == 's3cret-from-vault' }} {{ db_password }}"}
                """);
        java.io.StringWriter out = new java.io.StringWriter();
        int code = Main.execute(new String[]{"-i", "localhost,", "-c", "local", playbook.toString(),
                "-e", "@" + fixtures.resolve("secrets.vault.yml"), "--vault-password-file", fixtures.resolve("password.txt").toString(),
                "-e", "swarmplay_lock_dir=" + dir, "--no-color"},
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertEquals(0, code, out.toString());
        org.junit.jupiter.api.Assertions.assertTrue(out.toString().contains("\"msg\": \"True "), out.toString());
        org.junit.jupiter.api.Assertions.assertFalse(out.toString().contains("s3cret-from-vault"), out.toString());
    }
}
