package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A test after a filter applies to the filtered value, as in Jinja ({@code x | f is t}). */
class FilterThenTestTest {

    private final Templar templar = Templar.create();
    private final Map<String, Object> vars = Map.of("xs", List.of(1, 2), "name", "web", "d", Map.of("k", "v"));

    private Object r(String template) {
        return ExpressionValue.of(templar, template, vars, SourcePosition.UNKNOWN);
    }

    @Test
    void aTestAfterFiltersTestsTheFilteredValue() {
        assertEquals(true, r("{{ 'a' | upper is string }}"));
        assertEquals(true, r("{{ xs | length is divisibleby 2 }}"));
        assertEquals(false, r("{{ xs | map('string') | list is not sequence }}"));
        assertEquals(true, r("{{ undefined_thing | default('q', true) is match('q') }}"));
        assertEquals(true, r("{{ d.k | upper is string and name | length is number }}"));
        assertEquals(true, r("{{ (xs | first is number) | bool is boolean }}"));
    }

    @Test
    void conditionsAndLeftOperandsKeepJinjasPrecedence() {
        assertEquals("yes", templar.render("{% if xs | length is number %}yes{% endif %}", vars, SourcePosition.UNKNOWN));
        assertEquals(false, r("{{ not xs | length is number }}"));
        assertEquals(true, r("{{ 'this is | not a filter' is string }}"));
        assertEquals(true, r("{{ xs is sequence }}"));
    }

    @Test
    void theRewriteKeepsLinesAndLeavesOtherTextAlone() {
        assertEquals("{{ (x | f) is t }}", FilterThenTest.rewrite("{{ x | f is t }}"));
        assertEquals("{{ (((x | f) is t) | g) is u }}", FilterThenTest.rewrite("{{ (x | f is t) | g is u }}"));
        assertEquals("a | b is c", FilterThenTest.rewrite("a | b is c"), "text outside {{ }} is not an expression");
        assertEquals("{{ a or b is c }}", FilterThenTest.rewrite("{{ a or b is c }}"));
        assertEquals("{{ (x | f(1,\n 2)) is t }}", FilterThenTest.rewrite("{{ x | f(1,\n 2) is t }}"));
    }
}
