package io.swarmplay.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ansible's {@code -vvv} {@code <host> EXEC /bin/sh -c '...'} lines for the commands steps run, without secrets. */
class ExecShownTest {

    @TempDir
    Path dir;

    private static final String PLAYBOOK = """
            - hosts: web
              gather_facts: false
              tasks:
                - raw: echo visible-words
                - raw: echo hidden-words
                  no_log: true
                - raw: echo as-root
                  become: true
                  ignore_errors: true
                - command: echo module-argument
                - command: echo module-argument-as-root
                  become: true
                  ignore_errors: true
            """;

    @Test
    void eachCommandIsShownFromVerbosityThreeInAnsiblesShape() {
        RunFixture fixture = new RunFixture(dir).hosts("h1").playbook(PLAYBOOK);
        fixture.verbosity = 3;
        String output = fixture.run(Mode.APPLY).output();
        assertTrue(output.contains("<h1> EXEC /bin/sh -c '"), output);
        assertTrue(output.lines().anyMatch(l -> l.startsWith("<h1> EXEC ") && l.contains("echo visible-words")), output);
        assertTrue(output.lines().anyMatch(l -> l.startsWith("<h1> EXEC /bin/sh -c 'exec sudo -H -S -n -u root -- ")
                && l.contains("echo as-root")), output);
    }

    @Test
    void aModulesArgumentsNeverShowButItsShapeAndBecomeDo() {
        RunFixture fixture = new RunFixture(dir).hosts("h1").playbook(PLAYBOOK);
        fixture.verbosity = 5;
        String output = fixture.run(Mode.APPLY).output();
        assertFalse(output.lines().anyMatch(l -> l.contains(" EXEC ") && l.contains("module-argument")), output);
        assertTrue(output.contains("<h1> EXEC /bin/sh -c '(command module)'"), output);
        assertTrue(output.lines().anyMatch(l -> l.startsWith("<h1> EXEC /bin/sh -c 'exec sudo -H -S -n -u root -- ")
                && l.contains("(command module)")), output);
    }

    @Test
    void aNoLogTaskHidesItsCommand() {
        RunFixture fixture = new RunFixture(dir).hosts("h1").playbook(PLAYBOOK);
        fixture.verbosity = 4;
        String output = fixture.run(Mode.APPLY).output();
        assertFalse(output.contains("hidden-words"), output);
        assertTrue(output.contains("<h1> EXEC " + TaskStep.NO_LOG_COMMAND), output);
    }

    @Test
    void aSecretInTheCommandIsMasked() {
        RunFixture fixture = new RunFixture(dir).hosts("h1").playbook("""
                - hosts: web
                  gather_facts: false
                  vars: {db_password: s3cret-value-9}
                  tasks:
                    - raw: "echo {{ db_password }}"
                """);
        fixture.verbosity = 3;
        String output = fixture.run(Mode.APPLY).output();
        assertFalse(output.contains("s3cret-value-9"), output);
        assertTrue(output.lines().anyMatch(l -> l.startsWith("<h1> EXEC ") && l.contains("echo ********")), output);
    }

    @Test
    void nothingIsShownBelowVerbosityThree() {
        RunFixture fixture = new RunFixture(dir).hosts("h1").playbook(PLAYBOOK);
        fixture.verbosity = 2;
        assertFalse(fixture.run(Mode.APPLY).output().contains(" EXEC "));
    }
}
