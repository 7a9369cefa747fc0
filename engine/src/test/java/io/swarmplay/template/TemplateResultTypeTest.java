package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * What type a rendered template has: each case is what ansible-playbook 2.14 gave for the same
 * variable ({@code x | type_debug}), see {@link EvalConcat}.
 */
class TemplateResultTypeTest {

    private final Templar templar = Templar.create();
    private final Map<String, Object> vars = new LinkedHashMap<>();

    TemplateResultTypeTest() {
        vars.put("n", 5);
        vars.put("s", "abc");
        vars.put("l", List.of(1, "two"));
        vars.put("d", Map.of("a", 1));
        vars.put("nothing", null);
        vars.put("not_a_number", Double.NaN);
        vars.put("x", "{{ n }}");
        vars.put("y", "{{ x }}");
    }

    private Object r(String template) {
        return templar.render(template, vars, SourcePosition.UNKNOWN);
    }

    @Test
    void textThatReadsAsAListOrDictIsOne() {
        assertEquals(List.of(1, 2), r("{{ '[1,2]' }}"));
        assertEquals(List.of(1, 2), r("[{{ 1 }}, 2]"));
        assertEquals(List.of(1), r("{{ '[' }}{{ 1 }}]"));
        assertEquals(List.of(1, 2), r("{{ '[1,' }}{{ '2]' }}"));
        assertEquals(Map.of("a", 1), r("{{ '{\"a\": 1}' }}"));
        assertEquals(Arrays.asList(1, null), r("{{ '' }}[1, null]"));
        assertEquals(List.of(1), r("{{ '[1]' }}\n"));
    }

    @Test
    void trueAndFalseReadAsBooleansOnlyWhenExact() {
        assertEquals(true, r("{{ 'True' }}"));
        assertEquals(false, r("{{ 'False' }}"));
        assertEquals(true, r("{{ n > 3 }}"));
        assertEquals("true", r("{{ 'true' }}"));
        assertEquals(" True", r(" {{ 'True' }}"));
        assertEquals("None", r("{{ 'None' }}"));
    }

    @Test
    void numbersAreTextUnlessABareVariableHoldsOne() {
        assertEquals("1", r("{{ 1 }}"));
        assertEquals("6", r("{{ n + 1 }}"));
        assertEquals("1.5", r("{{ 1.5 }}"));
        assertEquals("3", r("{{ s | length }}"));
        assertEquals(5, r("{{ n }}"));
        assertEquals(5, r("{{n}}"));
        assertEquals(5, r("{{ n }}\n"), "Python's $ allows the final line break");
        assertEquals("x5", r("x{{ n }}"));
        assertEquals("55", r("{{ n }}{{ n }}"));
        assertEquals("5", r("{{ x }}"), "x is the number 5 (its template is a bare variable), written out");
        assertEquals("6", r("{{ x + 1 }}"));
        assertEquals(5, templar.evaluate("x", vars, SourcePosition.UNKNOWN));
        assertEquals("5", templar.evaluate("y", vars, SourcePosition.UNKNOWN), "y renders x, a number, as text");
    }

    @Test
    void noneIsOnlyKeptByABareVariable() {
        assertNull(r("{{ nothing }}"));
        assertEquals("", r("{{ none }}"));
        assertEquals("", r("{{ d.b | default(none) }}"));
        assertEquals(Arrays.asList((Object) null), r("{{ [nothing] }}"));
    }

    @Test
    void collectionsKeepTheirValuesAndTuplesAreText() {
        assertEquals(List.of(1, "two"), r("{{ l }}"));
        assertEquals(Map.of("k", 5), r("{{ {'k': n} }}"));
        assertEquals(List.of(0, 1, 2), r("{{ range(3) | list }}"));
        assertEquals("(1, 2)", r("{{ (1, 2) }}"));
        assertEquals("[nan]", r("{{ [not_a_number] }}"),
                "a float Python cannot write as a literal makes the whole value text");
    }

    @Test
    void textFiltersKeepTheirTextWhenTheyAreTheWholeResult() {
        assertEquals("[1,2]", r("{{ '[1,2]' | string }}"));
        assertEquals("[1, 2]", r("{{ [1, 2] | to_json }}"));
        assertEquals("{\"k\": 5}", r("{{ {'k': n} | to_json }}"));
        assertEquals(List.of(1, 2), r("{{ [1, 2] | to_json | trim }}"), "another filter after it: read back");
        assertEquals(List.of(1, 2), r("{{ [1, 2] | to_json }}{{ '' }}"), "more than one node: read back");
    }

    @Test
    void textThatIsNoLiteralStaysText() {
        assertEquals("[1, foo]", r("{{ '[1, foo]' }}"));
        assertEquals("(1, 2)", r("{{ '(1, 2)' }}"));
        assertEquals(" [1]", r("{{ ' [1]' }}"));
        assertEquals("  {'a': 1} ", r("  {{ d }} "));
        String omitted = "{{ omit }}";
        assertSame(Omit.INSTANCE, r(omitted));
    }

    @Test
    void plusAddsNumbersAndJoinsStringsListsAndTuplesAsPython() {
        assertEquals("[1, 2] (1, 2) 2 2.5 ab", r("{{ [1] + [2] }} {{ (1,) + (2,) }} {{ true + 1 }} {{ 1.5 + 1 }} {{ 'a' + 'b' }}"));
        assertEquals(List.of(1, "two", 1, "two"), r("{{ l + l }}"));
    }

    @Test
    void dunderClassIsThePythonClass() {
        assertEquals("<class 'bool'> <class 'dict'> bool", r("{{ true.__class__ }} {{ d.__class__ }} {{ true.__class__.__name__ }}"));
        assertEquals("type", r("{{ n.__class__ | type_debug }}"));
    }
}
