package io.swarmplay.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --plan --out FILE}, {@code apply FILE} and {@code show FILE} with the local connection, end to end. */
class SavedPlanTest {

    private static final String SECRET = "Tok3n-9QvZ1mXa";

    @TempDir
    Path dir;

    private Path inventory;
    private Path playbook;
    private Path template;
    private Path saved;

    @BeforeEach
    void files() throws IOException {
        inventory = write("inv.yaml", "all:\n  hosts:\n    localhost: {ansible_connection: local}\n");
        template = write("templates/greet.j2", "hello {{ who }}\n");
        playbook = write("site.yaml", """
                - hosts: all
                  gather_facts: false
                  vars: {who: world, out: "%s"}
                  tasks:
                    - name: out dir
                      file: {path: "{{ out }}", state: directory}
                    - name: greeting
                      template: {src: greet.j2, dest: "{{ out }}/greet.txt"}
                    - name: token file
                      copy: {content: "%s", dest: "{{ out }}/token"}
                      no_log: true
                """.formatted(dir.resolve("out"), SECRET));
        saved = dir.resolve("site.plan");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private CliTest.Result planOut() {
        CliTest.Result plan = CliTest.swarmplay("-i", inventory.toString(), playbook.toString(), "--plan", "--out", saved.toString());
        assertEquals(0, plan.code(), plan.out() + plan.err());
        assertTrue(plan.err().contains("Saved the plan to " + saved), plan.err());
        return plan;
    }

    @Test
    void applyRunsTheSavedPlanWhenNothingMoved() throws IOException {
        planOut();
        CliTest.Result apply = CliTest.swarmplay("apply", saved.toString());
        assertEquals(0, apply.code(), apply.out() + apply.err());
        assertTrue(apply.err().contains("Saved plan " + saved + " is current: applying it."), apply.err());
        assertEquals("hello world\n", Files.readString(dir.resolve("out/greet.txt")));
        // the secret was rendered again at apply from the same files, never read from the plan file
        assertEquals(SECRET, Files.readString(dir.resolve("out/token")));
    }

    @Test
    void theSavedPlanHoldsFileAndStateHashesButNoSecret() throws IOException {
        planOut();
        String text = Files.readString(saved);
        assertFalse(text.contains(SECRET), text);
        assertTrue(text.contains("\"" + template.toAbsolutePath() + "\": \""), "the template is hashed:\n" + text);
        assertTrue(text.contains("\"" + playbook.toAbsolutePath() + "\": \""), text);
        assertTrue(text.contains("\"state_sha256\": \""), text);
    }

    @Test
    void aChangedTemplateMakesThePlanStaleAndNothingIsTouched() throws IOException {
        planOut();
        Files.writeString(template, "hello {{ who }}!\n");
        CliTest.Result apply = CliTest.swarmplay("apply", saved.toString());
        assertEquals(4, apply.code(), apply.out() + apply.err());
        assertTrue(apply.err().startsWith("error: Saved plan " + saved + " is stale:"), apply.err());
        assertTrue(apply.err().contains("\n  " + template.toAbsolutePath() + " changed\n"), apply.err());
        assertFalse(Files.exists(dir.resolve("out")), "a refused apply changed the host");
    }

    @Test
    void aChangedHostStateMakesThePlanStaleNamingTheStep() throws IOException {
        planOut();
        Files.createDirectories(dir.resolve("out"));
        CliTest.Result apply = CliTest.swarmplay("apply", saved.toString());
        assertEquals(4, apply.code(), apply.out() + apply.err());
        assertTrue(apply.err().contains("  host state changed: localhost file." + dir.resolve("out") + " (out dir): planned '+ create"
                + " directory " + dir.resolve("out") + "', now '= "), apply.err());
        assertFalse(Files.exists(dir.resolve("out/greet.txt")), "a refused apply changed the host");
    }

    @Test
    void showPrintsTheSavedPlanAsTextAndJson() {
        planOut();
        CliTest.Result show = CliTest.swarmplay("show", saved.toString());
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("+ template." + dir.resolve("out/greet.txt") + "  (create"), show.out());
        assertTrue(show.out().contains("Plan: 3 to create, 0 to change"), show.out());
        CliTest.Result json = CliTest.swarmplay("show", saved.toString(), "--json");
        assertTrue(json.out().contains("{\"address\":\"localhost template." + dir.resolve("out/greet.txt") + "\""), json.out());
        assertFalse((show.out() + json.out()).contains(SECRET));
    }

    @Test
    void aFileThatIsNoSavedPlanIsRefused() {
        CliTest.Result apply = CliTest.swarmplay("apply", playbook.toString());
        assertEquals(4, apply.code(), apply.err());
        assertTrue(apply.err().contains("is not a saved plan (write one with --plan --out FILE)"), apply.err());
        CliTest.Result noPlan = CliTest.swarmplay("-i", inventory.toString(), playbook.toString(), "--out", saved.toString());
        assertEquals(5, noPlan.code(), noPlan.err());
        assertTrue(noPlan.err().contains("error: --out works with --plan only (it saves the plan)"), noPlan.err());
    }
}
