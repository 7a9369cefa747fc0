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

    @Test
    void javasDivisionByZeroReadsAsOne() {
        assertEquals("division by zero", JinjavaErrors.describe(
                "arithmeticException when resolving expression [1 // 0]: ArithmeticException: / by zero"));
    }

    @Test
    void anUnrecognisedMessageLosesItsJavaClassNames() {
        assertEquals("cannot render: when resolving expression [x.y]: no such thing", JinjavaErrors.describe(
                "java.lang.IllegalStateException: when resolving expression [x.y]: FooError: no such thing"));
    }
}
