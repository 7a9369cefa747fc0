package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Words JUEL (Jinjava's expression language) reserves but Jinja does not ({@code mod}, {@code div},
 * {@code lt}, {@code empty}, ...) are ordinary names, as under Ansible: variables, attributes,
 * keyword arguments, loop variables and test names; the operators they spell in JUEL are not Jinja's.
 */
class ElKeywordNamesTest {

    private final Templar templar = Templar.create();

    private String r(String text, Map<String, Object> vars) {
        return templar.renderText(text, vars, SourcePosition.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mod", "div", "lt", "gt", "le", "ge", "eq", "ne", "empty", "instanceof"})
    void aJuelKeywordIsAVariableAndAnAttributeName(String word) {
        Map<String, Object> vars = Map.of(word, 7, "d", Map.of(word, 2));
        assertEquals("7", r("{{ " + word + " }}", vars));
        assertEquals("9", r("{{ " + word + " + d." + word + " }}", vars));
        assertEquals("2", r("{{ d['" + word + "'] }}", vars));
        assertEquals("7-7", r("{% set " + word + "_x = " + word + " %}{{ " + word + "_x }}-{{ " + word + " }}", vars));
        assertEquals("1,2,", r("{% for " + word + " in [1, 2] %}{{ " + word + " }},{% endfor %}", vars));
    }

    @Test
    void operatorsAndTestsStillWork() {
        Map<String, Object> vars = Map.of("mod", 7, "div", 2, "lt", 1);
        assertEquals("1", r("{{ mod % div }}", vars));
        assertEquals("3", r("{{ mod // div }}", vars));
        assertEquals("True", r("{{ lt < mod and mod >= div and mod != lt }}", vars));
        assertEquals("True", r("{{ lt is lt 2 }}", vars));
        assertEquals("True", r("{{ mod is eq 7 and mod is ne 1 and div is ge 2 and div is gt 1 and div is le 2 }}", vars));
        assertEquals("[1]", r("{{ [1, 2, 3] | select('lt', 2) | list }}", vars));
        assertEquals("[3]", r("{{ [1, 2, 3] | select('gt', div) | list }}", vars));
    }
}
