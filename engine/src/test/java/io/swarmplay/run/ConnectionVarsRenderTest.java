package io.swarmplay.run;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.Templar;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Connection variables reach the connection rendered, the become ones included (task vars are often templates). */
class ConnectionVarsRenderTest {

    @Test
    void becomeVariablesAreRendered() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("test_user_name", "ansibletest0");
        vars.put("method", "su");
        vars.put("ansible_become", "{{ 1 == 1 }}");
        vars.put("ansible_become_user", "{{ test_user_name }}");
        vars.put("ansible_become_method", "{{ method }}");
        vars.put("ansible_become_flags", "{{ '-l' }}");
        Map<String, Object> rendered = RenderedArgs.connectionVars(Templar::create, vars, SourcePosition.UNKNOWN);
        assertEquals("ansibletest0", rendered.get("ansible_become_user"));
        assertEquals("su", rendered.get("ansible_become_method"));
        assertEquals("-l", rendered.get("ansible_become_flags"));
        assertEquals(true, rendered.get("ansible_become"));
    }
}
