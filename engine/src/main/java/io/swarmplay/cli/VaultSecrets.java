package io.swarmplay.cli;

import io.swarmplay.source.Vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The vault passwords of a run, from where ansible-playbook takes them: {@code --vault-id
 * [label@]source}, {@code --vault-password-file}, {@code --ask-vault-pass}, then
 * {@code vault_password_file} of ansible.cfg ({@code ANSIBLE_VAULT_PASSWORD_FILE}) and
 * {@code vault_identity_list}. A source is a file (its content, stripped), an executable (its
 * standard output, stripped) or {@code prompt}.
 */
final class VaultSecrets {

    /** Reads a password from the terminal for a prompt source. */
    interface Prompt {
        String read(String label);
    }

    private VaultSecrets() {
    }

    /**
     * The secrets named by {@code ids} ({@code label@source} or {@code source}) in order.
     *
     * @throws IllegalArgumentException (a usage error) when a source cannot be read
     */
    static List<Vault.Secret> load(List<String> ids, Prompt prompt) {
        List<Vault.Secret> secrets = new ArrayList<>();
        for (String id : ids) {
            int at = id.indexOf('@');
            String label = at < 0 ? "default" : id.substring(0, at);
            String source = at < 0 ? id : id.substring(at + 1);
            secrets.add(new Vault.Secret(label, password(label, source, prompt).getBytes(StandardCharsets.UTF_8)));
        }
        return secrets;
    }

    private static String password(String label, String source, Prompt prompt) {
        if (source.equals("prompt") || source.equals("prompt_ask_vault_pass")) return prompt.read(label);
        Path file = Path.of(source.startsWith("~/") ? System.getProperty("user.home") + source.substring(1) : source);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the vault password file " + file + " was not found");
        }
        try {
            return Files.isExecutable(file) ? run(file, label) : Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the vault password file " + file + ": " + e.getMessage());
        }
    }

    // a password script prints the password; Ansible passes --vault-id LABEL to scripts named *-client*
    private static String run(Path script, String label) throws IOException {
        List<String> command = new ArrayList<>(List.of(script.toAbsolutePath().toString()));
        if (script.getFileName().toString().contains("-client")) command.addAll(List.of("--vault-id", label));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalArgumentException("the vault password script " + script + " failed (exit "
                        + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while running the vault password script " + script);
        }
        return out.strip();
    }
}
