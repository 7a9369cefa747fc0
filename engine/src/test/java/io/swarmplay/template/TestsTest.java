package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each Jinja/Ansible test ({@code x is name}) through {@link Templar#test}. */
class TestsTest {

    final Templar templar = Templar.create();
    final Map<String, Object> vars = new LinkedHashMap<>();

    TestsTest() {
        vars.put("ok", Map.of("rc", 0, "changed", false, "failed", false));
        vars.put("bad", Map.of("rc", 1, "failed", true, "changed", true));
        vars.put("skip", Map.of("skipped", true, "changed", false));
        vars.put("nothing", null);
        vars.put("s", "abc");
        vars.put("l", List.of(1, 2));
        vars.put("m", Map.of("k", 1));
        vars.put("n", 5);
    }

    private boolean t(String expression) {
        Templar.Truth truth = templar.test(expression, vars, SourcePosition.UNKNOWN);
        if (truth == Templar.Truth.UNKNOWN) throw new AssertionError("unknown: " + expression);
        return truth == Templar.Truth.TRUE;
    }

    @Test
    void definedAndUndefined() {
        assertEquals(true, t("s is defined"));
        assertEquals(true, t("nothing is defined"));
        assertEquals(false, t("nope is defined"));
        assertEquals(true, t("nope is undefined"));
        assertEquals(false, t("m.k is undefined"));
        assertEquals(true, t("m.x is undefined"));
    }

    @Test
    void notBindsLooserThanTestsComparisonsAndIn() {
        assertEquals(true, t("not bad is succeeded"));
        assertEquals(false, t("not ok is succeeded"));
        assertEquals(true, t("not 'x' in s"));
        assertEquals(false, t("not 'a' in s"));
        assertEquals(true, t("not n == 4"));
        assertEquals(true, t("not n == 4 and not s is none"));
        assertEquals(false, t("not n == 5 or not ok is succeeded"));
    }

    @Test
    void none() {
        assertEquals(true, t("nothing is none"));
        assertEquals(false, t("s is none"));
    }

    @Test
    void matchSearchRegex() {
        assertEquals(true, t("s is match('ab')"));
        assertEquals(false, t("s is match('bc')"));
        assertEquals(true, t("s is search('bc')"));
        assertEquals(true, t("s is search('BC', ignorecase=true)"));
        assertEquals(true, t("s is match('AB', true)"));
        assertEquals(true, t("s is regex('b.')"));
        assertEquals(false, t("s is regex('b', match_type='match')"));
        assertEquals(true, t("'x' is not match('y')"));
    }

    @Test
    void registeredResults() {
        assertEquals(true, t("ok is succeeded"));
        assertEquals(true, t("ok is success"));
        assertEquals(false, t("bad is succeeded"));
        assertEquals(true, t("bad is failed"));
        assertEquals(true, t("bad is failure"));
        assertEquals(false, t("ok is failed"));
        assertEquals(true, t("bad is changed"));
        assertEquals(true, t("bad is change"));
        assertEquals(false, t("ok is changed"));
        assertEquals(true, t("skip is skipped"));
        assertEquals(true, t("skip is skip"));
        assertEquals(false, t("ok is skipped"));
        TemplateException e = assertThrows(TemplateException.class, () -> t("s is changed"));
        assertEquals("the 'changed' test expects a registered result (a mapping), got a string in \"s is changed\"", e.getMessage());
    }

    @Test
    void types() {
        assertEquals(true, t("s is string"));
        assertEquals(false, t("n is string"));
        assertEquals(true, t("n is number"));
        assertEquals(false, t("s is number"));
        assertEquals(true, t("m is mapping"));
        assertEquals(false, t("l is mapping"));
        assertEquals(true, t("l is iterable"));
        assertEquals(true, t("s is iterable"));
        assertEquals(false, t("n is iterable"));
        assertEquals(true, t("l is sequence"));
        assertEquals(true, t("true is boolean"));
    }

    @Test
    void sameasInContains() {
        assertEquals(true, t("nothing is sameas none"));
        assertEquals(true, t("true is sameas true"));
        assertEquals(false, t("l is sameas [1, 2]"));
        assertEquals(true, t("1 is in l"));
        assertEquals(false, t("3 is in l"));
        assertEquals(true, t("'b' is in s"));
        assertEquals(true, t("'k' is in m"));
        assertEquals(true, t("l is contains 2"));
    }

    @Test
    void version() {
        assertEquals(true, t("'1.10' is version('1.9', '>')"));
        assertEquals(true, t("'1.2.3' is version('1.2.3', 'eq')"));
        assertEquals(true, t("'1.2.3' is version('2.0.0', 'lt', version_type='semver')"));
        assertEquals(true, t("'2.14.0rc1' is version('2.14.0', 'lt', version_type='pep440')"));
        assertEquals(true, t("'20.10.2' is version('19.03', '>=')"));
        assertEquals(true, t("'2.0' is version_compare('10.0', '<')"));
        TemplateException e = assertThrows(TemplateException.class, () -> t("'1' is version('2', 'bigger')"));
        assertEquals(true, e.getMessage().startsWith("Invalid operator type (bigger). Must be one of '==', "), e.getMessage());
    }

    @Test
    void truthyAndFalsy() {
        assertEquals(true, t("s is truthy"));
        assertEquals(true, t("'' is falsy"));
        assertEquals(false, t("'off' is truthy(convert_bool=True)"));
        assertEquals(true, t("' Yes ' is truthy(convert_bool=True)"));
        assertEquals(true, t("'fred' is truthy(convert_bool=True)"));
        assertEquals(true, t("'off' is truthy"));
        assertEquals(true, t("'no' is falsy(convert_bool=True)"));
    }

    @org.junit.jupiter.api.Test
    void changedLooksAtTheLoopResultsWhenTheResultHasNoFlag() {
        io.swarmplay.template.Templar t = io.swarmplay.template.Templar.create();
        java.util.Map<String, Object> vars = java.util.Map.of(
                "some", java.util.Map.of("results", java.util.List.of(java.util.Map.of("changed", true), java.util.Map.of("changed", false))),
                "none", java.util.Map.of("results", java.util.List.of(java.util.Map.of("changed", false))),
                "own", java.util.Map.of("changed", false, "results", java.util.List.of(java.util.Map.of("changed", true))));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(true, false, false, false),
                t.render("{{ [some is changed, none is changed, own is changed, {} is changed] }}", vars,
                        new io.swarmplay.source.SourcePosition(null, 1, 1)));
    }
}
