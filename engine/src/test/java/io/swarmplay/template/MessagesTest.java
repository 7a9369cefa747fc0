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

    static final Map<String, Object> VARS = Map.of("l", List.of(1), "s", "secretvalue", "m", Map.of("a", 1));

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "{% foo %} => unknown tag 'foo' in \"{% foo %}\"",
        "{% if %}x{% endif %} => '{% if %}' expects expression in \"{% if %}x{% endif %}\"",
        "{{ l.foo() }} => no method 'foo' on this value in \"{{ l.foo() }}\"",
        "{{ s - 1 }} => a value has the wrong type for this operation in \"{{ s - 1 }}\"",
        "{% for x in nope %}{% endfor %} => 'nope' is undefined in \"{% for x in nope %}{% endfor %}\"",
        "{{ nope ~ 'x' }} => 'nope' is undefined in \"{{ nope ~ 'x' }}\"",
        "{{ s.nope }} => 'nope' is not defined on a string in \"{{ s.nope }}\"",
        "{{ m.a.b }} => 'b' is not defined on a number in \"{{ m.a.b }}\"",
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

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "nope == 1 => 'nope' is undefined in \"nope == 1\"",
        "m.b => 'b' is not defined on 'm' (keys: a) in \"m.b\"",
    })
    void conditionMessagesQuoteTheCondition(String condition, String expected) {
        TemplateException e = assertThrows(TemplateException.class, () -> Templar.create().test(condition, VARS, SourcePosition.UNKNOWN));
        assertEquals(expected, e.getMessage());
    }
}
