package io.swarmplay.modules.support;

import io.swarmplay.connection.Command;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpansionTest {

    /** Runs {@code printf '%s|' ARGS} through the expansion in /bin/sh with a known environment. */
    private static String expanded(String... args) throws IOException, InterruptedException {
        List<String> argv = new java.util.ArrayList<>(List.of("printf", "%s|"));
        argv.addAll(List.of(args));
        Command command = Expansion.command(argv);
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        builder.environment().clear();
        builder.environment().put("HOME", "/home/tester");
        builder.environment().put("SET", "value");
        builder.environment().put("EMPTY", "");
        builder.environment().put("PATH", "/usr/bin:/bin");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        return out;
    }

    @Test
    void setVariablesExpandUnsetOnesStayAsWritten() throws Exception {
        assertEquals("value|${UNSET}x|$UNSET|a-value-b||$|$1|", expanded("$SET", "${UNSET}x", "$UNSET", "a-${SET}-b",
                "$EMPTY", "$", "$1"));
    }

    @Test
    void aLeadingTildeIsTheHomeDirectoryNowhereElseAndNothingElseIsInterpreted() throws Exception {
        assertEquals("/home/tester|/home/tester/x y|a~b|$(id)|*|'q'|", expanded("~", "~/x y", "a~b", "$(id)", "*", "'q'"));
    }

    @Test
    void argumentsWithoutAnythingToExpandRunAsTheyAre() {
        assertFalse(Expansion.command(List.of("echo", "a b")).shell());
        assertTrue(Expansion.command(List.of("echo", "$HOME")).shell());
    }
}
