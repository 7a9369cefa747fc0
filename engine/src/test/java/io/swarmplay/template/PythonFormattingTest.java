package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Python's % formatting (the format filter and % on a string) and Ansible's random filter. */
class PythonFormattingTest {

    private final Templar templar = Templar.create();
    private final Map<String, Object> vars = Map.of("n", 255, "name", "web", "d", Map.of("k", "v"), "xs", java.util.List.of(1, 2));

    private Object r(String template) {
        return ExpressionValue.of(templar, template, vars, SourcePosition.UNKNOWN);
    }

    @Test
    void formatFilterFollowsPythonPercentFormatting() {
        assertEquals("00ff:0001", r("{{ '%0.4x:%0.4x' | format(n, 1) }}"));
        assertEquals("ff FF 0xff 377 255", r("{{ '%x %X %#x %o %d' | format(n, n, n, n, n) }}"));
        assertEquals("  web|web  |  255|00255|+255", r("{{ '%5s|%-5s|%5d|%05d|%+d' | format(name, name, n, n, n) }}"));
        assertEquals("3.14 3.142e+00 0.5 100%", r("{{ '%.2f %.3e %g %d%%' | format(3.14159, 3.14159, 0.5, 100) }}"));
        assertEquals("v", r("{{ '%(k)s' | format(k='v') }}"));
    }

    @Test
    void starRepeatsAStringOrListByAnIntegerAndMultipliesNumbers() {
        assertEquals("webweb", r("{{ name * 2 }}"));
        assertEquals("xxx", r("{{ 3 * 'x' }}"));
        assertEquals("", r("{{ 'x' * 0 }}"));
        assertEquals(java.util.List.of(1, 2, 1, 2), r("{{ xs * 2 }}"));
        assertEquals(510L, ((Number) r("{{ n * 2 }}")).longValue());
        assertEquals(5.0, ((Number) r("{{ 2.5 * 2 }}")).doubleValue());
    }

    @Test
    void percentOnAStringFormatsLikePython() {
        assertEquals("ff", r("{{ '%0x' % n }}"));
        assertEquals("web-2", r("{{ '%s-%d' % (name, xs[1]) }}"));
        assertEquals("x-web", r("{{ 'x' ~ '-%s' % name }}"));
        assertEquals(1L, ((Number) r("{{ 7 % 3 }}")).longValue(), "% between numbers stays a modulo");
        assertEquals("100% done", r("{{ '100% done' }}"));
        assertEquals("{% raw %}", templar.render("{{ '{% raw %}' }}", vars, SourcePosition.UNKNOWN));
    }

    @RepeatedTest(5)
    void randomTakesAnyIntegerBoundAndChoosesFromSequences() {
        String hex = (String) r("{{ '-%0x' % ((2**32) | random) }}");
        assertTrue(hex.matches("-[0-9a-f]{1,8}"), hex);
        long n = ((Number) r("{{ (2**40) | random(start=2**39) }}")).longValue();
        assertTrue(n >= (1L << 39) && n < (1L << 40), String.valueOf(n));
        Object x = r("{{ xs | random }}");
        assertTrue(x.equals(1) || x.equals(2), String.valueOf(x));
        assertEquals(4, ((Number) r("{{ 5 | random(start=4) }}")).intValue());
    }

    @Test
    void randomRefusesWhatPythonsRandCannotTake() {
        assertEquals("random can only be used on sequences and integers",
                assertThrows(TemplateException.class, () -> r("{{ None | random }}")).summary());
        assertEquals("start and step can only be used with integer values",
                assertThrows(TemplateException.class, () -> r("{{ [1, 2, 3] | random(start=2) }}")).summary());
        long n = ((Number) r("{{ 3 | random(start=0, step=0) }}")).longValue();
        assertTrue(n >= 0 && n < 3, "a zero start or step is the default, as Python's 'not start'");
    }

    @Test
    void errorsAreMessagesNotJavaExceptions() {
        String message = assertThrows(TemplateException.class, () -> r("{{ '%d %d' | format(1) }}")).getMessage();
        assertTrue(message.contains("not enough arguments for format string"), message);
        assertFalse(message.contains("Exception"), message);
        String empty = assertThrows(TemplateException.class, () -> r("{{ 0 | random }}")).getMessage();
        assertTrue(empty.contains("empty range"), empty);
    }
}
