package io.swarmplay.cli;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed and hostile inputs through the whole command, in-process: each run ends in seconds,
 * exits non-zero (4 for load errors), prints no Java stack trace and names the file, the line
 * and the cause. Memory is bounded by the loaders' and templar's limits (measured with the
 * launcher: each case stays under 300 MB).
 */
class HostileInputTest {

    @TempDir
    Path dir;

    /**
     * @param files    file name to content; {@code site.yml} is the playbook, {@code inv.yml} the inventory
     *                 (a local host when absent)
     * @param exit     the expected exit code
     * @param where    the {@code file:line:col} (relative to the case directory) the output must name
     * @param message  text the output must hold
     */
    record Case(String name, Map<String, String> files, int exit, String where, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String PLAY = "- hosts: all\n  gather_facts: false\n";

    private static Case play(String name, String tasksAndVars, int exit, String where, String message) {
        return new Case(name, Map.of("site.yml", PLAY + tasksAndVars), exit, where, message);
    }

    private static Case debug(String name, String template, String message) {
        return play(name, "  tasks:\n    - debug:\n        msg: \"" + template + "\"\n", 2, "site.yml:5:9", message);
    }

    private static String bomb() {
        StringBuilder vars = new StringBuilder("  vars:\n    l0: &l0 [lol, lol]\n");
        for (int i = 1; i < 30; i++) vars.append("    l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        return vars + "  tasks:\n    - debug: msg=hi\n";
    }

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.add(play("alias bomb under snakeyaml's alias count", bomb(), 4, "site.yml:19:22", "once its aliases are written out"));
        all.add(play("recursive alias", "  vars:\n    x: &a [*a, *a]\n  tasks: []\n", 4, "site.yml:4:12", "recursive alias: '*a'"));
        all.add(play("5000-deep flow nesting", "  vars:\n    x: " + "[".repeat(5000) + "]".repeat(5000) + "\n  tasks: []\n", 4,
                "site.yml:4:205", "yaml nests more than 200 levels deep"));
        // as in Ansible, a !vault value is decrypted when it is used: never as its ciphertext, and not before
        all.add(play("!vault value", "  vars:\n    pw: !vault |\n      $ANSIBLE_VAULT;1.1;AES256\n      6162\n"
                + "  tasks:\n    - debug:\n        msg: \"{{ pw }}\"\n", 2,
                "site.yml:9:9", "Attempting to decrypt but no vault secrets found"));
        all.add(play("python object tag", "  vars:\n    o: !!python/object:os.system {}\n  tasks: []\n", 4,
                "site.yml:4:8", "unknown yaml tag '!!python/object:os.system'"));
        all.add(play("custom tag", "  tasks:\n    - debug: !mytag {msg: x}\n", 4, "site.yml:4:14", "unknown yaml tag '!mytag'"));
        all.add(play("unterminated quote", "  tasks:\n    - debug:\n        msg: \"hello\n    - debug: msg=x\n", 4,
                "site.yml:5:14", "found unexpected end of stream"));
        all.add(play("NUL byte", "  tasks:\n    - debug: msg=a\u0000b\n", 4, "site.yml:4:19", "yaml files cannot contain the character U+0000"));
        all.add(play("retries not a number", "  tasks:\n    - command: \"true\"\n      until: false\n      retries: \"x\"\n", 4,
                "site.yml:6:16", "expected a whole number from 0 to 2147483647 for 'retries'"));
        all.add(play("retries overflowing int", "  tasks:\n    - command: \"true\"\n      until: false\n      retries: 99999999999999999999\n", 4,
                "site.yml:6:16", "for 'retries'"));
        all.add(new Case("ansible_port not a number", Map.of("site.yml", PLAY + "  tasks:\n    - command: \"true\"\n",
                "inv.yml", "all:\n  hosts:\n    web1: {ansible_host: 127.0.0.1, ansible_port: abc}\n"), 4, "inv.yml:3:51",
                "expected a whole number from 1 to 65535 for 'ansible_port', found string 'abc'"));
        all.add(new Case("inventory group cycle", Map.of("site.yml", PLAY + "  tasks: []\n",
                "inv.yml", "all:\n  children:\n    a:\n      children:\n        b:\n          hosts: {h1: {ansible_connection: local}}\n          children:\n            a:\n"),
                4, "inv.yml:8:13", "group 'a' contains itself: a -> b -> a"));
        all.add(new Case("host range of a billion hosts", Map.of("site.yml", PLAY + "  tasks: []\n",
                "inv.yml", "all:\n  hosts:\n    web[1:1000000000]:\n"), 4, "inv.yml:3:5", "stands for more than 10000 hosts"));
        all.add(new Case("include_tasks of itself", Map.of("site.yml", PLAY + "  tasks:\n    - include_tasks: self.yml\n",
                "self.yml", "- debug: msg=again\n- include_tasks: self.yml\n"), 2, "self.yml:2:3", "include_tasks nests more than 100 levels deep (self.yml includes itself)"));
        all.add(new Case("import_playbook cycle", Map.of("site.yml", "- import_playbook: b.yml\n", "b.yml", "- import_playbook: site.yml\n"),
                4, "b.yml:1:20", "import cycle: site.yml -> b.yml -> site.yml"));
        all.add(play("vars_files is a directory", "  vars_files: [vars]\n  tasks: []\n", 4, "site.yml:3:16", "is a directory, not a file"));
        all.add(new Case("host pattern index past int", Map.of("site.yml", "- hosts: all[99999999999]\n  tasks: []\n"), 4, "site.yml:1:10",
                "bad host pattern 'all[99999999999]': index 99999999999 is too large"));
        all.add(new Case("playbook is a scalar", Map.of("site.yml", "just text\n"), 4, "site.yml:1:1", "expected a list for the plays, found a string"));
        all.add(play("a task that is a list", "  tasks:\n    - - debug: msg=x\n", 4, "site.yml:4:7", "expected a mapping for a task, found a list"));
        all.add(debug("endless nested loops", "{% for a in range(1000000) %}{% for b in range(1000000) %}{% endfor %}{% endfor %}",
                "the template did more than 20000000 loop iterations and expressions"));
        all.add(debug("doubling a string", "{% set s = 'xxxxxxxxxx' %}{% for i in range(40) %}{% set s = s ~ s %}{% endfor %}{{ s }}",
                "the output grew past 8388608 characters"));
        all.add(debug("many large strings kept in a list", "{% set l = [] %}{% for i in range(300) %}{% do l.append('x' | center(8000000)) %}{% endfor %}{{ l | length }}",
                "the template made more than 67108864 characters of strings"));
        all.add(debug("range of a billion", "{{ range(10**9) | list | length }}", "range() of 1000000000 items: at most 1000000 are allowed"));
        all.add(debug("recursive macro", "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "macro 'f' calls itself more than 50 levels deep"));
        all.add(debug("5000 parentheses", "{{ " + "(".repeat(5000) + "1" + ")".repeat(5000) + " }}", "the template nests more than 100 levels deep"));
        all.add(play("from_yaml alias bomb", "  vars:\n    bomb: \"" + BOMB_TEXT + "\"\n  tasks:\n    - debug:\n        msg: \"{{ bomb | from_yaml }}\"\n",
                2, "site.yml:7:9", "from_yaml got YAML it cannot take: yaml file holds more than 250000 values"));
        all.add(play("loop over a million items", "  tasks:\n    - debug: msg=x\n      loop: \"{{ range(1000000) | list }}\"\n", 2,
                "site.yml:4:7", "loop has 1000000 items: at most 10000 are run per task"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(180)
    void isRefusedQuicklyWithItsFileLineAndCause(Case c) throws IOException {
        for (Map.Entry<String, String> f : c.files().entrySet()) Files.writeString(dir.resolve(f.getKey()), f.getValue());
        Files.createDirectories(dir.resolve("vars"));
        if (!c.files().containsKey("inv.yml")) Files.writeString(dir.resolve("inv.yml"), "all:\n  hosts:\n    localhost: {ansible_connection: local}\n");
        CliTest.Result r = CliTest.swarmplay("-i", dir.resolve("inv.yml").toString(), dir.resolve("site.yml").toString());
        String all = r.out() + r.err();
        assertEquals(c.exit(), r.code(), all);
        assertTrue(all.contains(dir.resolve(c.where()).toString()) || all.contains(c.where()), "no " + c.where() + " in:\n" + all);
        assertTrue(all.contains(c.message()), all);
        assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains("Error:"), "a stack trace or exception name:\n" + all);
    }

    /** Cases whose template reads a variable {@code bomb}: an alias bomb as a string. */
    private static final String BOMB_TEXT;

    static {
        StringBuilder b = new StringBuilder("l0: &l0 [lol, lol]\\n");
        for (int i = 1; i < 30; i++) b.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\\n");
        BOMB_TEXT = b.toString();
    }
}
