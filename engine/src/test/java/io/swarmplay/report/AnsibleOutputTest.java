package io.swarmplay.report;

import io.swarmplay.cli.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default output byte for byte as ansible-playbook 2.14's default callback prints it: each
 * {@code output/NAME.yml} was run with {@code ansible-playbook -i localhost, -c local NAME.yml
 * </dev/null} (no terminal, no colour) into {@code NAME.ansible.out}, trailing blanks removed as
 * Ansible's own output tests do. Times and durations in command results are masked on both sides.
 */
class AnsibleOutputTest {

    private static final Path OUTPUT = Path.of("src/test/resources/output");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"default-callback", "assert-quiet", "play-task-keywords", "loop-results"})
    void theDefaultOutputIsAnsiblePlaybooks(String name) throws IOException {
        String expected = Files.readString(OUTPUT.resolve(name + ".ansible.out"));
        StringWriter out = new StringWriter();
        Main.execute(new String[]{"-i", "localhost,", "-c", "local", OUTPUT.resolve(name + ".yml").toString(),
                "-e", "swarmplay_lock_dir=" + dir, "--no-color"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertEquals(masked(expected), masked(out.toString().replaceAll(" +\n", "\n")));
    }

    @org.junit.jupiter.api.Test
    void warningsGoToStderrWrappedAsAnsibleWrapsThem() throws IOException {
        String name = "nested-template-condition";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.execute(new String[]{"-i", "localhost,", "-c", "local", OUTPUT.resolve(name + ".yml").toString(),
                "-e", "swarmplay_lock_dir=" + dir, "--no-color"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Files.readString(OUTPUT.resolve(name + ".ansible.out")), out.toString().replaceAll(" +\n", "\n"));
        assertEquals(Files.readString(OUTPUT.resolve(name + ".ansible.err")), err.toString().replaceAll(" +\n", "\n"));
    }

    @org.junit.jupiter.api.Test
    void doubleVerboseShowsThePlaybookBannerAndItsPlayCount() throws IOException {
        Path playbook = Files.writeString(dir.resolve("two.yml"), """
                - hosts: localhost
                  gather_facts: false
                  tasks: []
                - hosts: localhost
                  gather_facts: false
                  tasks: []
                """);
        StringWriter out = new StringWriter();
        Main.execute(new String[]{"-i", "localhost,", "-c", "local", playbook.toString(), "-vv",
                "-e", "swarmplay_lock_dir=" + dir, "--no-color"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertTrue(out.toString().contains("\nPLAYBOOK: two.yml " + "*".repeat(62) + "\n2 plays in " + playbook + "\n"), out.toString());
        out = new StringWriter();
        Main.execute(new String[]{"-i", "localhost,", "-c", "local", playbook.toString(), "-v",
                "-e", "swarmplay_lock_dir=" + dir, "--no-color"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertTrue(!out.toString().contains("plays in"), out.toString());
    }

    @org.junit.jupiter.api.Test
    void checkDiffShowsEveryItemsDiffBeforeItsLineRemovedLinesFirst() throws IOException {
        for (String item : new String[] {"a", "b"}) Files.writeString(dir.resolve(item + ".txt"), "old " + item + "\nkept\n");
        Path playbook = Files.writeString(dir.resolve("diff.yml"), """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - copy: {content: "new {{ item }}\\nkept\\n", dest: "%s/{{ item }}.txt"}
                      loop: [a, b]
                """.formatted(dir));
        StringWriter out = new StringWriter();
        Main.execute(new String[]{"-i", "localhost,", "-c", "local", playbook.toString(), "--check", "--diff",
                "-e", "swarmplay_lock_dir=" + dir, "--no-color"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        for (String item : new String[] {"a", "b"}) {
            String file = dir.resolve(item + ".txt").toString();
            String expected = "--- before: " + file + "\n+++ after: " + file + "\n@@ -1,2 +1,2 @@\n-old " + item + "\n+new " + item
                    + "\n kept\nwould change: [localhost] => (item=" + item + ")\n";
            assertEquals(1, out.toString().split(java.util.regex.Pattern.quote(expected), -1).length - 1, out.toString());
        }
    }

    private static String masked(String output) {
        return output.replaceAll("\"(start|end)\": \"[0-9-]+ [0-9:.]+\"", "\"$1\": \"T\"")
                .replaceAll("\"delta\": \"[0-9:.]+\"", "\"delta\": \"D\"");
    }
}
