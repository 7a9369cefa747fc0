package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Python methods that Ansible templates call on strings, dicts and lists. */
class PythonMethodsTest {

    private static final SourcePosition AT = new SourcePosition(Path.of("site.yml"), 3, 7);
    private final Templar templar = Templar.create();

    private Object eval(String expression, Map<String, Object> vars) {
        return templar.evaluate(expression, vars, AT);
    }

    @Test
    void stringMethods() {
        Map<String, Object> vars = Map.of("s", "  a b,c  ");
        assertEquals(List.of("a", "b,c"), eval("s.split()", vars));
        assertEquals(List.of("  a b", "c  "), eval("s.split(',')", vars));
        assertEquals("a b,c", eval("s.strip()", vars));
        assertEquals("a b,c  ", eval("s.lstrip()", vars));
        assertEquals(true, eval("s.strip().startswith('a')", vars));
        assertEquals(false, eval("s.endswith('c')", vars));
        assertEquals("  A B,C  ", eval("s.upper()", vars));
        assertEquals("  a-b,c  ", eval("s.replace(' b', '-b')", vars));
        assertEquals("x", eval("'--x--'.strip('-')", vars));
    }

    @Test
    void dictAndListMethods() {
        Map<String, Object> vars = Map.of("d", Map.of("k", 1), "l", List.of("x", "y", "x"));
        assertEquals(List.of("k"), eval("d.keys() | list", vars));
        assertEquals(List.of(List.of("k", 1)), eval("d.items() | list", vars));
        assertEquals(1, eval("d.get('k')", vars));
        assertEquals("none", eval("d.get('z', 'none')", vars));
        assertEquals(2, eval("l.count('x')", vars));
        assertEquals(1, eval("l.index('y')", vars));
    }
}
