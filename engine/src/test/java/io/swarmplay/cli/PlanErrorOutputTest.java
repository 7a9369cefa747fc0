package io.swarmplay.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * No plan output names a Java exception, a Java package or a stack frame, whatever is broken:
 * the playbook, a template, an argument, a host. Each broken input is planned live, offline, as
 * JSON and with {@code -v}, and everything printed is scanned.
 */
class PlanErrorOutputTest {

    /** A class name ending in Exception/Error, a qualified Java name, a stack frame. */
    private static final Pattern JAVA = Pattern.compile(
            "\\b[A-Z]\\w*(Exception|Error)\\b|\\b(java|javax|jdk|sun|com|org|net|io)\\.[a-z]+\\.[a-zA-Z]|^\\s+at [\\w.$]+\\(",
            Pattern.MULTILINE);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            YAML syntax            | '- hosts: all\\n  tasks:\\n    - debug: {msg: [unclosed\\n'
            unknown module         | '- hosts: all\\n  gather_facts: false\\n  tasks:\\n    - copyy: {src: a, dest: /tmp/b}\\n'
            undefined variable     | '- hosts: all\\n  gather_facts: false\\n  tasks:\\n    - file: {path: "{{ nosuch }}", state: directory}\\n'
            template syntax        | '- hosts: all\\n  gather_facts: false\\n  tasks:\\n    - debug: {msg: "{{ 1 + }}"}\\n'
            unknown filter         | '- hosts: all\\n  gather_facts: false\\n  tasks:\\n    - debug: {msg: "{{ 1 | nosuchfilter }}"}\\n'
            missing template file  | '- hosts: all\\n  gather_facts: false\\n  tasks:\\n    - template: {src: nosuch.j2, dest: /tmp/x}\\n'
            template error inside  | '- hosts: all\\n  gather_facts: false\\n  tasks:\\n    - template: {src: bad.j2, dest: /tmp/x}\\n'
            wrong argument type    | '- hosts: all\\n  gather_facts: false\\n  tasks:\\n    - docker_container: {name: c, image: busybox, published_ports: {a: 1}}\\n'
            bad nested argument    | '- hosts: all\\n  gather_facts: false\\n  tasks:\\n    - docker_container: {name: c, image: busybox, networks: [{nme: n}], wait_for: {lgo: x}}\\n'
            missing include        | '- hosts: all\\n  gather_facts: false\\n  tasks:\\n    - include_tasks: nosuch.yaml\\n'
            bad loop               | '- hosts: all\\n  gather_facts: false\\n  tasks:\\n    - debug: {msg: x}\\n      loop: "{{ 42 }}"\\n'
            division by zero       | '- hosts: all\\n  gather_facts: false\\n  tasks:\\n    - debug: {msg: "{{ 1 // 0 }}"}\\n'
            bad from_json          | '- hosts: all\\n  gather_facts: false\\n  tasks:\\n    - debug: {msg: "{{ (\\"{x\\" | from_json).a }}"}\\n'
            failing assert         | '- hosts: all\\n  gather_facts: false\\n  tasks:\\n    - assert: {that: ["1 == 2"]}\\n'
            unreachable host       | '- hosts: down\\n  gather_facts: false\\n  tasks:\\n    - file: {path: /tmp/x, state: directory}\\n'
            """)
    void noPlanOutputNamesAJavaException(String what, String playbook) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path inventory = write("inv.yaml", "all:\n  hosts:\n    local: {ansible_connection: local}\n"
                + "    down: {ansible_host: 127.0.0.1, ansible_port: " + closed + ", ansible_user: nobody, ansible_timeout: 2}\n");
        write("bad.j2", "{% for x in %}\n");
        Path site = write("site.yaml", playbook.replace("\\n", "\n"));
        for (List<String> flags : List.of(List.of("--plan"), List.of("--plan", "--offline"), List.of("--plan", "--json"),
                List.of("--plan", "-v", "--diff"), List.of("--plan", "--detailed-exitcode"))) {
            String[] args = Stream.concat(Stream.of("-i", inventory.toString(), site.toString(), "-l",
                    what.equals("unreachable host") ? "down" : "local"), flags.stream()).toArray(String[]::new);
            CliTest.Result result = CliTest.swarmplay(args);
            String all = result.out() + result.err();
            // offline, no host is contacted: an unreachable one is planned as fresh
            boolean offline = flags.contains("--offline") && what.equals("unreachable host");
            if (!offline) assertNotEquals(0, result.code(), what + " " + flags + " is an error:\n" + all);
            Matcher java = JAVA.matcher(all);
            assertFalse(java.find(), () -> what + " " + flags + " prints '" + java.group() + "':\n" + all);
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
