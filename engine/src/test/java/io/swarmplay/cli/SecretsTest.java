package io.swarmplay.cli;

import io.swarmplay.report.Redactor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No secret reaches any output channel: every kind of secret (no_log arguments, secret-named
 * variables from play, inventory, extra vars and set_fact, no_log results used later; single- and
 * multi-line) through every channel (text, -vvv, --json, --plan, --plan --json, --check --diff,
 * --diff, failure messages on stdout and stderr), with the real CLI over the local connection.
 */
class SecretsTest {

    private static final String LONG_LINE = "Kx7longline" + "Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc4Vb6Nm8".repeat(4);

    /**
     * One way a secret gets into a playbook.
     *
     * @param tasks     the tasks; the last one fails, the others that fail ignore errors
     * @param hostVars  inventory variables of localhost (YAML)
     * @param playVars  play variables (YAML)
     * @param extraVars a JSON {@code -e} value, or null
     * @param secrets   the values that must never be printed, whole or by any line
     */
    record Kind(String name, String tasks, String hostVars, String playVars, String extraVars, List<String> secrets) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Kind> KINDS = List.of(
            new Kind("no_log argument, one line", """
                    - name: write it
                      copy: {dest: "{{ out }}/a.txt", content: "NoLogArg-5fK2pQ9zR"}
                      no_log: true
                    - name: run with it
                      shell: "echo NoLogArg-5fK2pQ9zR; echo NoLogArg-5fK2pQ9zR >&2"
                      no_log: true
                    - name: fail with it
                      fail: {msg: "cannot use NoLogArg-5fK2pQ9zR"}
                      no_log: true
                    """, "", "", null, List.of("NoLogArg-5fK2pQ9zR")),
            new Kind("no_log argument, several lines", """
                    - name: write it
                      copy: {dest: "{{ out }}/a.txt", content: "{{ payload }}"}
                      no_log: true
                    - name: each line
                      debug: {msg: "{{ item }}"}
                      loop: "{{ payload.splitlines() }}"
                      no_log: true
                    - name: run with it
                      shell: "echo '{{ payload }}'"
                      no_log: true
                    - name: fail with it
                      fail: {msg: "bad {{ payload }}"}
                      no_log: true
                    """, "", """
                    payload: |
                      NoLogLine-one-8vT3mW
                      NoLogLine-two-4nH6jB
                    """ + "  " + LONG_LINE + "\n", null,
                    List.of("NoLogLine-one-8vT3mW\nNoLogLine-two-4nH6jB\n" + LONG_LINE)),
            new Kind("secret-named play variable, one line", """
                    - name: write it
                      copy: {dest: "{{ out }}/a.txt", content: "password={{ db_password }}\\n"}
                    - name: show it
                      debug: {msg: "the password is {{ db_password }}"}
                    - name: run with it
                      shell: "echo {{ db_password }}"
                    - name: fail with it
                      fail: {msg: "login failed with {{ db_password }}"}
                    """, "", """
                    db_password: PlayPw-7cX1vB9nM
                    """, null, List.of("PlayPw-7cX1vB9nM")),
            new Kind("secret-named inventory variable, several lines", """
                    - name: write it inside other text
                      copy: {dest: "{{ out }}/a.txt", content: "key:\\n{{ tls_private_key }}end\\n"}
                    - name: show it
                      debug: {var: tls_private_key}
                    - name: run with it
                      shell: "echo '{{ tls_private_key }}'"
                    - name: fail with it
                      command: "sh -c 'echo \\"{{ tls_private_key }}\\" >&2; exit 3'"
                    """, """
                    tls_private_key: |
                      -----BEGIN KEY-----
                      InvKeyLine-aa-3Fj8Kd2L
                      InvKeyLine-bb-9Gh4Ls6P
                    """ + "  " + LONG_LINE + "\n" + """
                      -----END KEY-----
                    """, "", null,
                    List.of("InvKeyLine-aa-3Fj8Kd2L\nInvKeyLine-bb-9Gh4Ls6P\n" + LONG_LINE)),
            new Kind("secret-named extra variable, several lines", """
                    - name: write it
                      copy: {dest: "{{ out }}/a.txt", content: "token={{ api_token }}\\n"}
                    - name: fail with it
                      shell: "echo '{{ api_token }}' >&2; exit 4"
                    """, "", "", "{\"api_token\": \"ExtraTok-line1-6Yq2Wz\\nExtraTok-line2-1Pd5Rx\"}",
                    List.of("ExtraTok-line1-6Yq2Wz\nExtraTok-line2-1Pd5Rx")),
            new Kind("secret-named fact, several lines", """
                    - name: set it
                      set_fact: {join_token: "{{ 'JoinTok-first-2Ks9Lq' ~ '\\n' ~ 'JoinTok-second-7Vm3Nc' }}"}
                    - name: write it
                      copy: {dest: "{{ out }}/a.txt", content: "{{ join_token }}"}
                    - name: show it
                      debug: {msg: "{{ join_token }}"}
                    - name: fail with it
                      fail: {msg: "{{ join_token }}"}
                    """, "", "", null, List.of("JoinTok-first-2Ks9Lq\nJoinTok-second-7Vm3Nc")),
            new Kind("no_log result used later", """
                    - name: make it
                      shell: echo ResultSecret-4Hb8Tn1X
                      register: made
                      no_log: true
                    - name: show it
                      debug: {msg: "{{ made.stdout }}"}
                    - name: write it
                      copy: {dest: "{{ out }}/a.txt", content: "{{ made.stdout }}"}
                    - name: fail with it
                      fail: {msg: "{{ made.stdout }}"}
                    """, "", "", null, List.of("ResultSecret-4Hb8Tn1X")));

    static final List<List<String>> CHANNELS = List.of(
            List.of(), List.of("-vvv"), List.of("--json"), List.of("--diff"), List.of("--diff", "--json", "-vvv"),
            List.of("--plan"), List.of("--plan", "--json", "-v"), List.of("--plan", "--diff", "-v"),
            List.of("--plan", "--offline"), List.of("--check", "--diff"), List.of("--check", "--diff", "-vvv"),
            List.of("--check", "--json"));

    static Stream<Arguments> cases() {
        return KINDS.stream().flatMap(kind -> CHANNELS.stream()
                .map(channel -> Arguments.of(kind, String.join(" ", channel))));
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} via [{1}]")
    @MethodSource("cases")
    void noSecretReachesTheOutput(Kind kind, String channel) throws IOException {
        String output = run(kind, channel);
        for (String fragment : fragments(kind.secrets())) {
            assertEquals(-1, output.indexOf(fragment), "'" + fragment + "' leaked in:\n" + output);
        }
        assertTrue(output.contains(Redactor.MASK) || output.contains(Redactor.CENSORED),
                "the secret was neither masked nor censored, so never shown:\n" + output);
    }

    private String run(Kind kind, String channel) throws IOException {
        Path inventory = Files.writeString(dir.resolve("inventory.yaml"), """
                all:
                  hosts:
                    localhost:
                      ansible_connection: local
                """ + kind.hostVars().indent(6));
        Path playbook = Files.writeString(dir.resolve("site.yaml"), """
                - hosts: all
                  gather_facts: false
                  vars:
                    out: %s
                """.formatted(dir) + kind.playVars().indent(4) + "  tasks:\n" + kind.tasks().indent(4));
        List<String> args = new ArrayList<>(List.of("-i", inventory.toString(), playbook.toString()));
        if (kind.extraVars() != null) args.addAll(List.of("-e", kind.extraVars()));
        if (!channel.isEmpty()) args.addAll(List.of(channel.split(" ")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        String output = out + "\n" + err;
        assertTrue(code == 0 || code == 2, "exit " + code + ":\n" + output);
        return output;
    }

    /** Every line of every secret, and pieces of long lines (a shortened line must not show its start either). */
    private static List<String> fragments(List<String> secrets) {
        List<String> fragments = new ArrayList<>();
        for (String secret : secrets) {
            for (String line : secret.split("\n")) {
                fragments.add(line);
                for (int i = 0; i + 16 <= line.length(); i += 8) fragments.add(line.substring(i, i + 16));
            }
        }
        return fragments;
    }
}
