package io.swarmplay.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command's option table, built with picocli's programmatic API ({@link SwarmplayCommand#model}):
 * every option reaches its field, nothing is shared between two command lines, and the help text is
 * the one the annotated command printed (cli/help.txt, its output before the change).
 */
class CommandModelTest {

    private static SwarmplayCommand parse(String... args) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return SwarmplayCommand.commandLine(sink, sink).parseArgs(args).commandSpec().commandLine().getCommand();
    }

    @Test
    void everyOptionReachesItsField() {
        SwarmplayCommand c = parse("-i", "a.yaml", "--inventory=b.yaml", "site.yaml", "more.yaml", "-C", "-D",
                "--force-handlers", "--plan", "--offline", "--detailed-exitcode", "--out", "p.json", "--json",
                "-e", "x=1", "-e", "@v.yaml", "-l", "web", "-t", "a,b", "-t", "c", "--skip-tags", "d,e",
                "--list-tasks", "--list-hosts", "--list-tags", "--syntax-check", "--start-at-task", "t*", "-f", "3",
                "-vvv", "-c", "smart", "-u", "ops", "--private-key", "k", "-T", "7", "-b", "--become-user", "app",
                "--vault-password-file", "pw", "--vault-id", "dev@prompt", "-J", "--wait-lock=9", "--timings",
                "--no-color");
        assertEquals(List.of("a.yaml", "b.yaml"), c.inventories);
        assertEquals(List.of(Path.of("site.yaml"), Path.of("more.yaml")), c.playbooks);
        assertTrue(c.check && c.diff && c.forceHandlers && c.plan && c.offline && c.detailedExitcode && c.json);
        assertEquals(Path.of("p.json"), c.saveTo);
        assertEquals(List.of("x=1", "@v.yaml"), c.extraVars);
        assertEquals("web", c.limit);
        assertEquals(List.of("a", "b", "c"), c.tags);
        assertEquals(List.of("d", "e"), c.skipTags);
        assertTrue(c.listTasks && c.listHosts && c.listTags && c.syntaxCheck);
        assertEquals("t*", c.startAtTask);
        assertEquals(3, c.forks);
        assertEquals(3, c.verbosity());
        assertEquals("ssh", c.connection, "smart is ssh");
        assertEquals("ops", c.user);
        assertEquals("k", c.privateKey);
        assertEquals(7, c.timeout);
        assertTrue(c.become);
        assertEquals("app", c.becomeUser);
        assertEquals(List.of("pw"), c.vaultPasswordFiles);
        assertEquals(List.of("dev@prompt"), c.vaultIds);
        assertTrue(c.askVaultPass && c.timings && c.noColor);
        assertEquals(9L, c.waitLock);
        assertEquals(List.of("-i", "a.yaml", "--inventory=b.yaml"), c.originalArgs().subList(0, 3));
    }

    @Test
    void withoutOptionsTheFieldsKeepTheirDefaultsAndNoTwoCommandLinesShareALIst() {
        SwarmplayCommand first = parse("-t", "a", "-i", "x", "site.yaml");
        SwarmplayCommand plain = parse("site.yaml");
        assertEquals(List.of(), plain.tags);
        assertEquals(List.of(), plain.inventories);
        assertEquals(List.of(), plain.extraVars);
        assertFalse(plain.check || plain.plan || plain.become || plain.help || plain.version);
        assertNull(plain.forks);
        assertNull(plain.waitLock());
        assertArrayEquals(new boolean[0], plain.verbose);
        assertEquals(List.of("a"), first.tags);
        assertEquals(List.of("x"), first.inventories);
    }

    @Test
    void theHelpIsTheAnnotatedCommandsHelp() throws IOException {
        StringWriter out = new StringWriter();
        int code = Main.execute(new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        try (InputStream golden = getClass().getResourceAsStream("/cli/help.txt")) {
            assertEquals(new String(golden.readAllBytes(), StandardCharsets.UTF_8), out.toString());
        }
    }

    @Test
    void versionAndUsageErrorsAreAnsweredAsBefore() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new String[] {"--version"}, new PrintWriter(out, true), new PrintWriter(err, true)));
        assertTrue(out.toString().startsWith("swarmplay "), out.toString());
        err.getBuffer().setLength(0);
        assertEquals(5, Main.execute(new String[] {"--forks=x", "a.yml"}, new PrintWriter(out, true), new PrintWriter(err, true)));
        assertEquals("error: Invalid value for option '--forks': 'x' is not an int\n"
                + "  run 'swarmplay --help' for the options\n", err.toString());
        err.getBuffer().setLength(0);
        assertEquals(5, Main.execute(new String[] {"-i"}, new PrintWriter(out, true), new PrintWriter(err, true)));
        assertEquals("error: Missing required parameter for option '--inventory' (INVENTORY)\n"
                + "  run 'swarmplay --help' for the options\n", err.toString());
    }
}
