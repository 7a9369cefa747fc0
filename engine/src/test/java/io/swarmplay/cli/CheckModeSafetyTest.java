package io.swarmplay.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.swarmplay.cli.CliTest.swarmplay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --check} and {@code --plan} change nothing, through the real CLI, on a role that touches
 * files with every kind of module that writes (Ansible's check mode never writes): the tree —
 * content, mode, owner, modification time, link targets — is the same before and after; the real
 * run then does change it, so the comparison can fail.
 */
class CheckModeSafetyTest {

    @TempDir
    Path dir;

    private static final String TASKS = """
            - file: {path: "{{ w }}/newdir", state: directory}
            - file: {path: "{{ w }}/app.conf", mode: "0600"}
            - file: {path: "{{ w }}/stamp", state: touch}
            - file: {path: "{{ w }}/existing", state: touch}
            - file: {path: "{{ w }}/link", src: app.conf, state: link}
            - file: {path: "{{ w }}/gone", state: absent}
            - file: {path: "{{ w }}/tree", state: absent}
            - copy: {src: f.txt, dest: "{{ w }}/copied.txt"}
            - copy: {content: "new\\n", dest: "{{ w }}/app2.conf", backup: true}
            - template: {src: t.j2, dest: "{{ w }}/rendered.conf", mode: "0640"}
            - lineinfile: {path: "{{ w }}/app.conf", line: "added=1", backup: true}
            - lineinfile: {path: "{{ w }}/created.conf", line: "x=1", create: true}
            - blockinfile: {path: "{{ w }}/block.txt", block: "inside"}
            - replace: {path: "{{ w }}/replace.txt", regexp: old, replace: new}
            - command: touch {{ w }}/cmd.done creates={{ w }}/cmd.done
            - command: touch {{ w }}/cmd2.done
            - shell: echo hi > {{ w }}/shell.out
            - raw: echo hi > {{ w }}/raw.out
            - tempfile: {path: "{{ w }}", prefix: tf.}
            - assemble: {src: "{{ w }}/frags", dest: "{{ w }}/assembled"}
            - stat: {path: "{{ w }}/app.conf"}
            - slurp: {src: "{{ w }}/app.conf"}
            """;

    private Path work;

    private List<String> run(String... mode) throws IOException {
        work = dir.resolve("work");
        Path role = dir.resolve("roles/demo");
        Files.createDirectories(role.resolve("tasks"));
        Files.createDirectories(role.resolve("templates"));
        Files.createDirectories(role.resolve("files"));
        Files.writeString(role.resolve("tasks/main.yml"), TASKS);
        Files.writeString(role.resolve("templates/t.j2"), "host={{ inventory_hostname }}\n");
        Files.writeString(role.resolve("files/f.txt"), "file\n");
        Files.writeString(dir.resolve("inv.yaml"), "all:\n  hosts:\n    localhost: {ansible_connection: local}\n");
        Files.writeString(dir.resolve("site.yml"), "- hosts: localhost\n  gather_facts: false\n  roles: [demo]\n");
        Files.createDirectories(work.resolve("frags"));
        Files.createDirectories(work.resolve("tree/sub"));
        Files.writeString(work.resolve("frags/a"), "a\n");
        Files.writeString(work.resolve("tree/sub/x"), "x\n");
        Files.writeString(work.resolve("app.conf"), "a=1\n");
        Files.writeString(work.resolve("app2.conf"), "old\n");
        Files.writeString(work.resolve("existing"), "e\n");
        Files.writeString(work.resolve("gone"), "g\n");
        Files.writeString(work.resolve("block.txt"), "top\n");
        Files.writeString(work.resolve("replace.txt"), "old value\n");
        Files.setPosixFilePermissions(work.resolve("app.conf"), PosixFilePermissions.fromString("rw-r--r--"));
        return List.of(mode);
    }

    private Result swarm(List<String> mode) {
        String[] args = Stream.concat(Stream.of("-i", dir.resolve("inv.yaml").toString(), dir.resolve("site.yml").toString(),
                "-e", "w=" + work, "-e", "swarmplay_lock_dir=" + dir.resolve("locks")), mode.stream()).toArray(String[]::new);
        CliTest.Result r = swarmplay(args);
        return new Result(r.code(), r.out() + r.err());
    }

    private record Result(int code, String out) {
    }

    @Test
    void checkAndPlanLeaveEveryFileAsItWasAndTheRunThenChangesIt() throws Exception {
        run();
        Files.setLastModifiedTime(work.resolve("existing"), java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        Map<String, String> before = snapshot(dir);

        Result check = swarm(List.of("--check", "--diff"));
        assertEquals(0, check.code(), check.out());
        assertEquals(before, snapshot(dir), "--check changed the tree:\n" + check.out());

        Result plan = swarm(List.of("--plan"));
        assertEquals(0, plan.code(), plan.out());
        assertEquals(before, snapshot(dir), "--plan changed the tree:\n" + plan.out());

        Result apply = swarm(List.of());
        assertEquals(0, apply.code(), apply.out());
        Map<String, String> after = snapshot(dir);
        assertNotEquals(before, after);
        for (String made : List.of("newdir", "stamp", "link", "copied.txt", "rendered.conf", "created.conf", "cmd.done",
                "cmd2.done", "shell.out", "raw.out", "assembled")) {
            assertTrue(after.containsKey("work/" + made), made + " was not made by the run:\n" + apply.out());
        }
        assertTrue(Files.readString(work.resolve("app.conf")).contains("added=1"), apply.out());
        assertEquals("new value\n", Files.readString(work.resolve("replace.txt")));
        assertTrue(!after.containsKey("work/gone") && !after.containsKey("work/tree"), apply.out());
    }

    @Test
    void modulesWithoutCheckModeAreSkippedWithAnsiblesResult() throws IOException {
        run();
        Files.writeString(dir.resolve("roles/demo/tasks/main.yml"), """
                - tempfile: {path: "{{ w }}"}
                  register: r1
                - ansible.builtin.wait_for: {path: "{{ w }}/never", timeout: 1}
                  register: r2
                - assemble: {src: "{{ w }}/frags", dest: "{{ w }}/assembled"}
                  register: r3
                - raw: echo hi
                  register: r4
                - wait_for_connection: {timeout: 1}
                  register: r5
                - debug: {msg: "{{ item.msg | default('(none)') }} | {{ item.skipped }} {{ item.changed }} {{ item.failed | default('-') }}"}
                  loop: "{{ [r1, r2, r3, r4, r5] }}"
                  loop_control: {label: "{{ item.msg | default('') }}"}
                """);
        Result check = swarm(List.of("--check"));
        assertEquals(0, check.code(), check.out());
        assertTrue(check.out().contains("ok=1    changed=0    unreachable=0    failed=0    skipped=5"), check.out());
        for (String line : List.of("remote module (tempfile) does not support check mode | True False False",
                "remote module (ansible.builtin.wait_for) does not support check mode | True False False",
                "check mode is not supported for this task. | True False -",
                "(none) | True False False")) {
            assertTrue(check.out().contains("\"msg\": \"" + line + "\""), line + " in:\n" + check.out());
        }
        Result script = swarmScript();
        assertTrue(script.out().contains("\"r\": {\n        \"changed\": true,\n        \"failed\": false\n    }"), script.out());
    }

    /** Ansible's script action in check mode: with {@code creates} it would change, registered as {@code {changed: true}}. */
    private Result swarmScript() throws IOException {
        Files.createDirectories(dir.resolve("roles/demo/files"));
        Files.writeString(dir.resolve("roles/demo/files/s.sh"), "touch " + work.resolve("script.done") + "\n");
        Files.writeString(dir.resolve("roles/demo/tasks/main.yml"), """
                - script: s.sh creates={{ w }}/script.done
                  register: r
                - debug: {var: r}
                """);
        Result check = swarm(List.of("--check"));
        assertEquals(0, check.code(), check.out());
        assertTrue(!Files.exists(work.resolve("script.done")), check.out());
        return check;
    }

    /** Every entry under {@code root}: type, size, mode, owner, modification time, link target, content hash. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (p.startsWith(root.resolve("locks"))) continue;
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String kind = a.isSymbolicLink() ? "l " + Files.readSymbolicLink(p) : a.isDirectory() ? "d" : "f " + sha256(p);
                entries.put(root.relativize(p).toString(), kind + " " + a.size() + " " + PosixFilePermissions.toString(a.permissions())
                        + " " + a.owner().getName() + ":" + a.group().getName() + " " + a.lastModifiedTime().toMillis());
            }
        }
        return entries;
    }

    private static String sha256(Path p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
