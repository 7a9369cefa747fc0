package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.filters.Values;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dict(), undef(), cycler(), lipsum() as Jinja2/Ansible 2.14 give them. */
class GlobalsTest {

    final Templar templar = Templar.create();

    private Object eval(String expression) {
        return templar.evaluate(expression, Map.of(), SourcePosition.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '"', value = {
        "dict(a=1, b='x')                              ~ {'a': 1, 'b': 'x'}",
        "dict([['x', 1]], y=2)                         ~ {'x': 1, 'y': 2}",
        "dict({'k': 1}, k=2)                           ~ {'k': 2}",
        "dict()                                        ~ {}",
        "undef() is undefined                          ~ True",
        "undef(hint='need x') | default('d')           ~ 'd'",
        "lipsum(2, False, 5, 5).split('\\n\\n') | length ~ 2",
        "lipsum(1, False, 3, 3).split(' ') | length    ~ 3",
        "lipsum(n=2, min=4, max=4).count('<p>')        ~ 2"})
    void globalsGiveJinjasValues(String expression, String expected) {
        assertEquals(expected, Values.repr(eval(expression)));
    }

    @Test
    void cyclerWrapsRoundAndResets() {
        assertEquals("a b a|b|a", templar.renderText(
                "{% set c = cycler('a', 'b') %}{{ c.next() }} {{ c.next() }} {{ c.next() }}|{{ c.current }}|{% set _ = c.reset() %}{{ c.current }}",
                Map.of(), SourcePosition.UNKNOWN));
    }

    @Test
    void usingUndefFailsWithItsHint() {
        TemplateException e = assertThrows(TemplateException.class, () -> eval("undef(hint='set x first') ~ 'y'"));
        assertTrue(e.getMessage().contains("set x first"), e.getMessage());
    }

    @Test
    void dictRefusesMoreThanOneMapping() {
        TemplateException e = assertThrows(TemplateException.class, () -> eval("dict({}, {})"));
        assertTrue(e.getMessage().contains("dict expected at most 1 argument, got 2"), e.getMessage());
    }
}
