package io.swarmplay.run;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.JinjavaTemplar;
import io.swarmplay.template.Templar;
import io.swarmplay.template.TemplateException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RenderedVarsTest {

    /** The real templar, counting the renders asked of it. */
    private static final class CountingTemplar implements Templar {
        private final Templar real = new JinjavaTemplar();
        int renders;

        @Override
        public Object render(Object value, Map<String, Object> vars, SourcePosition at) {
            renders++;
            return real.render(value, vars, at);
        }

        @Override
        public Object renderData(Object value, Map<String, Object> vars, SourcePosition at) {
            renders++;
            return real.renderData(value, vars, at);
        }

        @Override
        public Object evaluate(String expression, Map<String, Object> vars, SourcePosition at) {
            return real.evaluate(expression, vars, at);
        }

        @Override
        public Truth test(String expression, Map<String, Object> vars, SourcePosition at) {
            return real.test(expression, vars, at);
        }

        @Override
        public String renderText(String template, Map<String, Object> vars, SourcePosition at) {
            return real.renderText(template, vars, at);
        }
    }

    @Test
    void aTemplatedValueIsRenderedInTheHostsOwnVariablesOncePerKey() {
        CountingTemplar templar = new CountingTemplar();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("org", "org-1");
        vars.put("dir", "/w/{{ org }}");
        vars.put("plain", "/srv");
        vars.put("nothing", "{{ none }}");
        RenderedVars hostvars = new RenderedVars(vars, () -> templar);
        for (int i = 0; i < 5; i++) {
            assertEquals("/w/org-1", hostvars.get("dir"));
            assertEquals("/srv", hostvars.get("plain"));
            assertEquals("", hostvars.get("nothing"), "a None an expression gives is written out as ''");
        }
        assertEquals(2, templar.renders);
        assertEquals("/w/org-1", hostvars.entrySet().stream().filter(e -> e.getKey().equals("dir")).findFirst().orElseThrow().getValue());
        assertEquals(2, templar.renders);
    }

    @Test
    void aRenderThatFailsIsNotKeptAndOneUsingAnUndefinedVariableIsItsText() {
        CountingTemplar templar = new CountingTemplar();
        RenderedVars hostvars = new RenderedVars(Map.of("bad", "{{ 1 + }}", "undefined", "{{ missing }}"),
                () -> templar);
        assertThrows(TemplateException.class, () -> hostvars.get("bad"));
        assertThrows(TemplateException.class, () -> hostvars.get("bad"));
        assertEquals(2, templar.renders);
        assertEquals(new io.swarmplay.template.AsWritten("{{ missing }}"), hostvars.get("undefined"));
    }
}
