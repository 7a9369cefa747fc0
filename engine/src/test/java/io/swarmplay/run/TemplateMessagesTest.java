package io.swarmplay.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A failed template's result {@code msg} is ansible-playbook 2.14's, word for word (playbooks compare it). */
class TemplateMessagesTest {

    @TempDir
    Path dir;

    private String msg(String task) {
        RunFixture.Run run = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: h1
                  gather_facts: false
                  tasks:
                """ + task.indent(4)).run(Mode.APPLY);
        return run.events().finished().get(0).outcome().message();
    }

    private String location(int line, String previous, String offending) {
        return "\n\nThe error appears to be in '" + dir.resolve("site.yaml").toAbsolutePath() + "': line " + line
                + ", column 7, but may\nbe elsewhere in the file depending on the exact syntax problem.\n\n"
                + "The offending line appears to be:\n\n" + previous + "\n" + offending + "\n      ^ here\n";
    }

    @Test
    void aFilterErrorIsTheFiltersOwnMessage() {
        assertEquals("'recursive' and 'list_merge' are the only valid keyword arguments",
                msg("- debug: {msg: \"{{ {} | combine({}, foo=1) }}\"}"));
        assertEquals("Mandatory variable 'hey'  not defined.", msg("- debug: {msg: \"{{ hey | mandatory }}\"}"));
    }

    @Test
    void anUndefinedOptionNamesTheTaskPositionAndTheUnquotedTemplateRemark() {
        String msg = msg("- command: echo {{ nope }}");
        assertEquals("The task includes an option with an undefined variable. The error was: 'nope' is undefined. "
                + "'nope' is undefined" + location(4, "  tasks:", "    - command: echo {{ nope }}")
                + "We could be wrong, but this one looks like it might be an issue with\nmissing quotes. Always quote"
                + " template expression brackets when they\nstart a value. For instance:\n\n    with_items:\n"
                + "      - {{ foo }}\n\nShould be written as:\n\n    with_items:\n      - \"{{ foo }}\"\n", msg);
    }

    @Test
    void aConditionSaysWhichCheckFailedWithThePositionForWhenOnly() {
        String cause = "The conditional check 'nope == 1' failed. The error was: error while evaluating conditional "
                + "(nope == 1): 'nope' is undefined. 'nope' is undefined";
        assertEquals(cause, msg("- assert: {that: \"nope == 1\"}"));
        assertEquals(cause + location(4, "  tasks:", "    - debug: {msg: hi}"), msg("- debug: {msg: hi}\n  when: nope == 1"));
        assertEquals("The conditional check '({} | combine({}, foo=1)) == 1' failed. The error was: "
                + "'recursive' and 'list_merge' are the only valid keyword arguments",
                msg("- assert: {that: \"({} | combine({}, foo=1)) == 1\"}"));
    }

    @Test
    void aLoopAndAKeywordWordTheirOwnCause() {
        assertEquals("'nope' is undefined. 'nope' is undefined", msg("- debug: {var: item}\n  loop: \"{{ nope }}\""));
        assertEquals("The field 'become' has an invalid value, which includes an undefined variable. The error was: "
                + "'nope' is undefined. 'nope' is undefined. 'nope' is undefined. 'nope' is undefined",
                msg("- debug: {msg: hi}\n  become: \"{{ nope }}\""));
    }
}
