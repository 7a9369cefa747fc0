package io.swarmplay.source;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PythonLiteralTest {

    @Test
    void numbersBooleansAndNoneAreLiterals() {
        assertEquals(1, PythonLiteral.valueOf("1"));
        assertEquals(-42, PythonLiteral.valueOf("-42"));
        assertEquals(1.5, PythonLiteral.valueOf("1.5"));
        assertEquals(255, PythonLiteral.valueOf("0xff"));
        assertEquals(1000, PythonLiteral.valueOf("1_000"));
        assertEquals(5_000_000_000L, PythonLiteral.valueOf("5000000000"));
        assertEquals(new BigInteger("123456789012345678901234567890"), PythonLiteral.valueOf("123456789012345678901234567890"));
        assertEquals(true, PythonLiteral.valueOf("True"));
        assertEquals(false, PythonLiteral.valueOf("False"));
        assertNull(PythonLiteral.valueOf("None"));
    }

    @Test
    void wordsThatAreNotPythonStayText() {
        for (String text : List.of("yes", "true", "hello world", "01", "1.2.3", "10.0.0.1", "{{ x }}", "", " 1", "a=b", "{1, 2}")) {
            assertEquals(text, PythonLiteral.valueOf(text), text);
        }
    }

    @Test
    void stringsLoseTheirQuotesAndKeepEscapesAsPython() {
        assertEquals("quoted", PythonLiteral.valueOf("'quoted'"));
        assertEquals("a\tb", PythonLiteral.valueOf("\"a\\tb\""));
        assertEquals("a\\tb", PythonLiteral.valueOf("r'a\\tb'"));
        assertEquals("ab", PythonLiteral.valueOf("'a' \"b\""));
        assertEquals("'open", PythonLiteral.valueOf("'open"));
    }

    @Test
    void listsTuplesAndDictsNest() {
        assertEquals(List.of(1, 2), PythonLiteral.valueOf("[1, 2]"));
        assertEquals(List.of("a", List.of(true)), PythonLiteral.valueOf("('a', [True],)"));
        assertEquals(Map.of("k", 1, "l", Arrays.asList(null, 2.0)), PythonLiteral.valueOf("{'k': 1, 'l': [None, 2.0]}"));
        assertEquals(3, PythonLiteral.valueOf("(3)"));
        assertEquals("{k:1}", PythonLiteral.valueOf("{k:1}"));
    }

    @Test
    void aTrailingCommentIsIgnoredAsPythonDoes() {
        assertEquals(1, PythonLiteral.valueOf("1 # the count"));
        assertEquals("foo # not a literal", PythonLiteral.valueOf("foo # not a literal"));
    }

    @Test
    void deepNestingIsTextNotAStackOverflow() {
        String deep = "[".repeat(100_000);
        assertEquals(deep, PythonLiteral.valueOf(deep));
    }
}
