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

/** Comparisons as Python makes them, with the results ansible-playbook 2.14 gives. */
class PythonComparisonTest {

    final Templar templar = Templar.create();

    private Object eval(String expression) {
        return templar.evaluate(expression, Map.of("n", 3, "s", "3"), SourcePosition.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '"', value = {
        "3 == 'three'                 ~ False",
        "'1' == 1                     ~ False",
        "n == s                       ~ False",
        "n != s                       ~ True",
        "none == 0                    ~ False",
        "none == none                 ~ True",
        "[1] == '1'                   ~ False",
        "{'a': 1} == [1]              ~ False",
        "3 != 'three'                 ~ True",
        "1 == 1.0                     ~ True",
        "true == 1                    ~ True",
        "[1, 'a'] == [1.0, 'a']       ~ True",
        "{'a': [1]} == {'a': [1]}     ~ True",
        "[1, 2] < [1, 3]              ~ True",
        "'b' > 'a'                    ~ True",
        "2 >= 2.0                     ~ True",
        "-2048 | abs                  ~ 2048",
    })
    void comparesAsPythonDoes(String expression, String expected) {
        assertEquals(expected, Values.repr(eval(expression)));
    }

    @Test
    void tildeWritesBooleansAndNoneAsPythonsStrDoes() {
        assertEquals("Truex|Nonex|False1", eval("(true ~ 'x') ~ '|' ~ (none ~ 'x') ~ '|' ~ (false ~ 1)"));
    }

    @Test
    void orderingIncompatibleTypesFailsWithPythonsMessage() {
        TemplateException e = assertThrows(TemplateException.class, () -> eval("3 < 'a'"));
        assertTrue(e.getMessage().contains("'<' not supported between instances of 'int' and 'str'"), e.getMessage());
        e = assertThrows(TemplateException.class, () -> eval("none >= 1"));
        assertTrue(e.getMessage().contains("'>=' not supported between instances of 'NoneType' and 'int'"), e.getMessage());
    }
}
