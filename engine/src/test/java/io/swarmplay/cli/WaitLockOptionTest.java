package io.swarmplay.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code --wait-lock[=SECONDS]}: the value is optional, and a playbook after the flag is not taken for it. */
class WaitLockOptionTest {

    private static SwarmplayCommand parse(String... args) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return SwarmplayCommand.commandLine(sink, sink).parseArgs(args).commandSpec().commandLine().getCommand();
    }

    @Test
    void withoutTheFlagARunDoesNotWait() {
        assertNull(parse("site.yaml").waitLock());
    }

    @Test
    void withoutSecondsItWaitsAsLongAsItTakesAndThePlaybookStaysAPlaybook() {
        SwarmplayCommand command = parse("--wait-lock", "site.yaml");
        assertEquals(ChronoUnit.FOREVER.getDuration(), command.waitLock());
        assertEquals(List.of(java.nio.file.Path.of("site.yaml")), command.playbooks);
        assertEquals(ChronoUnit.FOREVER.getDuration(), parse("site.yaml", "--wait-lock").waitLock());
    }

    @Test
    void secondsAttachedOrFollowing() {
        assertEquals(Duration.ofSeconds(30), parse("--wait-lock=30", "site.yaml").waitLock());
        assertEquals(Duration.ofSeconds(45), parse("--wait-lock", "45", "site.yaml").waitLock());
    }

    @Test
    void aValueThatIsNoNumberIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"--wait-lock=soon", "site.yaml"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        assertEquals(5, code);
        assertEquals("error: Invalid value for option '--wait-lock': 'soon' is not a long", err.toString().lines()
                .findFirst().orElse(""));
    }
}
