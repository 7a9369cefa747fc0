package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lookup()/query() and the loops' query_terms(), rendered as Ansible 2.14 renders them (values from ansible-playbook). */
class LookupsTest {

    final Templar templar = Templar.create();
    final Map<String, Object> vars = new LinkedHashMap<>();
    @TempDir
    Path dir;

    private Object render(String template) {
        vars.put("playbook_dir", dir.toString());
        return templar.render(template, vars, new SourcePosition(dir.resolve("tasks/main.yml"), 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{{ query('sequence', 'start=1 end=3 format=h%02d') }}      | ['h01', 'h02', 'h03']",
        "{{ query('sequence', '4-10/3') }}                           | ['4', '7', '10']",
        "{{ query('sequence', 'count=2 start=0x10') }}               | ['16', '17']",
        "{{ query('items', [1, [2, 3]], 4) }}                        | [1, [2, 3], 4]",
        "{{ query_terms('items', [[1, [2, 3]], 4]) }}                | [1, [2, 3], 4]",
        "{{ query_terms('nested', [[1, 2], ['a', 'b']]) }}           | [[1, 'a'], [1, 'b'], [2, 'a'], [2, 'b']]",
        "{{ query_terms('together', [[1, 2], ['a']]) }}              | [[1, 'a'], [2, None]]",
        "{{ query('indexed_items', ['a', 'b']) }}                    | [[0, 'a'], [1, 'b']]",
        "{{ query('dict', {'k': 1}) }}                               | [{'key': 'k', 'value': 1}]",
        "{{ lookup('pipe', 'echo one && echo two') }}                | one\\ntwo",
        "{{ query('lines', 'echo one && echo two') }}                | ['one', 'two']",
        "{{ lookup('list', [1, 2]) }}                                | [1, 2]",
        "{{ lookup('list', [1, 2], wantlist=True) }}                 | [[1, 2]]",
        "{{ lookup('items', [1, 2]) }}                               | [1, 2]",
        "{{ lookup('items', ['a', 'b']) }}                           | a,b",
        "{{ lookup('vars', 'nope', default='d') }}                   | d",
        "{{ lookup('env', 'SWARMPLAY_NO_SUCH_VARIABLE', default='d') }} | d"})
    void lookupsGiveAnsiblesValues(String template, String expected) {
        Object value = render(template);
        assertEquals(expected.replace("\\n", "\n"), value instanceof String s ? s : io.swarmplay.template.filters.Values.repr(value));
    }

    @Test
    void termsAreTemplatedAgainAsAnsiblesListifyDoes() throws Exception {
        Files.writeString(dir.resolve("f.out"), "hello\n");
        vars.put("out", dir.toString());
        assertEquals("hello", render("{{ lookup('file', '{{ out }}/f.out') }}"));
        assertEquals(java.util.List.of(dir.toString(), "x"), render("{{ query('items', ['{{ out }}', 'x']) }}"));
        assertEquals(dir + "-2", render("{{ lookup('pipe', 'echo {{ out ~ \"-\" ~ 2 }}') }}"));
    }

    @Test
    void theTemplateLookupGivesAnsiblesTemplateVariables() throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/m.j2"), "{{ template_path }}|{{ template_destpath }}|{{ ansible_managed }}|"
                + "{{ template_fullpath }}|{{ template_mtime | type_debug }}");
        vars.put("template_path", "mine");
        assertEquals("m.j2||Ansible managed|" + dir.resolve("templates/m.j2") + "|datetime", render("{{ lookup('template', 'm.j2') }}"));
    }

    @Test
    void whatALookupFoundIsUnsafeAndNeverTemplatedAgainUnlessAllowUnsafe() throws Exception {
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/raw"), "{{ inner }}");
        vars.put("inner", "rendered");
        vars.put("playbook_dir", dir.toString());
        SourcePosition at = new SourcePosition(dir.resolve("tasks/main.yml"), 1, 1);
        vars.put("content", templar.renderData("{{ lookup('file', 'raw') }}", vars, at));
        assertEquals("{{ inner }}", render("{{ content }}"), "a lookup's result is AnsibleUnsafe: read as written");
        vars.put("content", templar.renderData("{{ lookup('file', 'raw', allow_unsafe=True) }}", vars, at));
        assertEquals("rendered", render("{{ content }}"));
    }

    @Test
    void filesAreFoundUnderFilesAndTemplatesRenderWithTheVariables() throws Exception {
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/motd"), "hello\n\n");
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/t.j2"), "x={{ x }}");
        vars.put("x", 7);
        assertEquals("hello", render("{{ lookup('file', 'motd') }}"));
        assertEquals("x=7", render("{{ lookup('template', 't.j2') }}"));
        Files.writeString(dir.resolve("templates/outer.j2"), "<{% include 't.j2' %}>");
        assertEquals("<x=7>", render("{{ lookup('template', 'outer.j2') }}"), "an include is found beside the template");
        Files.writeString(dir.resolve("templates/custom.j2"), "[# c #]x=[% x %] {{ x }}");
        assertEquals("x=7 {{ x }}", render("{{ lookup('template', 'custom.j2', variable_start_string='[%', variable_end_string='%]',"
                + " comment_start_string='[#', comment_end_string='#]') }}"));
        assertEquals(dir.resolve("files/motd").toString(), render("{{ lookup('first_found', ['nope', 'motd']) }}"));
        assertEquals(java.util.List.of(), render("{{ query('first_found', ['nope'], skip=True) }}"));
        vars.put("name", "motd");
        assertEquals(java.util.List.of(dir.resolve("files/motd").toString()), render("{{ query_terms('first_found', "
                + "[{'files': ['{{ undefined_var }}.yml', '{{ name }}'], 'paths': ['" + dir.resolve("files") + "']}]) }}"),
                "a candidate naming an undefined variable is skipped; the others are rendered");
        assertEquals(java.util.List.of(dir.resolve("files/motd").toString()),
                render("{{ query('fileglob', 'mo*') }}"));
    }

    @Test
    void fileglobSearchesFilesThenEachSearchPathDirectoryUntilOneMatches() throws Exception {
        Path role = Files.createDirectories(dir.resolve("roles/r/tasks"));
        Files.createDirectories(dir.resolve("roles/r/files/sub"));
        Files.writeString(dir.resolve("roles/r/files/sub/in_role.txt"), "x");
        Files.writeString(dir.resolve("play_adj.txt"), "x");
        Files.writeString(dir.resolve(".play_adj.txt"), "x");
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/nested.txt"), "x");
        vars.put("playbook_dir", dir.toString());
        vars.put("role_path", dir.resolve("roles/r").toString());
        SourcePosition inRole = new SourcePosition(role.resolve("main.yml"), 1, 1);
        assertEquals(java.util.List.of(dir.resolve("play_adj.txt").toString()),
                templar.render("{{ query('fileglob', 'play_adj.*') }}", vars, inRole), "the playbook's own folder, after the role's");
        assertEquals(java.util.List.of(dir.resolve("files/nested.txt").toString()),
                templar.render("{{ query('fileglob', 'nest*') }}", vars, inRole));
        assertEquals(java.util.List.of(dir.resolve("roles/r/files/sub/in_role.txt").toString()),
                templar.render("{{ query('fileglob', 'sub/in_*') }}", vars, inRole));
        assertEquals(java.util.List.of(), templar.render("{{ query('fileglob', 'foo/bar') }}", vars, inRole));
    }

    @Test
    void failuresNameTheLookupAndCanBeIgnored() {
        TemplateException missing = assertThrows(TemplateException.class, () -> render("{{ lookup('file', 'nope') }}"));
        assertTrue(missing.getMessage().startsWith("could not locate file in lookup: nope"), missing.getMessage());
        assertEquals("", render("{{ lookup('file', 'nope', errors='ignore') }}"), "None written out is ''");
        TemplateException unknown = assertThrows(TemplateException.class, () -> render("{{ lookup('filez', 'x') }}"));
        assertTrue(unknown.getMessage().startsWith("lookup plugin 'filez' not found"), unknown.getMessage());
        TemplateException junk = assertThrows(TemplateException.class, () -> render("{{ query('sequence', 'start=0 junk=3') }}"));
        assertTrue(junk.getMessage().startsWith("unrecognized arguments to with_sequence: ['junk']"), junk.getMessage());
        TemplateException notList = assertThrows(TemplateException.class, () -> render("{{ query_terms('indexed_items', {'a': 1}) }}"));
        assertTrue(notList.getMessage().startsWith("with_indexed_items expects a list"), notList.getMessage());
        TemplateException dictToList = assertThrows(TemplateException.class, () -> render("{{ query_terms('list', {'a': 1}) }}"));
        assertTrue(dictToList.getMessage().startsWith("with_list expects a list"), dictToList.getMessage());
        assertEquals(java.util.List.of("abc"), render("{{ query_terms('list', 'abc') }}"));
        TemplateException sequence = assertThrows(TemplateException.class, () -> render("{{ query('sequence', 'start=3 end=1') }}"));
        assertTrue(sequence.getMessage().startsWith("to count backwards make stride negative"), sequence.getMessage());
    }

    @Test
    void aPythonLookupPluginOfTheRoleIsNamedAsOneSwarmplayDoesNotRun() {
        io.swarmplay.source.TestFiles.write(dir, "lookup_plugins/my_lookup.py", "# a lookup plugin\n");
        TemplateException e = assertThrows(TemplateException.class, () -> render("{{ lookup('my_lookup', 'x') }}"));
        assertTrue(e.getMessage().startsWith("lookup plugin 'my_lookup' is an Ansible Python lookup plugin ("
                + dir.resolve("lookup_plugins/my_lookup.py") + "): swarmplay runs Python filter and test plugins only"), e.getMessage());
    }

    @Test
    void varsAndVarnamesRefuseWhatIsNotANameOrARegexAsAnsibleSays() {
        vars.put("qz_1", "a");
        vars.put("qa_1", "b");
        assertEquals("qz_1,qa_1", render("{{ lookup('varnames', '^q.*_1') }}"));
        String notString = assertThrows(TemplateException.class, () -> render("{{ lookup('vars', 42) }}")).getMessage();
        assertTrue(notString.contains("Invalid setting identifier, \"42\" is not a string, its a <class 'int'>"), notString);
        String badRegex = assertThrows(TemplateException.class, () -> render("{{ lookup('varnames', '*') }}")).getMessage();
        assertTrue(badRegex.contains("Unable to use \"*\" as a search parameter: nothing to repeat at position 0"), badRegex);
        assertEquals("d", render("{{ lookup('vars', 'nope', default='d') }}"));
    }

    @Test
    void inventoryHostnamesSelectsFromTheGroupsVariableByPattern() {
        vars.put("groups", Map.of("all", java.util.List.of("a1", "a2", "b1", "solo"), "ungrouped", java.util.List.of("solo"),
                "a", java.util.List.of("a1", "a2"), "both", java.util.List.of("a2", "b1")));
        assertEquals(java.util.List.of("a1", "a2"), render("{{ query('inventory_hostnames', 'a') }}"));
        assertEquals(java.util.List.of("a2"), render("{{ query('inventory_hostnames', 'a:&both') }}"));
        assertEquals(java.util.List.of("a1", "solo"), render("{{ query('inventory_hostnames', 'all:!both,a') }}"), "exclusions apply after every union");
        assertEquals(java.util.List.of("b1"), render("{{ query('inventory_hostnames', 'b?') }}"));
        assertEquals(java.util.List.of(), render("{{ query('inventory_hostnames', 'nope') }}"));
    }
}
