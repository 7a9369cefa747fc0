package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.ContainerSpec;
import io.swarmplay.connection.docker.ContainerState;
import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.TarFile;
import io.swarmplay.connection.docker.TestEngine;
import io.swarmplay.modules.docker.Playbooks.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Docker modules driven through the real CLI against the local engine: create, no-op on the
 * second run, a declared change, absent, absent again; plans and check mode predict exactly what
 * the next run does and change nothing.
 */
@ExtendWith(TestEngine.class)
class DockerModulesIT {

    private static final String IMAGE = TestEngine.IMAGE;
    /** The inventory host the playbooks target (see {@link Playbooks}). */
    private static final String HOST = Playbooks.HOST;

    @TempDir
    Path dir;

    private Playbooks playbooks;
    private final DockerEndpoint docker = TestEngine.endpoint();

    @BeforeEach
    void setUp() {
        TestEngine.cleanUp(); // every test starts from an engine without swarmplay-it-* objects
        playbooks = new Playbooks(dir);
    }

    private static final String LIFECYCLE = """
            - hosts: localhost
              gather_facts: false
              vars: {mode: sn}
              tasks:
                - name: volume
                  community.docker.docker_volume: {name: swarmplay-it-life-vol}
                - name: network
                  community.docker.docker_network: {name: swarmplay-it-life-net}
                - name: container
                  community.docker.docker_container:
                    name: swarmplay-it-life
                    image: %s
                    command: [sleep, "300"]
                    env: {SWARM_NODE_TYPE: "{{ mode }}"}
                    labels: {role: worker}
                    networks: [{name: swarmplay-it-life-net, aliases: [node]}]
                    volumes: ["swarmplay-it-life-vol:/data"]
                    state: "{{ state | default('started') }}"
                    force_kill: true
                  register: c
            """.formatted(IMAGE);

    @Test
    void containerLifecyclePlanCheckAndApplyAgree() {
        Path pb = playbooks.write(LIFECYCLE);
        Run plan = playbooks.plan(pb);
        assertEquals(List.of("volume=create", "network=create", "container=create"), plan.actions(), plan.output());
        String before = engineState();
        playbooks.apply(pb, "--check");
        assertEquals(before, engineState(), "check mode changed nothing");
        Run first = playbooks.apply(pb);
        assertEquals(0, first.code(), first.output());
        assertEquals(plan.predictions(), first.predictions(), "the plan predicted exactly what apply did");
        assertTrue(first.step("container").data().at("/container/NetworkSettings/Networks/swarmplay-it-life-net/IPAddress")
                .asText().matches("[0-9.]+"), first.output());
        assertFalse(first.output().contains("SWARM_NODE_TYPE=sn"), "env values are masked in output");

        Run again = playbooks.apply(pb);
        assertEquals(List.of("volume=none", "network=none", "container=none"), again.actions(), again.output());
        assertEquals("ok", again.step("container").status());
        assertEquals("container swarmplay-it-life is running as declared", again.step("container").msg());
        assertEquals("worker", again.step("container").data().at("/container/Config/Labels/role").asText());
    }

    @Test
    void declaredChangeReplacesNamingTheFieldThenStopAndAbsent() {
        Path pb = playbooks.write(LIFECYCLE);
        playbooks.apply(pb);
        String oldId = docker.inspectContainer("swarmplay-it-life").orElseThrow().id();
        Run plan = playbooks.plan(pb, "-e", "mode=swop");
        String before = engineState();
        assertEquals(before, engineState());
        assertEquals("container=replace: replace: env.SWARM_NODE_TYPE changed", plan.predictions().get(2));
        Run replaced = playbooks.apply(pb, "-e", "mode=swop");
        assertEquals(plan.predictions(), replaced.predictions(), replaced.output());
        assertNotEquals(oldId, docker.inspectContainer("swarmplay-it-life").orElseThrow().id());
        assertFalse(replaced.output().contains("swop"), "env values never reach output");

        Run stopped = playbooks.apply(pb, "-e", "mode=swop", "-e", "state=stopped");
        assertEquals("container=update: stop container swarmplay-it-life", stopped.predictions().get(2));
        assertFalse(docker.inspectContainer("swarmplay-it-life").orElseThrow().running());
        Run started = playbooks.apply(pb, "-e", "mode=swop");
        assertEquals("container=update: start container swarmplay-it-life", started.predictions().get(2));

        Run absent = playbooks.apply(pb, "-e", "state=absent");
        assertEquals("container=delete: remove container swarmplay-it-life", absent.predictions().get(2));
        Run absentAgain = playbooks.apply(pb, "-e", "state=absent");
        assertEquals("container=none: container swarmplay-it-life does not exist", absentAgain.predictions().get(2));
    }

    @Test
    void checkModeOnACleanEngineNeverFailsOnStepsThatEarlierStepsEnable() {
        Path pb = playbooks.write(LIFECYCLE + """
                    - name: copy
                      docker_copy: {container: swarmplay-it-life, content: "x", dest: /data/x}
                    - name: exec
                      community.docker.docker_container_exec: {container: swarmplay-it-life, command: "cat /data/x"}
                    - name: job
                      docker_container: {name: swarmplay-it-job, image: %s, command: [sh, -c, "exit 7"], detach: false}
                """.formatted(IMAGE));
        String before = engineState();
        Run check = playbooks.apply(pb, "--check");
        assertEquals(before, engineState(), "check mode changed nothing");
        assertEquals(List.of("would_change", "would_change", "would_change", "would_change", "skipped", "would_change"),
                check.steps().stream().map(Playbooks.Step::status).toList(), check.output());
        Run plan = playbooks.plan(pb);
        assertEquals(List.of("create", "create", "create", "unknown", "run", "create"),
                plan.steps().stream().map(Playbooks.Step::action).toList(), plan.output());
        Run apply = playbooks.apply(pb);
        assertEquals("x", apply.step("exec").data().get("stdout").asText(), apply.output());
        assertEquals("failed", apply.step("job").status());
        assertEquals("container 'swarmplay-it-job' on " + HOST + " exited with code 7; the container printed nothing",
                apply.step("job").msg());
    }

    /** Containers, volumes and networks of the tests, with IDs and states, to show nothing changed. */
    private String engineState() {
        StringBuilder s = new StringBuilder();
        docker.listContainers(Map.of(), null).stream().filter(c -> c.name().startsWith(TestEngine.PREFIX))
                .forEach(c -> s.append(c.name()).append('/').append(c.id()).append('/').append(c.state()).append(';'));
        docker.listVolumes(Map.of()).stream().filter(v -> v.name().startsWith(TestEngine.PREFIX)).forEach(v -> s.append(v.name()).append(';'));
        docker.listNetworks(Map.of()).stream().filter(n -> n.name().startsWith(TestEngine.PREFIX)).forEach(n -> s.append(n.id()).append(';'));
        return s.toString();
    }

    @Test
    void waitForLogTimeoutNamesContainerHostAndLastLines() {
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: wait
                      docker_container:
                        name: swarmplay-it-wait
                        image: %s
                        command: [sh, -c, "echo booting; echo still booting; exec sleep 300"]
                        wait_for: {log: never-printed, timeout: 2}
                """.formatted(IMAGE));
        Run run = playbooks.apply(pb);
        assertEquals("failed", run.step("wait").status());
        assertEquals("timed out after 2s waiting for log matching 'never-printed' in container 'swarmplay-it-wait' "
                + "on " + HOST + "; last 20 log lines:\n  booting\n  still booting", run.step("wait").msg());
        assertTrue(run.output().contains("\"message\":\"waiting for log matching 'never-printed' in container "
                + "'swarmplay-it-wait' (1s of 2s; last line: still booting)\""), "progress while waiting:\n" + run.output());
    }

    @Test
    void waitForSucceedsOnLogLineAndExitCode() {
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: ready
                      docker_container:
                        name: swarmplay-it-ready
                        image: %1$s
                        command: [sh, -c, "sleep 0.3; echo server ready; exec sleep 300"]
                        wait_for: {log: "^server ready$", timeout: 30}
                        force_kill: true
                    - name: job
                      docker_container:
                        name: swarmplay-it-job
                        image: %1$s
                        command: [sh, -c, "exit 0"]
                        wait_for: {exited: 0, timeout: 30}
                """.formatted(IMAGE));
        Run run = playbooks.apply(pb);
        assertEquals(List.of("changed", "changed"), run.steps().stream().map(Playbooks.Step::status).toList(), run.output());
        assertEquals(0, docker.inspectContainer("swarmplay-it-job").orElseThrow().exitCode());
    }

    @Test
    void waitForSucceedsOnAFileASocketOnTheHostAndHealth() throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("healthy"));
        Files.writeString(ctx.resolve("Dockerfile"), "FROM " + IMAGE + "\nHEALTHCHECK --interval=1s CMD test -e /tmp/ok\n");
        docker.buildImage(ctx, "Dockerfile", Map.of(), List.of("swarmplay-it-img/healthy:1"));
        Path sockets = Files.createDirectories(dir.resolve("run"));
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: file
                      docker_container:
                        name: swarmplay-it-file
                        image: %1$s
                        command: [sh, -c, "sleep 0.3; touch /tmp/ready; exec sleep 300"]
                        wait_for: {file_in_container: /tmp/ready, timeout: 30}
                        force_kill: true
                    - name: socket
                      docker_container:
                        name: swarmplay-it-socket
                        image: %1$s
                        command: [sh, -c, "sleep 0.3; touch /run-sock/app.sock; exec sleep 300"]
                        volumes: ["%2$s:/run-sock"]
                        wait_for: {socket_on_host: "%2$s/app.sock", timeout: 30}
                        force_kill: true
                    - name: healthy
                      docker_container:
                        name: swarmplay-it-healthy
                        image: swarmplay-it-img/healthy:1
                        command: [sh, -c, "touch /tmp/ok; exec sleep 300"]
                        wait_for: {healthy: true, timeout: 30}
                        force_kill: true
                """.formatted(IMAGE, sockets));
        Run run = playbooks.apply(pb);
        assertEquals(List.of("changed", "changed", "changed"), run.steps().stream().map(Playbooks.Step::status).toList(),
                run.output());
        assertEquals("healthy", docker.inspectContainer("swarmplay-it-healthy").orElseThrow().health());
    }

    @Test
    void execRegistersRcStdoutStderrAndFailsOnNonZero() {
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - docker_container: {name: swarmplay-it-exec, image: %s, command: [sleep, "300"], force_kill: true}
                    - name: exec
                      community.docker.docker_container_exec:
                        container: swarmplay-it-exec
                        argv: [sh, -c, "echo out; echo err >&2; exit 3"]
                      register: r
                      failed_when: r.rc != 3
                    - assert: {that: ["r.stdout == 'out'", "r.stderr == 'err'", "r.rc == 3"]}
                    - name: guarded
                      docker_exec: {container: swarmplay-it-exec, command: "touch /tmp/done", creates_in_container: /tmp}
                    - name: fails
                      docker_exec: {container: swarmplay-it-exec, command: "sh -c 'echo boom >&2; exit 4'"}
                """.formatted(IMAGE));
        Run run = playbooks.apply(pb);
        assertEquals("changed", run.step("exec").status(), run.output());
        assertEquals("ok", run.steps().get(2).status(), run.output());
        assertEquals("none: /tmp exists in container swarmplay-it-exec", run.step("guarded").action() + ": " + run.step("guarded").msg());
        assertEquals("failed", run.step("fails").status());
        assertEquals("non-zero return code 4 in container swarmplay-it-exec on " + HOST + ": boom", run.step("fails").msg());
        assertEquals(4, run.step("fails").data().get("rc").asInt());
    }

    @Test
    void containerExecSendsStdinWithEndOfFileDetachesAndReturnsRcWithoutFailing() {
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - docker_container: {name: swarmplay-it-cexec, image: %s, command: [sleep, "300"], force_kill: true}
                    - name: missing
                      docker_container_exec: {container: swarmplay-it-nothing, command: "true"}
                      ignore_errors: true
                    - name: stdin
                      docker_container_exec: {container: swarmplay-it-cexec, argv: [sh, -c, "cat; exit 2"], stdin: "a\\nb", strip_empty_ends: false}
                      register: r
                    - assert: {that: ["r.stdout == 'a\\nb\\n'", "r.stdout_lines == ['a', 'b']", "r.rc == 2"]}
                    - name: detached
                      docker_container_exec: {container: swarmplay-it-cexec, argv: [sleep, "5"], detach: true}
                      register: d
                    - assert: {that: ["d.exec_id is string", "'rc' not in d"]}
                """.formatted(IMAGE));
        Run run = playbooks.apply(pb);
        assertEquals("Could not find container \"swarmplay-it-nothing\"", run.step("missing").msg(), run.output());
        assertEquals("changed", run.step("stdin").status(), run.output());
        assertEquals(List.of("changed", "failed", "changed", "ok", "changed", "ok"),
                run.steps().stream().map(Playbooks.Step::status).toList(), run.output());
    }

    @Test
    void containerCopyIntoIsIdempotentByContentModeAndOwnerAndFollowsLinksWhenAsked() {
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - docker_container: {name: swarmplay-it-cinto, image: %s, command: [sh, -c, "ln -s file /lnk; sleep 300"], force_kill: true}
                    - name: first
                      docker_container_copy_into: {container: swarmplay-it-cinto, content: "one\\n", container_path: /file, mode: "0644"}
                    - name: again
                      docker_container_copy_into: {container: swarmplay-it-cinto, content: "one\\n", container_path: /file, mode: "0644"}
                      diff: true
                      register: again
                    - name: owner
                      docker_container_copy_into: {container: swarmplay-it-cinto, content: "one\\n", container_path: /file, mode: "0644", owner_id: 7, group_id: 8}
                    - name: through link
                      docker_container_copy_into: {container: swarmplay-it-cinto, content: "one\\n", container_path: /lnk, mode: "0644", owner_id: 7, group_id: 8, follow: true}
                      register: link
                    - assert: {that: ["again.diff.before == 'one\\n'", "link.container_path == '/file'"]}
                """.formatted(IMAGE));
        Run run = playbooks.apply(pb);
        assertEquals(List.of("changed", "changed", "ok", "changed", "ok", "ok"),
                run.steps().stream().map(Playbooks.Step::status).toList(), run.output());
    }

    @Test
    void containerCopyIntoAStoppedContainerNeedsOwnerAndGroupAsInCommunityDocker() {
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - docker_container: {name: swarmplay-it-cstop, image: %s, command: [sleep, "300"], force_kill: true}
                    - docker_container: {name: swarmplay-it-cstop, state: stopped, force_kill: true}
                    - name: no owner
                      docker_container_copy_into: {container: swarmplay-it-cstop, content: "one\\n", container_path: /file, mode: "0644"}
                      ignore_errors: true
                    - name: owner
                      docker_container_copy_into: {container: swarmplay-it-cstop, content: "one\\n", container_path: /file, mode: "0644", owner_id: 7, group_id: 8}
                """.formatted(IMAGE));
        Run run = playbooks.apply(pb);
        assertEquals("failed", run.step("no owner").status(), run.output());
        assertEquals("Cannot execute command in paused container \"swarmplay-it-cstop\"", run.step("no owner").msg());
        assertEquals("changed", run.step("owner").status(), run.output());
    }

    @Test
    void copyInPutsFilesBeforeStartAndAChangeReplaces() {
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  vars: {node: a}
                  tasks:
                    - name: c
                      docker_container:
                        name: swarmplay-it-copyin
                        image: %s
                        command: [sh, -c, "cat /tmp/container_info_file; exec sleep 300"]
                        copy_in: [{content: "node={{ node }}\\n", dest: /tmp/container_info_file, mode: "0600"}]
                        wait_for: {log: "^node=", timeout: 30}
                        force_kill: true
                """.formatted(IMAGE));
        assertEquals("changed", playbooks.apply(pb).step("c").status());
        TarFile file = docker.copyOut("swarmplay-it-copyin", "/tmp/container_info_file").get(0);
        assertEquals("node=a\n", new String(file.content(), StandardCharsets.UTF_8));
        assertEquals(0600, file.mode());
        assertEquals("none", playbooks.apply(pb).step("c").action());
        Run changed = playbooks.apply(pb, "-e", "node=b");
        assertEquals("replace: copy_in changed", changed.step("c").msg());
        assertEquals("node=b", docker.logTail("swarmplay-it-copyin", 1).get(0));
    }

    @Test
    void volumeFilesAreComparedByChecksumAndUpdatedThroughAHelper() throws Exception {
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  vars: {v: 1}
                  tasks:
                    - name: vol
                      docker_volume:
                        name: swarmplay-it-files
                        labels: {app: it}
                        helper_image: %s
                        files: [{dest: conf/app.conf, content: "v={{ v }}\\n", mode: "0640"}]
                """.formatted(IMAGE));
        assertEquals("create volume swarmplay-it-files with 1 file", playbooks.plan(pb).step("vol").msg());
        assertEquals("create volume swarmplay-it-files with 1 file", playbooks.apply(pb).step("vol").msg());
        Path file = Path.of(docker.inspectVolume("swarmplay-it-files").orElseThrow().mountpoint(), "conf/app.conf");
        assertEquals("v=1\n", Files.readString(file));
        assertEquals("volume swarmplay-it-files exists and its 1 file is up to date", playbooks.apply(pb).step("vol").msg());
        Run update = playbooks.apply(pb, "-e", "v=2");
        assertEquals("update: put conf/app.conf into volume swarmplay-it-files", update.predictions().get(0).substring(4));
        assertEquals("v=2\n", Files.readString(file));
        assertTrue(docker.listContainers(Map.of("io.swarmplay.helper", "true"), null).isEmpty(), "helper removed");
    }

    @Test
    void networkSubnetChangeIsAReplaceThatDisconnectsAttachedContainers() {
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  vars: {subnet: 172.31.251.0/24}
                  tasks:
                    - name: net
                      docker_network: {name: swarmplay-it-sub, subnet: "{{ subnet }}"}
                    - docker_container:
                        name: swarmplay-it-subc
                        image: %s
                        command: [sleep, "300"]
                        networks: [{name: swarmplay-it-sub}]
                        force_kill: true
                """.formatted(IMAGE));
        playbooks.apply(pb);
        Run changed = playbooks.apply(pb, "-e", "subnet=172.31.252.0/24");
        assertEquals("replace: ipam_config[0].subnet changed 172.31.251.0/24 → 172.31.252.0/24 (disconnects swarmplay-it-subc)",
                changed.step("net").msg());
        assertEquals("172.31.252.0/24", docker.inspectNetwork("swarmplay-it-sub").orElseThrow().subnet());
        assertEquals("none", playbooks.apply(pb, "-e", "subnet=172.31.252.0/24").step("net").action());
    }

    @Test
    void imagesLoadFromATarBuildFromAContextAndLocalMustExist() throws Exception {
        docker.tagImage(IMAGE, "swarmplay-it-img/loadme", "1");
        try (OutputStream tar = Files.newOutputStream(dir.resolve("loadme.tar"))) {
            docker.saveImage("swarmplay-it-img/loadme:1", tar);
        }
        docker.removeImage("swarmplay-it-img/loadme:1", false);
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: load
                      community.docker.docker_image: {name: swarmplay-it-img/loadme, tag: "1", source: load, load_path: loadme.tar}
                    - name: build
                      docker_image: {name: swarmplay-it-img/built, tag: "1", source: build, build: {path: ctx}}
                    - name: local
                      docker_image: {name: swarmplay-it-img/missing, tag: "1", source: local}
                """, "ctx/Dockerfile", "FROM " + IMAGE + "\nLABEL built=yes\n");
        Run first = playbooks.apply(pb);
        assertEquals("create: load swarmplay-it-img/loadme:1 from loadme.tar", first.step("load").action() + ": " + first.step("load").msg());
        assertEquals("create: build swarmplay-it-img/built:1 from ctx", first.step("build").action() + ": " + first.step("build").msg());
        assertEquals("image swarmplay-it-img/missing:1 is not on " + HOST + " and source is local: load, build or pull it first",
                first.step("local").msg());
        assertEquals("yes", docker.inspectImage("swarmplay-it-img/built:1").orElseThrow().labels().get("built"));
        Run again = playbooks.apply(pb);
        assertEquals(List.of("load=none", "build=none"), again.actions().subList(0, 2), again.output());
        assertEquals("failed", again.step("local").status());
    }

    private void createLabelled(String name, String label, boolean start) {
        String id = docker.createContainer(new ContainerSpec(name, IMAGE, List.of("sleep", "300"), null, null,
                Map.of("swarmplay-it", label), null, null, null, null, null, null, null, null, false, false, null,
                false, null, null, null, null));
        if (start) docker.startContainer(id);
    }

    @Test
    void purgeRemovesWhatLabelsSelectThenHasNothingToDo() {
        createLabelled("swarmplay-it-p1", "purge", true);
        createLabelled("swarmplay-it-p2", "purge", false);
        docker.createVolume("swarmplay-it-pvol", null, Map.of("swarmplay-it", "purge"));
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: purge
                      docker_purge: {labels: {swarmplay-it: purge}, running: kill}
                """);
        Run plan = playbooks.plan(pb);
        String expected = "remove containers swarmplay-it-p2, swarmplay-it-p1; volumes swarmplay-it-pvol";
        assertEquals(List.of("swarmplay-it-p1", "swarmplay-it-p2"), sortedNames(plan.step("purge").msg()));
        assertEquals(plan.predictions(), playbooks.apply(pb).predictions());
        assertTrue(docker.inspectContainer("swarmplay-it-p1").isEmpty() && docker.inspectVolume("swarmplay-it-pvol").isEmpty(), expected);
        assertEquals("nothing to prune on " + HOST + "", playbooks.apply(pb).step("purge").msg());
    }

    @Test
    void purgeWithoutRunningIsRefusedAndKeepLeavesRunningContainers() {
        createLabelled("swarmplay-it-k1", "keep", true);
        createLabelled("swarmplay-it-k2", "keep", false);
        Path refused = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - docker_purge: {labels: {swarmplay-it: keep}}
                """);
        Run run = playbooks.apply(refused);
        assertNotEquals(0, run.code(), run.output());
        assertTrue(docker.inspectContainer("swarmplay-it-k1").isPresent() && docker.inspectContainer("swarmplay-it-k2").isPresent());
        Path keep = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - docker_purge: {labels: {swarmplay-it: keep}, running: keep}
                """);
        assertEquals(0, playbooks.apply(keep).code());
        assertTrue(docker.inspectContainer("swarmplay-it-k1").orElseThrow().running(), "the running container is kept");
        assertTrue(docker.inspectContainer("swarmplay-it-k2").isEmpty(), "the stopped one is removed");
    }

    @Test
    void pruneNeverRemovesARunningContainer() {
        createLabelled("swarmplay-it-run", "prune", true);
        createLabelled("swarmplay-it-stopped", "prune", false);
        String stopped = docker.inspectContainer("swarmplay-it-stopped").orElseThrow().id();
        String running = docker.inspectContainer("swarmplay-it-run").orElseThrow().id();
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: prune
                      community.docker.docker_prune:
                        containers: true
                        containers_filters: {label: swarmplay-it=prune}
                      register: r
                    - assert:
                        that:
                          - "r.containers == ['%s']"
                          - r.containers_space_reclaimed is number
                          - r.changed
                          - r.images is not defined
                """.formatted(stopped));
        Run run = playbooks.apply(pb);
        assertEquals(0, run.code(), run.output());
        assertTrue(docker.inspectContainer(running).orElseThrow().running(), "docker_prune left the running container running");
        assertTrue(docker.inspectContainer(stopped).isEmpty(), "docker_prune removed the stopped container");
        Run again = playbooks.apply(playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: prune
                      docker_prune: {containers: true, containers_filters: {label: swarmplay-it=prune}}
                """));
        assertEquals("ok", again.step("prune").status(), "nothing left to prune: not changed");
        assertTrue(docker.inspectContainer(running).orElseThrow().running());
    }

    @Test
    void infoModulesAndRegisteredResultsAreTheEnginesInspectOutput() {
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  collections: [community.docker]
                  tasks:
                    - docker_container: {name: swarmplay-it-inspect, image: %s, command: [sleep, "300"], env: {A: "1"},
                                         force_kill: true}
                      register: c
                    - docker_container_info: {name: swarmplay-it-inspect}
                      register: ci
                    - docker_container_info: {name: swarmplay-it-nothing}
                      register: missing
                    - docker_volume: {name: swarmplay-it-inspect-vol}
                      register: v
                    - docker_volume_info: {name: swarmplay-it-inspect-vol}
                      register: vi
                    - docker_network: {name: swarmplay-it-inspect-net}
                      register: n
                    - docker_network_info: {name: swarmplay-it-inspect-net}
                      register: ni
                    - docker_image_info: {name: ["%s"]}
                      register: ii
                    - docker_host_info: {containers: true, containers_filters: {name: swarmplay-it-inspect}}
                      register: hi
                    - assert:
                        that:
                          - c.container.Id == ci.container.Id
                          - "'A=1' in ci.container.Config.Env"
                          - ci.exists and ci.container.State.Status == 'running'
                          - ci.container.HostConfig is mapping
                          - not missing.exists
                          - v.volume.Name == 'swarmplay-it-inspect-vol' and vi.exists and vi.volume.Name == v.volume.Name
                          - n.network.Name == 'swarmplay-it-inspect-net' and ni.network.Id == n.network.Id
                          - ii.images | length == 1 and ii.images[0].Id == c.container.Image
                          - hi.host_info.Name is string and hi.can_talk_to_docker
                          - hi.containers | length == 1 and hi.containers[0].Id == c.container.Id
                          - hi.containers[0].ImageID is not defined and hi.images is not defined
                """.formatted(IMAGE, IMAGE));
        Run run = playbooks.apply(pb);
        assertEquals(0, run.code(), run.output());
        assertFalse(run.output().contains("collection"), run.output());
    }

    private static List<String> sortedNames(String summary) {
        return java.util.Arrays.stream(summary.replaceFirst("^remove containers ", "").replaceFirst(";.*", "").split(", "))
                .sorted().toList();
    }

    @Test
    void infoLogsAndCopyWorkOnALiveContainer() throws Exception {
        Path pb = playbooks.write("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - docker_container: {name: swarmplay-it-misc, image: %s, command: [sh, -c, "echo hello-log; exec sleep 300"],
                                         wait_for: {log: hello-log}, force_kill: true}
                    - name: info
                      docker_info: {container: swarmplay-it-misc, volume: swarmplay-it-none}
                      register: i
                    - assert: {that: ["i.container.running", "not i.volume.exists"]}
                    - name: logs
                      docker_logs: {container: swarmplay-it-misc, dest: "%s/misc.log", on: control}
                    - name: copy
                      docker_copy: {container: swarmplay-it-misc, content: "x=1\\n", dest: /tmp/x.conf, mode: "0600"}
                    - name: gone
                      docker_logs: {container: swarmplay-it-nothing, dest: /tmp/nothing.log, missing_ok: true}
                """.formatted(IMAGE, dir));
        Run first = playbooks.apply(pb);
        assertEquals(0, first.code(), first.output());
        assertEquals("hello-log\n", Files.readString(dir.resolve("misc.log")));
        Run second = playbooks.apply(pb);
        assertEquals(List.of("none", "none", "none", "none", "none", "none"),
                second.steps().stream().map(Playbooks.Step::action).toList(), second.output());
        ContainerState state = docker.inspectContainer("swarmplay-it-misc").orElseThrow();
        assertEquals("x=1\n", new String(docker.copyOut(state.id(), "/tmp/x.conf").get(0).content(), StandardCharsets.UTF_8));
    }
}
