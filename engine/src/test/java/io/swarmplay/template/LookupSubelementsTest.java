package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subelements lookup as with_subelements, lookup() and query() use it; values and messages from ansible-playbook 2.14. */
class LookupSubelementsTest {

    final Templar templar = Templar.create();
    @TempDir
    Path dir;

    private Object render(String template) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("users", List.of(
                Map.of("name", "a", "groups", List.of("x", "y"), "info", Map.of("keys", List.of("k1"))),
                Map.of("name", "b", "groups", List.of()),
                Map.of("name", "c")));
        return templar.render(template, vars, new SourcePosition(dir.resolve("main.yml"), 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "{{ query_terms('subelements', [users, 'groups', {'skip_missing': True}]) | map(attribute='1') | list }} ; ['x', 'y']",
        "{{ query_terms('subelements', [users, 'groups', {'skip_missing': 'yes'}])[0][0] | sort }}              ; ['info', 'name']",
        "{{ query_terms('subelements', [users, 'info.keys', {'skip_missing': True}])[0][0].info }}             ; {}",
        "{{ query_terms('subelements', [users, 'info.keys', {'skip_missing': True}])[0][1] }}                  ; k1",
        "{{ query('subelements', {'k': {'n': 'z', 'g': [1]}}, 'g') }}                                          ; [[{'n': 'z'}, 1]]",
        "{{ query('subelements', {'skipped': True}, 'g') }}                                                     ; []",
        "{{ query('subelements', [{'skipped': True}, {'g': [2]}], 'g') }}                                       ; [[{}, 2]]",
        "{{ users[0].groups }}                                                                                   ; ['x', 'y']",
    })
    void givesAnsiblesPairs(String template, String expected) {
        Object value = render(template);
        assertEquals(expected, value instanceof String s ? s : io.swarmplay.template.filters.Values.repr(value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "{{ query_terms('subelements', [users, 'groups']) }}            ; could not find 'groups' key in iterated item '{'name': 'c'}'",
        "{{ query_terms('subelements', [users]) }}                      ; subelements lookup expects a list of two or three items, ",
        "{{ query_terms('subelements', [users, 'name']) }}              ; the key name should point to a list, got 'a'",
        "{{ query_terms('subelements', [[1], 'name']) }}                ; subelements lookup expects a dictionary, got '1'",
        "{{ query_terms('subelements', [users, 'groups', 'skip']) }}    ; the optional third item must be a dict with flags skip_missing",
        "{{ query_terms('subelements', ['x', 'groups']) }}              ; subelements lookup expects a dictionary, got 'x'",
        "{{ lookup('subelements', 9001, 'groups', wantlist=true) }}     ; subelements lookup expects a dictionary, got '9001'",
        "{{ lookup('subelements', true, [1], wantlist=true) }}          ; first a dict or a list, second a string pointing to the subkey",
        "{{ query_terms('subelements', [users, 'name.x']) }}            ; the key name should point to a dictionary, got 'a'",
    })
    void failsWithAnsiblesMessages(String template, String message) {
        TemplateException e = assertThrows(TemplateException.class, () -> render(template));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
