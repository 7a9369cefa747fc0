package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Templates written to hurt the renderer are stopped with a message naming the template and its
 * line, in seconds and bounded memory. Before: nested loops ran on for minutes, doubling a string
 * reached 4.7 GB and an OutOfMemoryError trace, a recursive macro rendered as "" and range()
 * stopped at 1,000 items without a word.
 */
@Timeout(120)
class TemplateLimitsTest {

    private final Templar templar = Templar.create();
    private static final SourcePosition AT = new SourcePosition(Path.of("site.yml"), 7, 9);

    private String failure(String template) {
        TemplateException e = assertThrows(TemplateException.class, () -> templar.render(template, Map.of(), AT));
        return e.getMessage() + " @ " + e.position() + (e.hint() == null ? "" : " = " + e.hint());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}{% endfor %}{% endfor %}{% endfor %}"
                + " => the template did more than 20000000 loop iterations and expressions in \"{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}{% endfor %}{% endfor %}{% endfor %}\""
                + " @ site.yml:7:9 = a loop over ranges this long, or one that does not end? Narrow it",
        "{% set s = 'xxxxxxxxxx' %}{% for i in range(40) %}{% set s = s ~ s %}{% endfor %}{{ s | length }}"
                + " => the output grew past 8388608 characters in \"{% set s = 'xxxxxxxxxx' %}{% for i in range(40) %}{% set s = s ~ s %}{% endfor %}{{ s | length }}\""
                + " @ site.yml:7:9 = a template that builds values this large is likely a loop that does not end",
        "{% set s = 'ab' %}{% for i in range(40) %}{% set s = s | replace('a', s) %}{% endfor %}{{ s | length }}"
                + " => a string grew past 8388608 characters in \"{% set s = 'ab' %}{% for i in range(40) %}{% set s = s | replace('a', s) %}{% endfor %}{{ s | length }}\""
                + " @ site.yml:7:9 = a template that builds text this large is likely a loop that does not end",
        "{{ 'x' | center(1000000000) }}"
                + " => 'center' would make a string of 1000000000 characters: at most 8388608 are allowed in \"{{ 'x' | center(1000000000) }}\" @ site.yml:7:9",
        "{% set l = [1] %}{% for i in range(40) %}{% set l = l + l %}{% endfor %}{{ l | length }}"
                + " => a list or mapping grew past 1000000 items in \"{% set l = [1] %}{% for i in range(40) %}{% set l = l + l %}{% endfor %}{{ l | length }}\""
                + " @ site.yml:7:9 = a template that builds values this large is likely a loop that does not end",
        "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}"
                + " => macro 'f' calls itself more than 50 levels deep in \"{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}\" @ site.yml:7:9",
        "{{ range(10**9) | list | length }}"
                + " => range() of 1000000000 items: at most 1000000 are allowed in \"{{ range(10**9) | list | length }}\" @ site.yml:7:9",
        "{% for i in range(10**12) %}{% endfor %}"
                + " => range() of 1000000000000 items: at most 1000000 are allowed in \"{% for i in range(10**12) %}{% endfor %}\" @ site.yml:7:9",
        "{% set l = [] %}{% for i in range(300) %}{% do l.append('x' | center(8000000)) %}{% endfor %}{{ l | length }}"
                + " => the template made more than 67108864 characters of strings in \"{% set l = [] %}{% for i in range(300) %}{% do l.append('x' | center(8000000)) %}{% endfor %}{{ l | length }}\""
                + " @ site.yml:7:9 = a template that builds text this large is likely a loop that does not end",
        "{{ range(1, 5, 0) }} => range() arg 3 must not be zero in \"{{ range(1, 5, 0) }}\" @ site.yml:7:9",
        "{{ range('a') }} => range() needs whole numbers, not a string in \"{{ range('a') }}\" @ site.yml:7:9",
    })
    void hostileTemplatesAreStoppedWithTheirTemplateAndLine(String template, String expected) {
        assertEquals(expected, failure(template));
    }

    @Test
    void theLineIsTheTemplateFilesLine() {
        String template = "line 1\nline 2\n{% for a in range(1000000) %}{% for b in range(1000000) %}{% endfor %}{% endfor %}\n";
        TemplateException e = assertThrows(TemplateException.class,
                () -> templar.renderText(template, Map.of(), new SourcePosition(Path.of("templates/app.conf.j2"), 1, 1)));
        assertEquals("templates/app.conf.j2:3:1", e.position().toString());
    }

    @Test
    void rangeIsPythonsRangeBeyondJinjavasThousand() {
        assertEquals(5000, templar.evaluate("range(5000) | list | length", Map.of(), AT));
        assertEquals(List.of(10, 7, 4, 1), templar.render("{{ range(10, 0, -3) | list }}", Map.of(), AT));
        assertEquals(List.of(), templar.render("{{ range(5, 1) | list }}", Map.of(), AT));
        assertEquals(999999, templar.evaluate("range(1000000) | last", Map.of(), AT));
        assertEquals("0,1,2", templar.render("{{ range(3) | join(',') }}", Map.of(), AT));
    }

    @Test
    void recursiveMacrosThatEndStillWork() {
        assertEquals("3210", templar.render("{% macro f(n) %}{{ n }}{% if n > 0 %}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(3) }}", Map.of(), AT));
    }

    @Test
    void aStringUpToTheLimitIsFine() {
        assertEquals(4_000_000, templar.evaluate("'x' | center(4000000) | length", Map.of(), AT));
    }

    @Test
    void fromYamlRefusesAnAliasBombAndDeepNesting() {
        StringBuilder bomb = new StringBuilder("l0: &l0 [lol, lol]\n");
        for (int i = 1; i < 30; i++) bomb.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        TemplateException e = assertThrows(TemplateException.class, () -> templar.render("{{ text | from_yaml }}", Map.of("text", bomb.toString()), AT));
        assertEquals("from_yaml got YAML it cannot take: yaml file holds more than 250000 values once its aliases are written out:"
                + " '*l14' alone stands for 65535 values (line 16) in \"{{ text | from_yaml }}\"", e.getMessage());
        e = assertThrows(TemplateException.class, () -> templar.render("{{ text | from_yaml }}", Map.of("text", "[".repeat(5000) + "]".repeat(5000)), AT));
        assertEquals("from_yaml got YAML it cannot take: yaml nests more than 200 levels deep (line 1) in \"{{ text | from_yaml }}\"", e.getMessage());
        e = assertThrows(TemplateException.class, () -> templar.render("{{ text | from_yaml_all }}", Map.of("text", "a: 1\n---\nx: &a [*a]\n"), AT));
        assertEquals("from_yaml_all got YAML it cannot take: recursive alias: '*a' refers to a value that contains it (line 3) in \"{{ text | from_yaml_all }}\"", e.getMessage());
    }

    @Test
    void fromYamlStillReadsYaml() {
        assertEquals(Map.of("a", List.of(1, 2)), templar.render("{{ text | from_yaml }}", Map.of("text", "a: [1, 2]\n"), AT));
        assertEquals(List.of(Map.of("a", 1), Map.of("b", 2)), templar.render("{{ text | from_yaml_all }}", Map.of("text", "a: 1\n---\nb: 2\n"), AT));
    }
}
