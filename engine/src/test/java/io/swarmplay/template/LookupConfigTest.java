package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The config lookup, with the values and messages ansible-playbook 2.14 gives (its lookup_config target). */
class LookupConfigTest {

    final Templar templar = Templar.create();
    final Map<String, Object> vars = new LinkedHashMap<>();

    private Object render(String template) {
        return templar.render(template, vars, SourcePosition.UNKNOWN);
    }

    private String message(String template) {
        return assertThrows(TemplateException.class, () -> render(template)).getMessage();
    }

    @Test
    void globalSettingsAndPluginOptionsFromTheirVariables() {
        assertEquals(true, render("{{ 'meow' in lookup('config', 'ANSIBLE_COW_ACCEPTLIST') }}"));
        vars.put("ansible_ssh_user", "lola");
        vars.put("ansible_ssh_port", 2022);
        vars.put("ansible_remote_tmp", "yolo");
        assertEquals(List.of("lola", 2022), render("{{ q('config', 'remote_user', 'port', plugin_type='connection', plugin_name='ssh') }}"));
        assertEquals(List.of("yolo"), render("{{ q('config', 'remote_tmp', plugin_type='shell', plugin_name='sh') }}"));
    }

    @Test
    void missingSettingsFollowOnMissing() {
        assertTrue(message("{{ lookup('config', 'THIS_DOES_NOT_EXIST') }}").contains("Unable to find setting THIS_DOES_NOT_EXIST"));
        assertEquals(List.of(), render("{{ lookup('config', 'THIS_DOES_NOT_EXIST', on_missing='skip') }}"));
        assertEquals(List.of(), render("{{ lookup('config', 'THIS_DOES_NOT_EXIST', on_missing='warn') }}"));
        assertTrue(message("{{ lookup('config', 'X', on_missing='boo') }}").contains("valid values are"));
        assertTrue(message("{{ lookup('config', 1337) }}").contains("Invalid setting identifier"));
        assertTrue(message("{{ lookup('config', 'ConfigManager') }}").contains("Invalid setting \"ConfigManager\" attempted"));
        assertTrue(message("{{ lookup('config', 'port', plugin_type='connection') }}").contains("Both plugin_type and plugin_name"));
    }
}
