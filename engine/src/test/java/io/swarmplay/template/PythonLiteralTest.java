package io.swarmplay.template;

import io.swarmplay.template.filters.PyTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Python's literal_eval with JSON's names, as Ansible 2.14 reads a rendered template back (cases checked with ansible-playbook). */
class PythonLiteralTest {

    private static Object read(String text) {
        return PythonLiteral.valueOrText(text);
    }

    @Test
    void listsDictsAndScalars() {
        assertEquals(List.of(1, 2), read("[1,2]"));
        assertEquals(List.of(1, 2), read("[1,2] "));
        assertEquals(List.of(1), read("[ 1 ]"));
        assertEquals(List.of(1), read("[1,]"));
        assertEquals(List.of(), read("[]"));
        assertEquals(Map.of(), read("{}"));
        assertEquals(Map.of("a", "b"), read("{'a': 'b'}"));
        assertEquals(Map.of("a", 1), read("{\"a\": (1)}"));
        assertEquals(true, read("True"));
        assertEquals(false, read("False"));
        assertEquals(Arrays.asList(null, true, false), read("[None, true, false]"));
        assertEquals(Arrays.asList(null, true), read("[null, True]"));
    }

    @Test
    void numbersInEveryPythonSpelling() {
        assertEquals(List.of(-1, 2, 1000.0, 16, 1000, 8, 5), read("[-1, +2, 1e3, 0x10, 1_000, 0o10, 0b101]"));
        assertEquals(List.of(1.5, 0.001, -0.0, 0.5, 100000.0), read("[1.5, 1e-3, -0.0, .5, 1.e5]"));
        assertEquals(List.of(4294967296L, new BigInteger("100000000000000000000")), read("[4294967296, 100000000000000000000]"));
    }

    @Test
    void stringsWithPrefixesEscapesAndJoining() {
        assertEquals(List.of("ab", "c", "d"), read("[\"a\" \"b\", u\"c\", b\"d\"]"));
        assertEquals(List.of("é\n"), read("['\\u00e9\\n']"));
        assertEquals(List.of("\\d"), read("[r'\\d']"));
        assertEquals(List.of("a\nb"), read("['''a\nb''']"));
        assertEquals(List.of("it's"), read("[\"it's\"]"));
    }

    @Test
    void tuplesSetsCommentsAndLineBreaks() {
        Object nested = read("[[1], {\"a\": (1,)}]");
        assertEquals(List.of(List.of(1), Map.of("a", List.of(1))), nested);
        assertInstanceOf(PyTuple.class, ((Map<?, ?>) ((List<?>) nested).get(1)).get("a"));
        assertEquals(new LinkedHashSet<>(List.of(1, 2)), read("{1, 2}"));
        assertEquals(List.of(List.of(1), List.of(2)), read("[1], [2]"));
        assertInstanceOf(PyTuple.class, read("[1], [2]"));
        assertEquals(List.of(1), read("[\n1]"));
        assertEquals(List.of(1), read("[1]\n"));
        assertEquals(List.of(1), read("[1] # c"));
        assertEquals(List.of(1, 2), read("[1, # one\n 2]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, foo]", "[True, true, None, none]", "[1.5, 10**2]", "[NaN]", "[-True]", "[1,2][0]",
        "[1]\n[2]", "[01]", "['a\nb']", "{[1]: 2}", "[1 + 2j]", "[1j]", "[f'x']", "[1,,2]", "[1", "{'a' 1}", "[1.2.3]", "[--1]"})
    void anythingElseStaysText(String text) {
        assertSame(text, read(text));
    }

    @Test
    void pythonsOwnLiteralEvalHasNoJsonNamesAndRefusesAnIndent() {
        assertEquals("true", PythonLiteral.pythonValueOrText("true"));
        assertEquals("[1, null]", PythonLiteral.pythonValueOrText("[1, null]"));
        assertEquals(Arrays.asList(1, null, true), PythonLiteral.pythonValueOrText("[1, None, True]"));
        assertEquals(12, PythonLiteral.pythonValueOrText("12"));
        assertEquals(" 12", PythonLiteral.pythonValueOrText(" 12"));
        assertEquals(12, PythonLiteral.pythonValueOrText("12 "));
    }
}
