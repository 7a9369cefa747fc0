package io.swarmplay.report;

import io.swarmplay.module.Change;
import io.swarmplay.module.Diff;
import io.swarmplay.module.Outcome;
import io.swarmplay.playbook.Task;
import io.swarmplay.report.RunEvent.HostFinished;
import io.swarmplay.report.RunEvent.ItemFinished;
import io.swarmplay.report.RunEvent.TaskKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class RedactorTest {

    /** The redactor never reads the task. */
    private static final Task TASK = null;

    private final Redactor redactor = new Redactor();

    @Test
    void everyLineOfAMultiLineSecretIsMaskedWhereverItAppears() {
        redactor.add("first-line-AAA\n  second-line-BBB  \nab\n");
        assertEquals("+" + Redactor.MASK, redactor.mask("+second-line-BBB"));
        assertEquals("key: " + Redactor.MASK + " and " + Redactor.MASK,
                redactor.mask("key: first-line-AAA and second-line-BBB"));
        assertEquals("ab stays: too short to mask", redactor.mask("ab stays: too short to mask"));
        assertEquals("x" + Redactor.MASK + "\ny", redactor.mask("xfirst-line-AAA\n  second-line-BBB  \nab\ny"));
    }

    @Test
    void aNoLogResultIsCensoredBeforeAnyListenerSeesIt() {
        Outcome outcome = Outcome.changed(Change.create("create /srv/x with NoLog-secret")
                        .withDiff(Diff.text("/srv/x", null, "NoLog-secret")))
                .withData(Map.of("content", "NoLog-secret"));
        HostFinished e = (HostFinished) redactor.redact(new HostFinished(TASK, "copy", TaskKind.TASK, "h1", null,
                outcome, Map.of("content", "NoLog-secret"), false, true));
        assertEquals(Redactor.CENSORED, e.outcome().message());
        assertEquals(Redactor.CENSORED, e.outcome().change().summary());
        assertNull(e.outcome().change().diff());
        assertEquals(Map.of("censored", Redactor.CENSORED, "changed", true), e.outcome().data(), "Ansible keeps changed beside the notice");
        assertEquals(Map.of(), e.args());
        assertFalse(String.valueOf(e).contains("NoLog-secret"), String.valueOf(e));
    }

    @Test
    void knownSecretsAreMaskedInEveryPartOfAnEvent() {
        redactor.add("Hunter2-pass");
        Outcome outcome = Outcome.failed("login as Hunter2-pass failed")
                .withChange(Change.update("write Hunter2-pass").withDiff(Diff.text("f", "old", "pw=Hunter2-pass\n")))
                .withData(Map.of("stderr", "Hunter2-pass"));
        ItemFinished e = (ItemFinished) redactor.redact(new ItemFinished(TASK, "h1", "Hunter2-pass", outcome,
                Map.of("nested", Map.of("v", "Hunter2-pass")), false));
        assertFalse(String.valueOf(e).contains("Hunter2"), String.valueOf(e));
        assertEquals("pw=" + Redactor.MASK + "\n", e.outcome().change().diff().after());
    }

    @Test
    void theItemsOfANoLogLoopAreLabelledAsAnsibleLabelsThem() {
        ItemFinished e = (ItemFinished) redactor.redact(new ItemFinished(TASK, "h1",
                "item-secret", Outcome.ok("fine"), Map.of(), true));
        assertEquals("None", e.label());
        assertEquals(Redactor.CENSORED, e.outcome().message());
    }
}
