package io.swarmplay.connection.ssh;

import io.swarmplay.connection.ConnectionException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Public-key authentication with the configured key files, one key at a time so the failure
 * message can say what happened to each ("tried keys /k/id_ed25519 (rejected)"). Passphrases come
 * from {@code SWARMPLAY_SSH_PASSPHRASE}, else a console prompt when there is a console; they never
 * appear in messages. The ssh-agent is not used: sshj 0.40.0 has no agent support without the
 * extra jsch-agentproxy dependency.
 */
final class Authenticator {

    static final String PASSPHRASE_ENV = "SWARMPLAY_SSH_PASSPHRASE";

    private Authenticator() {
    }

    /** Authenticates {@code options.user()} or throws a {@link ConnectionException} listing the keys tried. */
    static void authenticate(SSHClient client, SshOptions options) throws TransportException {
        List<String> tried = new ArrayList<>();
        for (Path key : options.keyFiles()) {
            String outcome = tryKey(client, options.user(), key);
            if (outcome == null) return;
            tried.add(key + " (" + outcome + ")");
        }
        String keys = tried.isEmpty()
                ? "no keys to try (set ansible_ssh_private_key_file, or create ~/.ssh/id_ed25519)"
                : "tried keys " + String.join(", ", tried);
        String agent = System.getenv("SSH_AUTH_SOCK") == null ? "" : "; ssh-agent keys are not used by swarmplay";
        throw new ConnectionException("permission denied for " + options.target() + ": " + keys + agent);
    }

    /** Null when the server accepted the key, else why not (without secrets). */
    private static String tryKey(SSHClient client, String user, Path key) throws TransportException {
        if (!Files.isReadable(key)) return Files.exists(key) ? "unreadable" : "not found";
        Passphrase passphrase = new Passphrase(key);
        KeyProvider provider;
        try {
            provider = client.loadKeys(key.toString(), passphrase);
            provider.getPrivate();
        } catch (IOException | RuntimeException e) {
            return passphrase.unusableReason();
        }
        try {
            client.auth(user, new AuthPublickey(provider));
            return null;
        } catch (UserAuthException e) {
            return "rejected";
        }
    }

    /** Supplies a key's passphrase and remembers whether one was asked for, to explain failures. */
    private static final class Passphrase implements PasswordFinder {
        private final Path key;
        private boolean asked;
        private boolean given;

        Passphrase(Path key) {
            this.key = key;
        }

        @Override
        public char[] reqPassword(Resource<?> resource) {
            asked = true;
            String env = System.getenv(PASSPHRASE_ENV);
            if (env != null) {
                given = true;
                return env.toCharArray();
            }
            Console console = System.console();
            char[] typed = console == null ? null : console.readPassword("passphrase for %s: ", key);
            given = typed != null;
            return typed;
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }

        String unusableReason() {
            if (!asked) return "not a private key sshj can read";
            if (!given) return "encrypted; set " + PASSPHRASE_ENV;
            return "cannot decrypt it with the passphrase given";
        }
    }
}
