package io.swarmplay.connection.ssh;

import io.swarmplay.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --plan --out} and {@code apply FILE} against two real sshd hosts: applied when nothing
 * moved; refused, with nothing touched on either host, when a template or a host's state changed.
 */
class SshSavedPlanIT {

    @TempDir
    Path dir;
    private SshdHost one;
    private SshdHost two;
    private Path template;
    private Path playbook;
    private Path saved;

    @BeforeEach
    void start() throws Exception {
        one = SshdHost.start("127.0.0.43");
        two = SshdHost.start("127.0.0.44");
        Files.writeString(dir.resolve("inventory.yaml"), "all:\n  vars:\n    ansible_user: " + SshdHost.USER + "\n"
                + "  children:\n    swarm:\n      hosts:\n" + one.inventoryEntry("host-1") + two.inventoryEntry("host-2"));
        template = Files.createDirectories(dir.resolve("templates")).resolve("app.conf.j2");
        Files.writeString(template, "host = {{ inventory_hostname }}\n");
        playbook = Files.writeString(dir.resolve("site.yaml"), """
                - hosts: swarm
                  gather_facts: false
                  tasks:
                    - name: app dir
                      file: {path: "{{ work }}/app", state: directory}
                    - name: app config
                      template: {src: app.conf.j2, dest: "{{ work }}/app/app.conf"}
                """);
        saved = dir.resolve("site.plan");
    }

    @AfterEach
    void stop() throws Exception {
        one.close();
        two.close();
    }

    private final String[] result = new String[1];

    private int swarmplay(String... args) {
        StringWriter out = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(out, true));
        result[0] = out.toString();
        return code;
    }

    private void planOut() {
        assertEquals(0, swarmplay("-i", dir.resolve("inventory.yaml").toString(), playbook.toString(), "--plan", "--out",
                saved.toString()), result[0]);
    }

    @Test
    void aCurrentSavedPlanIsAppliedOnBothHosts() throws Exception {
        planOut();
        assertEquals(0, swarmplay("apply", saved.toString()), result[0]);
        assertEquals("host = host-1\n", Files.readString(one.work.resolve("app/app.conf")));
        assertEquals("host = host-2\n", Files.readString(two.work.resolve("app/app.conf")));
    }

    @Test
    void aTemplateChangedAfterThePlanIsRefusedAndNothingIsTouched() throws Exception {
        planOut();
        Files.writeString(template, "host = {{ inventory_hostname }} # changed\n");
        assertEquals(4, swarmplay("apply", saved.toString()), result[0]);
        assertTrue(result[0].contains("is stale") && result[0].contains(template.toAbsolutePath() + " changed"), result[0]);
        assertFalse(Files.exists(one.work.resolve("app")) || Files.exists(two.work.resolve("app")), "a refused apply touched a host");
    }

    @Test
    void aHostStateChangedAfterThePlanIsRefusedNamingTheHostAndNothingIsTouched() throws Exception {
        planOut();
        Files.createDirectories(two.work.resolve("app"));
        assertEquals(4, swarmplay("apply", saved.toString()), result[0]);
        assertTrue(result[0].contains("host state changed: host-2 file." + two.work.resolve("app")), result[0]);
        assertFalse(Files.exists(one.work.resolve("app")), "a refused apply touched host-1");
        assertFalse(Files.exists(two.work.resolve("app/app.conf")), "a refused apply touched host-2");
    }
}
