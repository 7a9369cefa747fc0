package io.swarmplay.e2e;

import io.swarmplay.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

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
 * Saved plans of {@code playbooks/cifar10-spire.yaml} end to end on the two test hosts:
 * {@code --plan --out FILE} then {@code apply FILE}. A template changed between plan and apply,
 * and a container stopped on a host between plan and apply, make apply refuse, naming what moved,
 * with both hosts exactly as they were (containers, their start times, images, networks, volumes,
 * every file of the workspace and the model dir); a current plan is applied and brings the flow up.
 * The playbook and templates are a copy in the set's directory, so the test can edit a template.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SavedPlanIT {

    @RegisterExtension
    static final TestHosts HOSTS = new TestHosts("host-1", "host-2");

    static final String WD = "/opt/hpe/swarm-learning/workspace/spire/cifar10";
    static final String MODEL = "/tmp/spire/cifar10/model/saved_models/cifar10.h5";
    static Path inventory;
    static Path playbook;
    static Path template;

    /** One CLI run: exit status and both streams. */
    record Run(List<String> args, int exit, String out, String err) {
        String describe() {
            return "swarmplay " + String.join(" ", args) + " -> exit " + exit + "\n--- stdout:\n" + tail(out) + "\n--- stderr:\n" + tail(err);
        }

        private static String tail(String s) {
            return s.length() < 20000 ? s : "...\n" + s.substring(s.length() - 20000);
        }
    }

    @BeforeAll
    static void copyProjectAndGenerateInventory() throws IOException {
        Path project = HOSTS.dir().resolve("project");
        for (String dir : List.of("playbooks", "templates")) copyTree(HOSTS.repo().resolve(dir), project.resolve(dir));
        playbook = project.resolve("playbooks/cifar10-spire.yaml");
        template = project.resolve("templates/spire/server.conf.j2");
        inventory = LabInventory.generate(HOSTS.repo().resolve("inventory/two-hosts.yaml"), HOSTS.dir(),
                project.resolve("inventory/two-hosts-e2e.yaml"), TestHosts.DOCKER_ACCESS.equals("tcp"), Cifar10SpireIT.fastWaits());
    }

    @Test
    @Order(1)
    void aTemplateChangedAfterThePlanIsRefusedAndNothingIsTouched() throws IOException {
        Path saved = HOSTS.dir().resolve("fresh.plan");
        Run plan = swarmplay("-i", inventory.toString(), playbook.toString(), "--plan", "--out", saved.toString());
        assertEquals(0, plan.exit(), plan.describe());
        String before = hostsState();
        String original = Files.readString(template);
        Files.writeString(template, original + "# edited after the plan\n");
        try {
            Run apply = swarmplay("apply", saved.toString());
            assertEquals(4, apply.exit(), apply.describe());
            assertTrue(apply.err().contains("is stale") && apply.err().contains(template.toAbsolutePath() + " changed"), apply.describe());
        } finally {
            Files.writeString(template, original);
        }
        assertEquals(before, hostsState(), "a refused apply touched a host");
        for (int n = 1; n <= 2; n++) {
            assertEquals("", sh(n, "docker ps -aq; docker volume ls -q; docker network ls -q --filter name=host-"), "host-" + n + " not fresh");
            assertEquals("absent", sh(n, "test -e " + WD + " && echo present || echo absent").strip(), "workspace on host-" + n);
        }
    }

    @Test
    @Order(2)
    void aCurrentPlanIsAppliedAndBringsTheFlowUp() {
        Path saved = HOSTS.dir().resolve("up.plan");
        Run plan = swarmplay("-i", inventory.toString(), playbook.toString(), "--plan", "--out", saved.toString());
        assertEquals(0, plan.exit(), plan.describe());
        Run apply = swarmplay("apply", saved.toString());
        assertEquals(0, apply.exit(), apply.describe());
        assertTrue(apply.err().contains("is current: applying it"), apply.describe());
        for (int n = 1; n <= 2; n++) {
            assertTrue(sh(n, "cat " + MODEL).contains("peers=sl.sl-1 sl.sl-2 sl.sl-3 sl.sl-4"), "final model on host-" + n);
        }
    }

    @Test
    @Order(3)
    void aContainerStoppedAfterThePlanIsRefusedNamingItAndNothingIsTouched() {
        Path saved = HOSTS.dir().resolve("after.plan");
        Run plan = swarmplay("-i", inventory.toString(), playbook.toString(), "--plan", "--out", saved.toString());
        assertEquals(0, plan.exit(), plan.describe());
        sh(2, "docker stop -t 2 sn-2");
        String before = hostsState();
        Run apply = swarmplay("apply", saved.toString());
        assertEquals(4, apply.exit(), apply.describe());
        assertTrue(apply.err().contains("is stale") && apply.err().contains("host state changed: host-2 docker_container.sn-2"), apply.describe());
        assertEquals(before, hostsState(), "a refused apply touched a host");
        assertEquals("false", sh(2, "docker inspect -f '{{.State.Running}}' sn-2").strip(), "the refused apply started sn-2 again");
    }

    // ---- helpers ---------------------------------------------------------------------------

    /**
     * Everything a run could change on both hosts: containers (id, state, start and finish times),
     * images, networks, volumes, and every path of the workspace and the model dir with its mtime,
     * size and mode.
     */
    static String hostsState() {
        StringBuilder b = new StringBuilder();
        for (int n = 1; n <= 2; n++) {
            b.append("== host-").append(n).append('\n').append(sh(n, String.join("; ",
                    "docker ps -aq --no-trunc | sort | xargs -r docker inspect -f '{{.Name}} {{.Id}} {{.State.Status}} {{.State.StartedAt}} {{.State.FinishedAt}}'",
                    "docker images -q --no-trunc | sort",
                    "docker network ls -q --no-trunc | sort",
                    "docker volume ls -q | sort",
                    "find " + WD + " /tmp/spire -printf '%p %T@ %s %m\\n' 2>/dev/null | sort; true")));
        }
        return b.toString();
    }

    static String sh(int n, String command) {
        return HOSTS.sshOk(HOSTS.host("host-" + n), command);
    }

    static Run swarmplay(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        System.out.printf("[e2e] swarmplay %s -> %d in %.1fs%n", String.join(" ", args).replace(HOSTS.dir().toString(), "$TMP"),
                exit, (System.nanoTime() - t0) / 1e9);
        return new Run(List.of(args), exit, out.toString(), err.toString());
    }

    static void copyTree(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(all::add);
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) Files.createDirectories(target);
            else Files.copy(p, target);
        }
    }
}
