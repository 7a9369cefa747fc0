package io.swarmplay.run;

import io.swarmplay.playbook.EnvironmentKeyword;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.Templar;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnvironmentRenderTest {

    @Test
    void aTemplatedEnvironmentIsMergedInItsPlaceLaterEntriesWinning() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("key1", "literal");
        env.put(EnvironmentKeyword.TEMPLATE_KEY + "{{ test1 }}", "{{ test1 }}");
        env.put("key2", "{{ 'from' ~ 'task' }}");
        Map<String, Object> vars = Map.of("test1", Map.of("key1", "val1", "key2", "val2", "n", 3));
        Map<String, String> rendered = RenderedArgs.environment(Templar.create(), env, vars, SourcePosition.UNKNOWN);
        assertEquals(Map.of("key1", "val1", "key2", "fromtask", "n", "3"), rendered);
    }

    @Test
    void aVariableNeedingTheEnvFactBeforeItIsGatheredIsLeftOutOthersStay() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("PATH", "{{ ansible_env.PATH + ':/lola' }}");
        env.put("lola", "ido");
        Map<String, String> rendered = RenderedArgs.environment(Templar.create(), env, Map.of(), SourcePosition.UNKNOWN);
        assertEquals(Map.of("lola", "ido"), rendered);
    }

    @Test
    void anyOtherUndefinedVariableStillFails() {
        Map<String, Object> env = Map.of("PATH", "{{ missing_path }}");
        org.junit.jupiter.api.Assertions.assertThrows(io.swarmplay.template.TemplateException.class,
                () -> RenderedArgs.environment(Templar.create(), env, Map.of(), SourcePosition.UNKNOWN));
    }
}
