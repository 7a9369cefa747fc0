package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.Vault;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rendered types with Ansible's jinja2_native on ({@link NativeConcat}); each case is what
 * ansible-playbook 2.14 gave with ANSIBLE_JINJA2_NATIVE=1.
 */
class NativeTypesTest {

    private final Templar nativeTemplar = Templar.create(message -> { }, TemplatePlugins.NONE, Vault.none(), true);
    private final Templar plainTemplar = Templar.create();
    private final Map<String, Object> vars = new LinkedHashMap<>();

    NativeTypesTest() {
        vars.put("i_two", 2);
        vars.put("s_two", "2");
        vars.put("word", "no");
        vars.put("list_ints", List.of(4, 2));
        vars.put("list_one", List.of("one", "two"));
        vars.put("one_int", List.of(1));
        vars.put("quoted", "'{{ i_two }}'");
        vars.put("from_text", "{{ '1' }}");
        vars.put("third", "\"hello\"");
        vars.put("second", "{{ third }}");
    }

    private Object r(String template) {
        return nativeTemplar.render(template, vars, SourcePosition.UNKNOWN);
    }

    @Test
    void theSwitchIsOffByDefault() {
        assertFalse(plainTemplar.nativeTypes());
        assertTrue(nativeTemplar.nativeTypes());
        assertEquals("1", plainTemplar.render("{{ '1' }}", vars, SourcePosition.UNKNOWN));
        assertEquals("", plainTemplar.render("{{ none }}", vars, SourcePosition.UNKNOWN));
    }

    @Test
    void oneExpressionKeepsItsValueAndTextIsReadAsAPythonLiteral() {
        assertEquals(1, r("{{ '1' }}"));
        assertEquals(2, r("{{ s_two }}"));
        assertEquals(2, r("{{ s_two | int }}"));
        assertEquals(List.of(4, 2), r("{{ list_ints }}"));
        assertNull(r("{{ none }}"));
        assertEquals(true, r("{{ 1 == 1 }}"));
        assertEquals("no", r("{{ word }}"));
        assertEquals("true", r("{{ 'true' }}"), "JSON's names are not Python's");
        assertEquals("2", r("{{ i_two | string }}"), "a text filter's result stays text");
        assertEquals("[\"one\", \"two\"]", r("{{ list_one | to_json }}"));
    }

    @Test
    void severalNodesAreJoinedAndReadBack() {
        assertEquals(42, r("{% for x in list_ints %}{{ x }}{% endfor %}"));
        assertEquals(1, r("{% for x in one_int %}{{ x }}{% endfor %}"));
        assertEquals("onetwo", r("{% for x in list_one %}{{ x }}{% endfor %}"));
        assertEquals(List.of(4, 2), r("[{% for x in list_ints %}{{ x }},{% endfor %}]"));
        assertEquals("['one', 'two'] + ['one', 'two']", r("{{ list_one }} + {{ list_one }}"));
        assertEquals("aNone", r("a{{ none }}"), "None is not written as '' with native types");
        assertEquals(" 2", r(" {{ i_two }}"), "an indented literal is no literal for Python");
        assertEquals("x\n", r("x{{ '' }}\n"));
    }

    @Test
    void aStringLiteralKeepsItsQuotes() {
        assertEquals("'2'", r("'{{ i_two }}'"));
        assertEquals("'2'", r("{{ quoted }}"));
        assertEquals("\"hello\"", r("{{ second }}"));
    }

    @Test
    void variablesRenderNativelyToo() {
        assertEquals(2, ((Number) r("{{ from_text + 1 }}")).intValue());
    }

    @Test
    void templateFilesAreNeverNative() {
        assertEquals("1", nativeTemplar.renderText("{{ '1' }}", vars, SourcePosition.UNKNOWN));
        assertEquals("a", nativeTemplar.renderText("a{{ none }}", vars, SourcePosition.UNKNOWN));
    }
}
