package io.swarmplay.playbooks;

import io.swarmplay.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs small playbooks with the repository's {@code inventory/group_vars/all.yaml} on two local
 * hosts (host-1: sentinel and SWCI at 10.9.0.1; host-2 at the DNS name swarm-2.example.org), in
 * a directory of the test's own: no Docker, no SSH.
 */
final class LocalSwarm {

    static final Path REPO = findRepo();

    private final Path dir;

    LocalSwarm(Path dir) {
        this.dir = dir;
    }

    static Path findRepo() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("playbooks/cifar10-spire.yaml"))) return p;
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    record Run(int exit, String out) {
    }

    /**
     * Runs {@code tasks} (YAML, indented for a play's task list) on host-1 and host-2 with
     * {@code swarmVars} on both: host vars, which beat {@code group_vars/all} as in Ansible.
     */
    Run play(String swarmVars, String playVars, String tasks) throws IOException {
        Path inv = dir.resolve("inventory");
        Files.createDirectories(inv);
        if (!Files.exists(inv.resolve("group_vars"))) Files.createSymbolicLink(inv.resolve("group_vars"), REPO.resolve("inventory/group_vars"));
        String shared = ("workspace_dir: " + dir.resolve("ws") + "\n" + swarmVars).indent(12).stripTrailing();
        Files.writeString(inv.resolve("hosts.yaml"), """
                all:
                  children:
                    swarm:
                      hosts:
                        host-1:
                            host_ip: 10.9.0.1
                            org: org1
                            trust_domain: org1.swarm.learning
                            sentinel: true
                            swci: true
                %s
                        host-2:
                            host_ip: swarm-2.example.org
                            org: org2
                            trust_domain: org2.swarm.learning
                %s
                      vars:
                        ansible_connection: local
                """.formatted(shared, shared));
        Path playbook = dir.resolve("play.yaml");
        Files.writeString(playbook, """
                - hosts: swarm
                  gather_facts: false
                  vars:
                %s
                  tasks:
                %s
                """.formatted(playVars.indent(4).stripTrailing(), tasks.indent(4).stripTrailing()));
        StringWriter out = new StringWriter();
        int exit = Main.execute(new String[] {"-v", "-i", inv.resolve("hosts.yaml").toString(), playbook.toString()},
                new PrintWriter(out, true), new PrintWriter(out, true));
        return new Run(exit, out.toString());
    }

    Run render(String swarmVars, String template) throws IOException {
        return play(swarmVars, "out: " + dir.resolve("out"), """
                - file: {path: "{{ out }}/{{ inventory_hostname }}", state: directory}
                  delegate_to: localhost
                - template: {src: "%s", dest: "{{ out }}/{{ inventory_hostname }}/rendered"}
                  delegate_to: localhost
                """.formatted(REPO.resolve(template)));
    }

    String rendered(String host) throws IOException {
        return Files.readString(dir.resolve("out").resolve(host).resolve("rendered"));
    }
}
