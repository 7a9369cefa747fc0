package io.swarmplay.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --plan --offline} plans every host as fresh (empty) without contacting it: the SSH
 * hosts here point at a closed port, so any contact would show as an unreachable host.
 */
class OfflinePlanTest {

    @TempDir
    Path dir;

    private Path inventory;
    private Path playbook;

    @BeforeEach
    void files() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        inventory = write("inv.yaml", """
                all:
                  hosts:
                    host-1: {ansible_host: 127.0.0.1, ansible_port: %d, ansible_user: nobody, site: one}
                    host-2: {ansible_host: 127.0.0.1, ansible_port: %d, ansible_user: nobody, site: two}
                """.formatted(closedPort, closedPort));
        write("templates/app.conf.j2", "site = {{ site }}\nport = {{ port }}\n");
        write("files/local.txt", "on the control node\n");
        playbook = write("site.yaml", """
                - hosts: all
                  gather_facts: false
                  vars: {port: 8080}
                  tasks:
                    - name: computed on the control node
                      set_fact: {greeting: "hello {{ site }}"}
                    - name: checked on the control node
                      assert: {that: ["greeting == 'hello ' + site"]}
                    - name: a control-node file is read
                      stat: {path: "%s"}
                      delegate_to: localhost
                      register: local
                    - name: the control-node file exists
                      assert: {that: [local.stat.exists]}
                    - name: app directory
                      file: {path: /opt/app, state: directory}
                    - name: app config
                      template: {src: app.conf.j2, dest: /opt/app/app.conf}
                    - name: network
                      docker_network: {name: appnet}
                    - name: volume
                      docker_volume: {name: appdata}
                    - name: read the host name
                      command: cat /etc/hostname
                      register: hostname
                    - name: web container
                      docker_container:
                        name: web
                        image: nginx:1.25
                        command: "{{ hostname.stdout }}"
                        env: "{{ {'HOST': hostname.stdout} }}"
                        networks: [{name: appnet}]
                        copy_in: [{content: "{{ hostname.stdout }}", dest: /etc/seen-as}]
                      notify: restart web
                    - name: db container in a state known after apply
                      docker_container: {name: db, image: "postgres:16", state: "{{ hostname.stdout }}"}
                  handlers:
                    - name: restart web
                      docker_container: {name: web, image: nginx:1.25, state: started}
                """.formatted(dir.resolve("files/local.txt")));
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private CliTest.Result plan(String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "-i";
        args[1] = inventory.toString();
        args[2] = playbook.toString();
        args[3] = "--offline";
        System.arraycopy(more, 0, args, 4, more.length);
        return CliTest.swarmplay(args);
    }

    @Test
    void everyHostIsPlannedAsFreshAndCreatesShowAsCreates() {
        CliTest.Result result = plan("--plan");
        String out = result.out();
        assertEquals(0, result.code(), out + result.err());
        assertTrue(out.startsWith("offline: hosts planned as fresh (empty)\n"), out);
        assertFalse(out.contains("Unreachable") || out.contains("not contacted"), "no host is contacted:\n" + out);
        for (String created : new String[] {"+ file./opt/app  (create directory", "+ template./opt/app/app.conf  (create",
                "+ docker_network.appnet  (", "+ docker_volume.appdata  (",
                "+ docker_container.web  (create and start container web from nginx:1.25"}) {
            assertEquals(2, count(out, created), created + " once per host:\n" + out);
        }
        assertEquals(2, count(out, "> command[read the host name]  ("), out);
        // what names the object or its state never stands in: that step depends on the value
        assertEquals(2, count(out, "? docker_container.db  (depends on result of 'read the host name'"), out);
        // 5 objects per host; the handler acting on the container already counted is not another create
        assertEquals(2, count(out, "+ docker_container.web  (create and start container web from nginx:1.25 (image nginx:1.25 is not on the"
                + " host yet)) [2 steps]"), out);
        assertTrue(out.contains("Plan: 10 to create, 0 to change, 0 to delete, 2 to run, 8 unchanged, 2 unknown until apply\n"), out);
    }

    @Test
    void verboseShowsEveryStepWithItsArgumentsAndUnknownValues() {
        String out = plan("--plan", "-v").out();
        // the value read from an earlier step is unknown; the create is still a create
        assertTrue(out.contains("        command: (known after apply)\n"), out);
        assertTrue(out.contains("        env: (known after apply)\n"), out);
        assertTrue(out.contains("        copy_in: [{\"content\":\"(known after apply)\",\"dest\":\"/etc/seen-as\"}]\n"), out);
        assertEquals(2, count(out, "      + restart web (handler)  (docker_container at "), out);
    }

    @Test
    void controlNodeWorkIsEvaluated() {
        String out = plan("--plan", "-v").out();
        assertEquals(2, count(out, "= assert[checked on the control node]  (All assertions passed)"), out);
        assertEquals(2, count(out, "= assert[the control-node file exists]  (All assertions passed)"), out);
        String local = dir.resolve("files/local.txt").toString();
        assertTrue(out.contains("= stat." + local + "  (stat only reads: " + local + " exists)"), out);
    }

    @Test
    void templateContentAppearsWithDiff() {
        String out = plan("--plan", "--diff").out();
        assertTrue(out.contains("+site = one\n") && out.contains("+site = two\n"), out);
        assertTrue(out.contains("+port = 8080\n"), out);
    }

    @Test
    void anOfflinePlanWithCreatesExits2WithDetailedExitcode() {
        CliTest.Result result = plan("--plan", "--detailed-exitcode");
        assertEquals(2, result.code(), result.out() + result.err());
        assertTrue(result.out().replace(" ", "").contains("\"offline\":true") || plan("--plan", "--json").out()
                .replace(" ", "").contains("\"offline\":true"));
    }

    @Test
    void aFileOnAFreshHostIsAbsentUnlessAnEarlierStepWritesIt() throws IOException {
        playbook = write("files.yaml", """
                - hosts: host-1
                  gather_facts: false
                  tasks:
                    - name: result of an earlier run
                      stat: {path: /opt/app/result.txt}
                      register: before
                    - name: start the work
                      docker_container: {name: worker, image: "busybox:1.36"}
                      when: not before.stat.exists
                    - name: app config
                      copy: {content: "x\n", dest: /opt/app/app.conf}
                    - name: the config just written
                      stat: {path: /opt/app/app.conf}
                      register: conf
                    - name: app config again
                      copy: {content: "y\n", dest: /opt/app/app.conf}
                    - name: reload
                      command: /bin/reload
                      when: conf.stat.exists
                """);
        String out = plan("--plan", "-v").out();
        assertTrue(out.contains("= stat./opt/app/result.txt  (stat only reads: /opt/app/result.txt does not exist)"), out);
        assertTrue(out.contains("+ docker_container.worker  (create and start container worker"), out);
        // what an earlier step of the plan writes is there only after apply
        assertTrue(out.contains("? stat./opt/app/app.conf  (what is at /opt/app/app.conf on host-1 after the earlier steps that write it"), out);
        assertTrue(out.contains("? command[reload]  (when: conf.stat.exists is known only after apply)"), out);
        assertEquals(1, count(out, "      + app config  (copy at"), out);
        assertEquals(1, count(out, "      ? app config again  (copy at"), out);
    }

    @Test
    void whetherAStepThatWouldChangeChangedIsKnownButNotWhatItReturns() throws IOException {
        playbook = write("results.yaml", """
                - hosts: host-1
                  gather_facts: false
                  tasks:
                    - name: configs
                      copy: {content: "x\n", dest: "/opt/{{ item }}.conf"}
                      loop: [a, b]
                      register: configs
                    - name: probe
                      command: /bin/probe
                      register: probe
                    - name: probe decided by its output
                      command: /bin/probe
                      register: decided
                      changed_when: decided.rc == 3
                    - name: after the configs changed
                      command: /bin/reload
                      when: configs is changed and configs.results[1] is changed
                    - name: when the probe did not change
                      command: /bin/never
                      when: probe is not changed
                    - name: on the probe's exit code
                      command: /bin/rc
                      when: probe.rc | default(1) != 0
                    - name: on the decided probe
                      command: /bin/decided
                      when: decided is changed
                """);
        String out = plan("--plan", "-v").out();
        assertTrue(out.contains("> command[after the configs changed]  (/bin/reload)"), out);
        assertTrue(out.contains("· command[when the probe did not change]  (when: probe is not changed was false)"), out);
        assertTrue(out.contains("? command[on the probe's exit code]  (when: probe.rc | default(1) != 0 is known only after apply)"), out);
        // changed_when decides from the result itself: unknown until apply
        assertTrue(out.contains("? command[on the decided probe]  (when: decided is changed is known only after apply)"), out);
    }

    @Test
    void aContainerAnEarlierStepCreatesIsThereAndOneNothingCreatesIsMissing() throws IOException {
        playbook = write("containers.yaml", """
                - hosts: host-1
                  gather_facts: false
                  tasks:
                    - name: is the agent healthy
                      docker_exec: {container: agent, argv: [healthcheck]}
                      register: agent_health
                      failed_when: false
                    - name: server
                      docker_container: {name: server, image: "busybox:1.36"}
                    - name: token from the server
                      docker_exec: {container: server, argv: [token]}
                      register: token
                    - name: agent config with the token
                      template: {src: app.conf.j2, dest: /opt/agent.conf}
                      vars: {site: "{{ token.stdout }}", port: 1}
                    - name: agent
                      docker_container: {name: agent, image: "busybox:1.36"}
                      when: agent_health.rc | default(1) != 0
                    - name: a probe of a container nothing creates
                      docker_exec: {container: nosuch, argv: [true]}
                """);
        CliTest.Result result = plan("--plan", "-v");
        String out = result.out();
        assertTrue(out.contains("= docker_exec[is the agent healthy]  (container agent on host-1 is missing (a fresh host, and no"
                + " earlier step creates it): docker_exec needs it running)"), out);
        assertTrue(out.contains("> docker_exec[token from the server]  (token in server)"), out);
        // what the file holds depends on the token; that it is created does not
        assertTrue(out.contains("+ template./opt/agent.conf  (create /opt/agent.conf (content known after apply))"), out);
        assertTrue(out.contains("+ docker_container.agent  (create and start container agent"), out);
        assertTrue(out.contains("! docker_exec[a probe of a container nothing creates]  (container nosuch on host-1 is missing"), out);
        assertEquals(2, result.code(), "a step that would fail fails the plan, as a failed task fails a run:\n" + out + result.err());
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
