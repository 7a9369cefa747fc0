package io.swarmplay.run;

import io.swarmplay.playbook.Play;
import io.swarmplay.playbook.VarsPrompt;
import io.swarmplay.source.UnsafeText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code vars_prompt} answered as ansible-playbook 2.14 does. */
class VarsPromptsTest {

    @TempDir
    Path dir;

    /** A terminal answering from a script, recording what it was asked and told. */
    private static final class Script implements VarsPrompts.Terminal {
        final Deque<String> answers;
        final List<String> seen = new ArrayList<>();

        Script(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public String ask(String question, boolean hidden) {
            seen.add((hidden ? "hidden " : "") + question);
            return answers.poll();
        }

        @Override
        public void say(String line) {
            seen.add(line);
        }
    }

    private Play play(VarsPrompt... prompts) {
        RunFixture fixture = new RunFixture(dir).hosts("h1").playbook("- {hosts: h1, gather_facts: false, vars: {kept: 1}, tasks: []}\n");
        Play play = io.swarmplay.playbook.PlaybookLoader.load(dir.resolve("site.yaml"), RunFixture.MODULES,
                new io.swarmplay.source.Diagnostics()).plays().get(0);
        return new Play(play.name(), play.hosts(), play.vars(), play.varsFiles(), play.preTasks(), play.tasks(),
                play.postTasks(), play.handlers(), play.gatherFacts(), play.anyErrorsFatal(), play.serial(),
                play.maxFailPercentage(), play.environment(), play.tags(), play.connection(), play.become(),
                play.taskFlags(), play.becomeUser(), play.at(), play.dir(), play.roleSearch(), play.forceHandlers(),
                play.hostOptions(), List.of(prompts));
    }

    @Test
    void withoutATerminalEachVariableTakesItsDefaultOrNullAndOneWarningSaysSo() {
        List<String> warnings = new ArrayList<>();
        Play asked = VarsPrompts.answer(play(new VarsPrompt("a", "A", "da", true, false, false),
                new VarsPrompt("b", "B", null, false, false, false), new VarsPrompt("c", "C", "dc", false, false, false)),
                Map.of("c", "extra"), null, warnings::add);
        Map<String, Object> expected = new HashMap<>(Map.of("kept", 1, "a", "da"));
        expected.put("b", "None"); // ansible-playbook 2.14: the text None (type_debug: str)
        assertEquals(expected, asked.vars());
        assertEquals(List.of(VarsPrompts.NOT_INTERACTIVE), warnings);
    }

    @Test
    void aTerminalIsAskedWithTheDefaultShownAndAnEmptyAnswerTakesTheDefault() {
        Script terminal = new Script("", "typed");
        Play asked = VarsPrompts.answer(play(new VarsPrompt("a", "Enter a", "da", true, false, false),
                new VarsPrompt("b", "Enter b", null, false, false, true)), Map.of(), terminal, w -> { });
        assertEquals("da", asked.vars().get("a"));
        assertEquals(new UnsafeText("typed"), asked.vars().get("b"));
        assertEquals(List.of("hidden Enter a [da]: ", "Enter b: "), terminal.seen);
    }

    @Test
    void confirmAsksAgainUntilBothAnswersMatch() {
        Script terminal = new Script("one", "two", "same", "same");
        Play asked = VarsPrompts.answer(play(new VarsPrompt("pw", "Password", null, true, true, false)), Map.of(),
                terminal, w -> { });
        assertEquals("same", asked.vars().get("pw"));
        assertEquals(List.of("hidden Password: ", "hidden confirm Password: ", "***** VALUES ENTERED DO NOT MATCH ****",
                "hidden Password: ", "hidden confirm Password: "), terminal.seen);
    }

    @Test
    void aPlayWithoutPromptsIsLeftAsItIs() {
        Play play = play();
        assertSame(play, VarsPrompts.answer(play, Map.of(), null, w -> { throw new AssertionError(w); }));
    }

    @Test
    void aRunWithoutTerminalUsesTheDefaultsAndExtraVarsAsAnsibleDoes() {
        RunFixture fixture = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: h1
                  gather_facts: false
                  vars_prompt:
                    - {name: a, prompt: A, default: "{{ 'd' ~ 'a' }}"}
                    - {name: b, prompt: B}
                    - {name: c, prompt: C, default: dc}
                  tasks:
                    - {name: show, debug: {msg: "{{ a }}|{{ b }}|{{ c }}"}}
                """);
        fixture.extraVars = Map.of("c", "E");
        RunFixture.Run run = fixture.run(Mode.APPLY);
        assertEquals(ExitStatus.OK, run.result().status(), run.output());
        assertEquals("da|None|E", run.events().finished().get(0).outcome().data().get("msg"), run.output());
        assertTrue(run.output().contains(VarsPrompts.NOT_INTERACTIVE), run.output());
    }
}
