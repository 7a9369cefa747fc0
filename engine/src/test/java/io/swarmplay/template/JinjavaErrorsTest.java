package io.swarmplay.template;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Jinjava's messages as users read them: no Java class names. */
class JinjavaErrorsTest {

    @Test
    void aStackOverflowIsNamedForWhatCausesIt() {
        assertEquals("the template nests too deeply (a value that contains itself, or a recursion without end)",
                JinjavaErrors.describe("java.lang.StackOverflowError Originating Exception: StackOverflowError: x"));
    }
}
