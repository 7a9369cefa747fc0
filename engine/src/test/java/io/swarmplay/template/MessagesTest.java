package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The remaining messages users see, verbatim (the rest are in the other template tests). */
class MessagesTest {

    static final Map<String, Object> VARS = Map.of("l", List.of(1), "s", "secretvalue", "m", Map.of("a", 1),
            "f", 1.5, "t", true, "n", List.of(Map.of("k", 1)), "u", new io.swarmplay.source.UnsafeText("out"));

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "{% foo %} => unknown tag 'foo' in \"{% foo %}\"",
        "{% if %}x{% endif %} => '{% if %}' expects expression in \"{% if %}x{% endif %}\"",
        "{{ l.foo() }} => no method 'foo' on this value in \"{{ l.foo() }}\"",
        "{{ s - 1 }} => a value has the wrong type for this operation in \"{{ s - 1 }}\"",
        "{% for x in nope %}{% endfor %} => 'nope' is undefined in \"{% for x in nope %}{% endfor %}\"",
        "{{ nope ~ 'x' }} => 'nope' is undefined in \"{{ nope ~ 'x' }}\"",
        "{{ s.nope }} => 'ansible.parsing.yaml.objects.AnsibleUnicode object' has no attribute 'nope' in \"{{ s.nope }}\"",
        "{{ u.nope }} => 'ansible.utils.unsafe_proxy.AnsibleUnsafeText object' has no attribute 'nope' in \"{{ u.nope }}\"",
        "{{ 'lit'.nope }} => 'str object' has no attribute 'nope' in \"{{ 'lit'.nope }}\"",
        "{{ (s ~ 'x').nope }} => 'str object' has no attribute 'nope' in \"{{ (s ~ 'x').nope }}\"",
        "{{ m.a.b }} => 'int object' has no attribute 'b' in \"{{ m.a.b }}\"",
        "{{ f.b }} => 'float object' has no attribute 'b' in \"{{ f.b }}\"",
        "{{ t.b }} => 'bool object' has no attribute 'b' in \"{{ t.b }}\"",
        "{{ m.b }} => 'dict object' has no attribute 'b' in \"{{ m.b }}\"",
        "{{ l.b }} => 'list object' has no attribute 'b' in \"{{ l.b }}\"",
        "{{ n[0].b }} => 'dict object' has no attribute 'b' in \"{{ n[0].b }}\"",
        "{{ n | map(attribute='b') | list }} => 'dict object' has no attribute 'b' in \"{{ n | map(attribute='b') | list }}\"",
        "{{ n | map(attribute='k.b') | list }} => 'int object' has no attribute 'b' in \"{{ n | map(attribute='k.b') | list }}\"",
        "a {% b => unclosed '{%' in \"a {% b\"",
        "{# c => unclosed '{#' in \"{# c\"",
        "{% raw %}x => '{% raw %}' without '{% endraw %}' in \"{% raw %}x\"",
        "{{ [1] | sum(start='a') }} => sum expects a number as start, got a string in \"{{ [1] | sum(start='a') }}\"",
        "{{ [{'a':1},{}] | sort(attribute='a') }} => cannot order items by 'a': some items do not have it in \"{{ [{'a':1},{}] | sort(attribute='a') }}\"",
        "{{ 5 | join }} => 'int' object is not iterable in \"{{ 5 | join }}\"",
        "{{ [[1]] | dict }} => dict expects pairs, got an item of length 1 in \"{{ [[1]] | dict }}\"",
        "{{ 's' | abs }} => abs expects a number, got a string in \"{{ 's' | abs }}\"",
        "{{ 's' | round }} => round expects a number, got a string in \"{{ 's' | round }}\"",
        "{{ l | map }} => map needs a filter name or attribute= in \"{{ l | map }}\"",
        "{{ l | selectattr('a', 'asdf ', true) }} => Could not load \"asdf \": unknown test 'asdf ' in \"{{ l | selectattr('a', 'asdf ', true) }}\"",
        "{{ 1 | asdf }} => Could not load \"asdf\": unknown filter 'asdf' in \"{{ 1 | asdf }}\"",
        "{{ l | map('uper') }} => Could not load \"uper\": unknown filter 'uper' in \"{{ l | map('uper') }}\"",
        "{{ 1 is in 5 }} => argument of type 'int' is not iterable in \"{{ 1 is in 5 }}\"",
        "{{ '{' | from_yaml_all }} => from_yaml_all got text that is not valid YAML (line 1) in \"{{ '{' | from_yaml_all }}\"",
    })
    void message(String template, String expected) {
        TemplateException e = assertThrows(TemplateException.class, () -> Templar.create().render(template, VARS, SourcePosition.UNKNOWN));
        assertEquals(expected, e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void namesAreQuotedAsPythonsReprAndNumbersAreElements() {
        assertEquals("'dict object' has no attribute \"it's\"", io.swarmplay.template.filters.UndefinedMessages.missing("dict object", "it's"));
        assertEquals("list object has no element 5", io.swarmplay.template.filters.UndefinedMessages.missing("list object", 5));
        assertEquals("'None' has no attribute 'x'", io.swarmplay.template.filters.UndefinedMessages.missing(
                io.swarmplay.template.filters.UndefinedMessages.objectType(null), "x"));
    }

    @org.junit.jupiter.api.Test
    void anItemLackingMapsAttributeIsAnUndefinedVariable() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> Templar.create().render("{{ n | map(attribute='b') | list }}", VARS, SourcePosition.UNKNOWN));
        assertEquals(true, e.undefined());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "nope == 1 => 'nope' is undefined in \"nope == 1\"",
        "m.b => 'dict object' has no attribute 'b' in \"m.b\"",
        "s.b == 1 => 'ansible.parsing.yaml.objects.AnsibleUnicode object' has no attribute 'b' in \"s.b == 1\"",
    })
    void conditionMessagesQuoteTheCondition(String condition, String expected) {
        TemplateException e = assertThrows(TemplateException.class, () -> Templar.create().test(condition, VARS, SourcePosition.UNKNOWN));
        assertEquals(expected, e.getMessage());
    }
}
