package io.swarmplay.playbooks;

import io.swarmplay.playbooks.LocalSwarm.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parts of {@code playbooks/cifar10-spire.yaml} that decide on their own (templates, the
 * preflight's SPIRE checks, the training's completion check), run with the repository's
 * {@code inventory/group_vars/all.yaml} on two local hosts: no Docker, no SSH.
 */
class Cifar10PlaybookTest {

    static final Path REPO = LocalSwarm.REPO;
    static final String FINAL_LINE = "SwarmCallback : INFO : All peers and Swarm training rounds finished. Final Swarm model was loaded.";

    @TempDir
    Path dir;

    LocalSwarm swarm;

    @BeforeEach
    void swarm() {
        swarm = new LocalSwarm(dir);
    }

    Run play(String swarmVars, String playVars, String tasks) throws IOException {
        return swarm.play(swarmVars, playVars, tasks);
    }

    Run render(String swarmVars, String template) throws IOException {
        return swarm.render(swarmVars, template);
    }

    String rendered(String host) throws IOException {
        return swarm.rendered(host);
    }

    // ---- risk 3: swci-init names the SN API port of the inventory -------------------------

    @Test
    void swciInitWaitsForAndConnectsToTheInventorysSnApiPort() throws IOException {
        Run run = render("sn_api_port: 31304", "templates/swci/swci-init.j2");
        assertEquals(0, run.exit(), run.out());
        String script = rendered("host-1");
        assertTrue(script.contains("\nwait for ip 10.9.0.1 31304\n"), script);
        assertTrue(script.contains("\ncreate context example with ip 10.9.0.1 31304\n"), script);
    }

    // ---- risk 2: /tmp/container_info_file holds the container's id, as HPE's `common` writes it --

    static Object loadYaml(String file) throws IOException {
        return new Load(LoadSettings.builder().build()).loadFromString(Files.readString(REPO.resolve(file)));
    }

    /** The values of every {@code key} anywhere in the YAML {@code files} (tasks, blocks, module arguments). */
    static List<Object> valuesOf(String key, String... files) throws IOException {
        List<Object> found = new ArrayList<>();
        for (String file : files) collect(loadYaml(file), key, found);
        return found;
    }

    static void collect(Object node, String key, List<Object> found) {
        if (node instanceof Map<?, ?> map) {
            if (map.containsKey(key)) found.add(map.get(key));
            map.values().forEach(v -> collect(v, key, found));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, key, found));
        }
    }

    @Test
    void snSwopAndSwciGetTheirOwnContainerIdImageReferenceAndImageIdInContainerInfoFile() throws IOException {
        List<Map<?, ?>> items = valuesOf("copy_in", "playbooks/tasks/swarm.yaml", "playbooks/tasks/training.yaml").stream()
                .flatMap(v -> ((List<?>) v).stream()).<Map<?, ?>>map(i -> (Map<?, ?>) i).toList();
        List<Map<?, ?>> infoFiles = items.stream().filter(i -> "/tmp/container_info_file".equals(i.get("dest"))).toList();
        assertEquals(4, infoFiles.size(), "the sentinel SN, the other SNs, SWOP and SWCI: " + items);
        for (Map<?, ?> item : infoFiles) {
            assertEquals("{{ container_info_lines }}", item.get("inspect_lines"), "filled from the created container: " + item);
            assertFalse(item.containsKey("content") || item.containsKey("src"), "no text of our own (a name is not an id): " + item);
        }
        Run run = play("", "out: " + dir.resolve("lines.json"), """
                - copy: {content: "{{ container_info_lines | to_json }}", dest: "{{ out }}"}
                  delegate_to: localhost
                  run_once: true
                """);
        assertEquals(0, run.exit(), run.out());
        assertEquals("[\"Id\", \"Config.Image\", \"Image\"]", Files.readString(dir.resolve("lines.json")));
    }

    // ---- risk 6: one setting for SWCI's task waits and swarmplay's wait -------------------

    @Test
    void swciTaskWaitsAreTrainingTimeoutInMinutes() throws IOException {
        Run run = play("training_timeout: 5410", "out: " + dir.resolve("env.json"), """
                - copy: {content: "{{ swci_wait_env | to_json }}", dest: "{{ out }}"}
                  delegate_to: localhost
                  run_once: true
                """);
        assertEquals(0, run.exit(), run.out());
        assertEquals("{\"SWCI_TASK_MAX_WAIT_TIME\": \"91\", \"SWCI_RUN_TASK_MAX_WAIT_TIME\": \"91\", \"SWCI_GENERIC_TASK_MAX_WAIT_TIME\": \"91\"}",
                Files.readString(dir.resolve("env.json")));
        Map<?, ?> swci = (Map<?, ?>) valuesOf("docker_container", "playbooks/tasks/training.yaml").get(0);
        assertEquals("{{ swci_name }}", swci.get("name"));
        assertTrue(String.valueOf(swci.get("env")).endsWith("| combine(swci_wait_env) }}"), "the SWCI container gets swci_wait_env: " + swci.get("env"));
        assertEquals(List.of("{{ (training_timeout | int / poll_interval | int) | round(0, 'ceil') | int }}"),
                valuesOf("retries", "playbooks/tasks/training.yaml"), "swarmplay's one wait for SWCI: training_timeout");
    }

    // ---- risks 4 and 5: preflight's SPIRE checks ---------------------------------------------

    List<String> spireProblems(String hostInfo, String swarmVars) throws IOException {
        Run run = play(swarmVars, "out: " + dir.resolve("problems") + "\ndocker_check: {host_info: " + hostInfo + "}", """
                - import_tasks: %s
                - copy: {content: "{{ spire_problems | join('\\n') }}", dest: "{{ out }}-{{ inventory_hostname }}"}
                  delegate_to: localhost
                """.formatted(REPO.resolve("playbooks/tasks/preflight-spire.yaml")));
        assertEquals(0, run.exit(), run.out());
        String text = Files.readString(dir.resolve("problems-host-1"));
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Test
    void preflightRefusesCgroupV2WithTheCgroupfsDriverNamingTheFix() throws IOException {
        List<String> problems = spireProblems("{CgroupVersion: '2', CgroupDriver: cgroupfs}", "");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("cgroup v2 with the cgroupfs driver"), problems.get(0));
        assertTrue(problems.get(0).contains("native.cgroupdriver=systemd"), problems.get(0));
        assertTrue(problems.get(0).contains("SPIRE 1.9.6 or later") && problems.get(0).contains("use_new_container_locator"), problems.get(0));
        assertEquals(List.of(), spireProblems("{CgroupVersion: '2', CgroupDriver: systemd}", ""));
        assertEquals(List.of(), spireProblems("{CgroupVersion: '1', CgroupDriver: cgroupfs}", ""));
        assertEquals(List.of(), spireProblems("{CgroupVersion: '2', CgroupDriver: cgroupfs}",
                "spire_version: '1.11.0'\nspire_container_user: '0:0'\nspire_new_container_locator: true"));
    }

    @Test
    void preflightRefusesTheNewContainerLocatorWithSpire184() throws IOException {
        List<String> problems = spireProblems("{CgroupVersion: '2', CgroupDriver: cgroupfs}", "spire_new_container_locator: true");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("spire_new_container_locator: true needs SPIRE 1.9.6 or later"), problems.get(0));
        List<String> v195 = spireProblems("{CgroupVersion: '2', CgroupDriver: cgroupfs}", "spire_version: '1.9.5'\nspire_new_container_locator: true");
        assertEquals(1, v195.size(), "spiffe/spire#5076 came with 1.9.6: " + v195);
        assertEquals(List.of(), spireProblems("{CgroupVersion: '2', CgroupDriver: cgroupfs}", "spire_version: '1.9.6'\nspire_new_container_locator: true"));
    }

    @Test
    void preflightRefusesSpire110ImagesUnlessTheyRunAsRoot() throws IOException {
        List<String> problems = spireProblems("{CgroupVersion: '1', CgroupDriver: cgroupfs}", "spire_version: '1.10.3'");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("run as uid 1000") && problems.get(0).contains("spire_container_user: \"0:0\""), problems.get(0));
        assertEquals(List.of(), spireProblems("{CgroupVersion: '1', CgroupDriver: cgroupfs}", "spire_version: '1.10.3'\nspire_container_user: '0:0'"));
        assertEquals(List.of(), spireProblems("{CgroupVersion: '1', CgroupDriver: cgroupfs}", "spire_version: '1.9.6'"));
        assertEquals(List.of(), spireProblems("{}", ""), "SPIRE 1.8.4 on an engine that says nothing of cgroups");
    }

    @Test
    void bothSpireContainersRunAsSpireContainerUserTheFixPreflightNames() throws IOException {
        List<Object> images = new ArrayList<>();
        for (Object container : valuesOf("docker_container", "playbooks/tasks/spire-servers.yaml", "playbooks/tasks/agents.yaml")) {
            Map<?, ?> c = (Map<?, ?>) container;
            images.add(c.get("image"));
            assertEquals("{{ spire_container_user | default(omit) }}", c.get("user"), c.toString());
        }
        assertEquals(List.of("{{ spire_server_image }}", "{{ spire_agent_image }}"), images);
    }

    @Test
    void preflightReportsTheSpireProblemsWithEveryOtherProblem() throws IOException {
        String preflight = Files.readString(REPO.resolve("playbooks/tasks/preflight.yaml"));
        assertTrue(preflight.indexOf("- import_tasks: preflight-spire.yaml") > preflight.indexOf("register: docker_check"));
        assertTrue(preflight.contains("{% for p in spire_problems | default([]) %}"));
    }

    @Test
    void agentConfSetsTheNewContainerLocatorOnlyWhenAsked() throws IOException {
        assertEquals(0, render("join_token: x\nspire_new_container_locator: true", "templates/spire/agent.conf.j2").exit());
        assertTrue(rendered("host-1").contains("use_new_container_locator = true"), rendered("host-1"));
        assertEquals(0, render("join_token: x", "templates/spire/agent.conf.j2").exit());
        assertTrue(!rendered("host-1").contains("use_new_container_locator"), rendered("host-1"));
    }

    // ---- risk 1: the training is done when every ML container logged HPE's final line -----------

    Run mlFinished(String log1, String log2) throws IOException {
        return mlFinished(log1, log2, "Exited (0) 3 seconds ago");
    }

    Run mlFinished(String log1, String log2, String status2) throws IOException {
        return mlFinished(log1, log2, status2, 0);
    }

    Run mlFinished(String log1, String log2, String status2, int swciExit) throws IOException {
        Path logs = dir.resolve("logs/host-1");
        Files.createDirectories(logs);
        Files.writeString(logs.resolve("demo-spire_cifar10_task-u-0-aa.log"), log1);
        Files.writeString(logs.resolve("demo-spire_cifar10_task-u-1-bb.log"), log2);
        Files.writeString(logs.resolve("demo-spire_cifar10_task-u-0-old.log"), "an earlier run\n");
        return play("logs_dest: " + dir.resolve("logs"), """
                training_ran: true
                ml_containers:
                  containers:
                    - {Names: [/demo-spire_cifar10_task-u-0-old], Created: 100, Status: Exited (1) 2 hours ago}
                    - {Names: [/demo-spire_cifar10_task-u-0-aa], Created: 200, Status: Exited (0) 4 seconds ago}
                    - {Names: [/demo-spire_cifar10_task-u-1-bb], Created: 201, Status: "%s"}
                """.formatted(status2), """
                - set_fact: {swci_state: {container: {State: {ExitCode: %d}}}}   # registered by training.yaml on every host
                - import_tasks: %s
                  when: inventory_hostname == 'host-1'
                """.formatted(swciExit, REPO.resolve("playbooks/tasks/training-ml-finished.yaml")));
    }

    @Test
    void trainingIsDoneWhenEveryMlContainerOfThisRunLoggedTheFinalLine() throws IOException {
        Run done = mlFinished("epoch 2\n" + FINAL_LINE + "\n", FINAL_LINE + "\nSaved\n");
        assertEquals(0, done.exit(), done.out());
        assertTrue(done.out().contains("demo-spire_cifar10_task-u-1-bb, demo-spire_cifar10_task-u-0-aa finished"), done.out());
    }

    @Test
    void swcisOwnExitStatusDecidesNothingWhenEveryMlContainerFinished() throws IOException {
        for (int swciExit : new int[] {1, 137}) {
            Run done = mlFinished(FINAL_LINE + "\n", FINAL_LINE + "\n", "Exited (0) 3 seconds ago", swciExit);
            assertEquals(0, done.exit(), "SWCI exited " + swciExit + ": " + done.out());
            assertTrue(done.out().contains("demo-spire_cifar10_task-u-1-bb, demo-spire_cifar10_task-u-0-aa finished"), done.out());
        }
    }

    /** Every step of the training files without its messages (debug, assert's fail_msg/success_msg). */
    static List<Object> trainingStepsWithoutMessages() throws IOException {
        List<Object> steps = new ArrayList<>();
        for (String file : List.of("playbooks/tasks/training.yaml", "playbooks/tasks/training-ml-finished.yaml")) {
            Object loaded = loadYaml(file);
            for (Object task : (List<?>) loaded) {
                Map<Object, Object> step = new LinkedHashMap<>((Map<?, ?>) task);
                step.remove("debug");
                if (step.get("assert") instanceof Map<?, ?> a) {
                    Map<Object, Object> args = new LinkedHashMap<>(a);
                    args.keySet().removeAll(List.of("fail_msg", "success_msg"));
                    step.put("assert", args);
                }
                steps.add(step);
            }
        }
        return steps;
    }

    @Test
    void noTrainingStepWaitsForOrTestsSwcisExitStatus() throws IOException {
        List<Object> steps = trainingStepsWithoutMessages();
        assertTrue(steps.size() > 5, steps.toString());
        for (Object step : steps) {
            String text = step.toString();
            assertFalse(text.contains("ExitCode"), "SWCI's status decides only messages: " + text);
            assertFalse(text.contains("swci_name") && text.contains("wait_for"), "no wait for SWCI's exit status: " + text);
        }
    }

    @Test
    void trainingFailsNamingTheMlContainerWithoutTheFinalLine() throws IOException {
        Run failed = mlFinished(FINAL_LINE + "\n", "epoch 1\nOSError: Unable to create file\n");
        assertNotEquals(0, failed.exit(), failed.out());
        assertTrue(failed.out().contains("not finished: demo-spire_cifar10_task-u-1-bb (no line"), failed.out());
        assertTrue(failed.out().contains("SWCI exited with 0"), "SWCI's own status is only information: " + failed.out());
    }

    @Test
    void trainingFailsNamingTheMlContainerThatLoggedTheLineButFailedItsSave() throws IOException {
        Run failed = mlFinished(FINAL_LINE + "\n", FINAL_LINE + "\nOSError: Unable to create file (unable to lock file)\n", "Exited (1) 2 seconds ago");
        assertNotEquals(0, failed.exit(), failed.out());
        assertTrue(failed.out().contains("not exited 0: demo-spire_cifar10_task-u-1-bb"), failed.out());
    }
}
