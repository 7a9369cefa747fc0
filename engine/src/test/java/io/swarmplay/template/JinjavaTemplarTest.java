package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JinjavaTemplarTest {

    static final SourcePosition AT = new SourcePosition(Path.of("site.yml"), 7, 9);
    final Templar templar = Templar.create();

    static Map<String, Object> vars(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static Map<String, Object> result() {
        return vars("rc", 0, "stderr", "", "changed", true);
    }

    private TemplateException error(Object value, Map<String, Object> vars) {
        return assertThrows(TemplateException.class, () -> templar.render(value, vars, AT));
    }

    @Test
    void createLoadsJinjavaTemplar() {
        assertEquals(JinjavaTemplar.class, templar.getClass());
    }

    @Test
    void loopFiltersSkipItemsAsInJinja() {
        Map<String, Object> vars = vars("orgs", List.of(vars("name", "a"), vars("name", "b"), vars("name", "c")), "me", "b");
        assertEquals("a,c,", templar.renderText("{% for o in orgs if o.name != me %}{{ o.name }},{% endfor %}", vars, AT));
        assertEquals("a\nc\n", templar.renderText("{% for o in orgs if o.name != me -%}\n{{ o.name }}\n{% endfor %}", vars, AT));
        assertEquals("c", templar.renderText("{% for o in orgs %}{% if o.name > me %}{{ o.name }}{% endif %}{% endfor %}", vars, AT),
                "an if inside a for is not a loop filter");
    }

    @Test
    void plainStringsAndScalarsPassThrough() {
        String s = "no template here { not } %";
        assertSame(s, templar.render(s, Map.of(), AT));
        assertEquals(5, templar.render(5, Map.of(), AT));
        assertEquals(true, templar.render(true, Map.of(), AT));
        assertNull(templar.render(null, Map.of(), AT));
    }

    @Test
    void aTemplateHasTheTypeAnsible214GivesIt() {
        Map<String, Object> v = vars("l", List.of(1, 2), "m", Map.of("a", 1), "n", 3, "b", false, "z", null, "d", 1.5);
        assertEquals(List.of(1, 2), templar.render("{{ l }}", v, AT));
        assertEquals("  {'a': 1} ", templar.render("  {{ m }} ", v, AT), "text around the expression: text");
        assertEquals(3, templar.render("{{ n }}", v, AT), "a bare variable holding a number is that number");
        assertEquals(false, templar.render("{{ b }}", v, AT));
        assertNull(templar.render("{{ z }}", v, AT), "a bare variable keeps its None");
        assertEquals("", templar.render("{{ {'a': z}.a }}", v, AT), "any other None written out is '' (Ansible's finalize)");
        assertEquals(1.5, templar.render("{{ d }}", v, AT));
        assertEquals("4", templar.render("{{ n + 1 }}", v, AT), "a number an expression computes is its text");
        assertEquals(true, templar.render("{{ n > 1 }}", v, AT), "'True' reads back as a boolean");
        assertEquals(Map.of("k", List.of(1, 2)), templar.render("{{ {'k': l} }}", v, AT));
    }

    @Test
    void resultsArePlainJavaCollections() {
        Object r = templar.render("{{ [1, {'a': [2]}] }}", Map.of(), AT);
        assertEquals(java.util.ArrayList.class, r.getClass());
        assertEquals(LinkedHashMap.class, ((List<?>) r).get(1).getClass());
        Object m = templar.render("{{ m }}", vars("m", vars("x", List.of("a"))), AT);
        assertEquals(LinkedHashMap.class, m.getClass());
        assertEquals(java.util.ArrayList.class, ((Map<?, ?>) m).get("x").getClass());
    }

    @Test
    void otherStringsRenderToStrings() {
        Map<String, Object> v = vars("n", 3, "l", List.of("a", "b"), "t", true, "z", null);
        assertEquals("n=3", templar.render("n={{ n }}", v, AT));
        assertEquals("['a', 'b'] True ", templar.render("{{ l }} {{ t }} {{ z }}", v, AT), "Ansible's finalize writes None as ''");
        assertEquals("3 3", templar.render("{{ n }} {{ n }}", v, AT));
    }

    @Test
    void treesAreWalkedIncludingKeys() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("{{ k }}", List.of("{{ n }}", "x", 4));
        tree.put("plain", Map.of("deep", "{{ n }}/a"));
        Object out = templar.render(tree, vars("k", "key", "n", 2), AT);
        assertEquals(Map.of("key", List.of(2, "x", 4), "plain", Map.of("deep", "2/a")), out);
    }

    @Test
    void variablesAreRenderedLazilyAndRecursively() {
        Map<String, Object> v = vars("base", "/srv", "work_dir", "{{ base }}/work", "dirs", List.of("{{ work_dir }}/a"),
                "cfg", Map.of("port", "{{ port }}"), "port", 8080);
        assertEquals("/srv/work/spire", templar.render("{{ work_dir }}/spire", v, AT));
        assertEquals(List.of("/srv/work/a"), templar.render("{{ dirs }}", v, AT));
        assertEquals("8080", templar.render("{{ cfg.port }}", v, AT), "a number from an expression is written out");
        assertEquals(Map.of("port", 8080), templar.render("{{ cfg }}", v, AT));
    }

    @Test
    void aCycleNamesTheVariablesInTheLoop() {
        TemplateException e = error("{{ a }}", vars("a", "{{ b }}", "b", "x{{ a }}"));
        assertEquals("'a' refers to itself: a -> b -> a in \"{{ a }}\"", e.getMessage());
    }

    @Test
    void undefinedTopLevelVariableSuggestsACloseName() {
        TemplateException e = error("{{ workdir }}/spire", vars("work_dir", "/w"));
        assertEquals("'workdir' is undefined in \"{{ workdir }}/spire\"", e.getMessage());
        assertEquals("did you mean 'work_dir'?", e.hint());
        assertEquals(AT, e.position());
    }

    @Test
    void undefinedVariableWithoutCloseNameSaysWhereToDefineIt() {
        TemplateException e = error("{{ zzz }}", vars("work_dir", "/w"));
        assertEquals("'zzz' is undefined in \"{{ zzz }}\"", e.getMessage());
        assertEquals("define it in inventory, vars or with -e", e.hint());
    }

    @Test
    void missingKeyIsWordedAsJinjaAndTheHintNamesTheMapAndItsKeys() {
        TemplateException e = error("{{ result.stdout }}", vars("result", result()));
        assertEquals("'dict object' has no attribute 'stdout' in \"{{ result.stdout }}\"", e.getMessage());
        assertEquals("'result' has keys: rc, stderr, changed", e.hint());
        TemplateException typo = error("{{ result.stderrr }}", vars("result", result()));
        assertEquals("'result' has keys: rc, stderr, changed; did you mean 'stderr'?", typo.hint());
    }

    @Test
    void missingKeyDeepInHostvarsIsNamedAsWritten() {
        Map<String, Object> v = vars("hostvars", vars("h1", vars("result", result())));
        TemplateException e = error("{{ hostvars['h1'].result.out }}", v);
        assertEquals("'dict object' has no attribute 'out' in \"{{ hostvars['h1'].result.out }}\"", e.getMessage());
        assertEquals("'hostvars['h1'].result' has keys: rc, stderr, changed", e.hint());
    }

    @Test
    void hostvarsMissesAreWordedAsAnsiblesHostVars() {
        Map<String, Object> v = vars("hostvars", vars("h1", vars("result", result())));
        assertEquals("\"hostvars['h2']\" is undefined in \"{{ hostvars['h2'].result }}\"", error("{{ hostvars['h2'].result }}", v).getMessage());
        assertEquals("'ansible.vars.hostvars.HostVarsVars object' has no attribute 'nope' in \"{{ hostvars.h1.nope }}\"",
                error("{{ hostvars.h1.nope }}", v).getMessage());
    }

    @Test
    void emptyMapAndListIndexMessages() {
        assertEquals("'dict object' has no attribute 'x' in \"{{ m.x }}\"", error("{{ m.x }}", vars("m", Map.of())).getMessage());
        assertEquals("'m' has no keys", error("{{ m.x }}", vars("m", Map.of())).hint());
        assertEquals("list object has no element 5 in \"{{ l[5] }}\"",
                error("{{ l[5] }}", vars("l", List.of(1, 2))).getMessage());
        assertEquals(2, templar.evaluate("l[-1]", vars("l", List.of(1, 2)), AT));
    }

    @Test
    void undefinedInsideATemplatedVariableNamesTheVariable() {
        TemplateException e = error("{{ workdir }}/spire", vars("workdir", "{{ bse }}/w", "base", "/srv"));
        assertEquals("{{ bse }}/w: 'bse' is undefined. 'bse' is undefined in \"{{ workdir }}/spire\"", e.getMessage());
        assertEquals("did you mean 'base'?", e.hint());
    }

    @Test
    void aVariableWhoseTemplateIsUndefinedIsUndefinedWhereTested() {
        Map<String, Object> vars = vars("mytest", "{{ und }}", "nested", "a {{ mytest }}");
        assertEquals("False True False d", templar.render(
                "{{ mytest is defined }} {{ mytest is undefined }} {{ nested is defined }} {{ mytest | default('d') }}", vars, AT));
        assertEquals("{{ und }}: 'und' is undefined. 'und' is undefined in \"{{ mytest }}\"", error("{{ mytest }}", vars).getMessage());
    }

    @Test
    void unsafeTextIsNeverRenderedNorWhatIsComputedFromIt() {
        Map<String, Object> vars = vars("u", new io.swarmplay.source.UnsafeText("{{ nope }}"), "v", "{{ u }} and more");
        assertEquals("{{ nope }}|{{ nope }} and more", templar.render("{{ u }}|{{ v }}", vars, AT));
        assertEquals("{{ nope }}", templar.render(new io.swarmplay.source.UnsafeText("{{ nope }}"), Map.of(), AT));
    }

    @Test
    void membershipInAMapRendersNoneOfItsValues() {
        Map<String, Object> vars = vars("m", Map.of("a", "{{ und }}"));
        assertEquals(true, templar.render("{{ 'a' in m }}", vars, AT));
        assertEquals(false, templar.render("{{ 'b' in m }}", vars, AT));
        assertEquals(List.of("a"), templar.render("{{ m.keys() | list }}", vars, AT));
    }

    @Test
    void multiLineTemplatesNameTheLine() {
        TemplateException e = error("a\nb\nport={{ prot }}\n", vars("port", 1));
        assertEquals("'prot' is undefined in \"port={{ prot }}\" (line 3 of the template)", e.getMessage());
    }

    @Test
    void renderTextMovesThePositionToTheFailingLine() {
        SourcePosition file = new SourcePosition(Path.of("templates/app.conf.j2"), 1, 1);
        TemplateException e = assertThrows(TemplateException.class,
                () -> templar.renderText("a\n{% for i in items %}\n{{ i.name }}\n{% endfor %}\n", vars("items", List.of(Map.of("id", 1))), file));
        assertEquals("'dict object' has no attribute 'name' in \"{{ i.name }}\" (line 3 of the template)", e.getMessage());
        assertEquals(3, e.position().line());
    }

    @Test
    void definedAndDefaultDoNotRaise() {
        Map<String, Object> v = vars("result", result(), "x", 1);
        assertEquals(false, templar.evaluate("nope is defined", v, AT));
        assertEquals(true, templar.evaluate("nope is undefined", v, AT));
        assertEquals("d", templar.render("{{ nope | default('d') }}", v, AT));
        assertEquals(false, templar.evaluate("result.stdout is defined", v, AT));
        assertEquals("", templar.render("{{ result.stdout | default('') }}", v, AT));
        assertEquals("z", templar.render("{{ nope.deeper.still | default('z') }}", v, AT));
        assertEquals(1, templar.evaluate("x | default(nope)", v, AT));
        assertEquals("d", templar.render("{{ nope if nope is defined else 'd' }}", v, AT));
        assertEquals(Templar.Truth.TRUE, templar.test("nope is not defined", v, AT));
    }

    @Test
    void methodsOnMapsAreNotMissingKeys() {
        Map<String, Object> v = vars("m", vars("a", 1));
        assertEquals("a=1;", templar.render("{% for k, val in m.items() %}{{ k }}={{ val }};{% endfor %}", v, AT));
        assertEquals(List.of("a"), templar.render("{{ m.keys() | list }}", v, AT));
    }

    @Test
    void unknownPropagatesThroughRenderEvaluateAndTest() {
        Unknown u = new Unknown("result of 'build'");
        Map<String, Object> v = vars("result", u, "x", 1);
        assertSame(u, templar.render("{{ result.stdout }}", v, AT));
        assertSame(u, templar.render("id={{ result.stdout | trim }}", v, AT));
        assertSame(u, templar.render(Map.of("a", List.of("{{ x }}", "{{ result.rc + 1 }}")), v, AT));
        assertSame(u, templar.evaluate("result.rc == 0", v, AT));
        assertEquals(Templar.Truth.UNKNOWN, templar.test("result is changed", v, AT));
        assertEquals(Templar.Truth.UNKNOWN, templar.test("result.rc != 0 and x == 1", v, AT));
        assertSame(u, templar.render("{{ result.stdout | from_json }}", v, AT));
        assertSame(u, templar.render("{{ 'a' | default(result) }}", v, AT));
    }

    @Test
    void unknownNestedInsideMapsAndTemplatedVariables() {
        Unknown u = new Unknown("result of 'join token'");
        Map<String, Object> v = vars("hostvars", vars("h1", vars("token", vars("stdout", u), "ip", "10.0.0.1")),
                "tok", "{{ hostvars['h1'].token.stdout }}");
        assertSame(u, templar.render("docker swarm join --token {{ hostvars['h1'].token.stdout }}", v, AT));
        assertEquals("10.0.0.1", templar.render("{{ hostvars['h1'].ip }}", v, AT));
        assertSame(u, templar.render("{{ tok }}", v, AT));
        assertSame(u, templar.render("{{ hostvars['h1'] }}", v, AT));
        assertSame(u, templar.render("{{ hostvars['h1'] | to_json }}", v, AT));
        assertEquals(Templar.Truth.TRUE, templar.test("tok is defined", v, AT));
    }

    @Test
    void unknownIsDefined() {
        Unknown u = new Unknown("r");
        Map<String, Object> v = vars("r", u);
        assertEquals(Templar.Truth.TRUE, templar.test("r is defined", v, AT));
        assertEquals(Templar.Truth.FALSE, templar.test("r is undefined", v, AT));
        assertEquals(Templar.Truth.UNKNOWN, templar.test("r is defined and r.rc == 0", v, AT));
    }

    @Test
    void unknownWinsOverUndefinedButNotOverSyntaxErrors() {
        Unknown u = new Unknown("r");
        assertSame(u, templar.render("{{ r.x }} {{ nope }}", vars("r", u), AT));
        TemplateException e = error("{{ r.x | to_jsn }}", vars("r", u));
        assertEquals("Could not load \"to_jsn\": unknown filter 'to_jsn' in \"{{ r.x | to_jsn }}\"", e.getMessage());
        assertEquals("did you mean 'to_json'?", e.hint());
    }

    @Test
    void omit() {
        Map<String, Object> v = vars("mode", "0644");
        assertSame(Omit.INSTANCE, templar.render("{{ omit }}", v, AT));
        assertSame(Omit.INSTANCE, templar.render("{{ file_mode | default(omit) }}", v, AT));
        assertEquals("0644", templar.render("{{ mode | default(omit) }}", v, AT));
        assertEquals("x" + Omit.PLACEHOLDER, templar.render("x{{ omit }}", v, AT));
    }

    @Test
    void testUsesJinjaTruthiness() {
        Map<String, Object> v = vars("e", "", "l", List.of(), "m", Map.of(), "z", 0, "n", null, "s", "false", "one", 1);
        for (String falsy : List.of("e", "l", "m", "z", "n", "false", "False", "one == 2")) {
            assertEquals(Templar.Truth.FALSE, templar.test(falsy, v, AT), falsy);
        }
        for (String truthy : List.of("s", "one", "true", "True", "one == 1", "[0]")) {
            assertEquals(Templar.Truth.TRUE, templar.test(truthy, v, AT), truthy);
        }
    }

    @Test
    void aNonEmptyStringIsTrueInEveryOperatorAsInPython() {
        Map<String, Object> v = vars("x", "false", "y", "False", "t", "true", "bf", false, "e", "");
        for (String falsy : List.of("not x", "not y", "x and e", "not (x or bf)", "x | bool", "not t")) {
            assertEquals(Templar.Truth.FALSE, templar.test(falsy, v, AT), falsy);
        }
        for (String truthy : List.of("x", "y", "x and t", "x or bf", "not e", "x == 'false'")) {
            assertEquals(Templar.Truth.TRUE, templar.test(truthy, v, AT), truthy);
        }
        assertEquals("T", templar.render("{{ 'T' if x else 'F' }}", v, AT));
        assertEquals(false, templar.render("{{ not x }}", v, AT));
        assertEquals("yes-no", templar.renderText("{% if x %}yes{% endif %}-{% if e %}yes{% elif y %}no{% endif %}", v, AT));
    }

    @Test
    void hostDataIsNeverRenderedAndWhatIsComputedFromItStaysHostData() {
        Map<String, Object> v = vars("secret", "CONTROLLER", "out", new Unsafe(vars("stdout", "{{ secret }}", "lines", List.of("{{ secret }}"))),
                "fact", new Unsafe("{% if true %}x{% endif %}"), "copy", "{{ out.stdout }}", "mine", "{{ secret }}");
        assertEquals("got {{ secret }}", templar.render("got {{ out.stdout }}", v, AT));
        assertEquals("{{ secret }}", templar.render("{{ out.lines[0] }}", v, AT));
        assertEquals("{% if true %}x{% endif %}!", templar.render("{{ fact }}!", v, AT));
        assertEquals("{{ secret }}", templar.render("{{ copy }}", v, AT), "a variable computed from host data");
        assertEquals("x {{ secret }}", templar.renderText("x {{ out['stdout'] }}", v, AT));
        assertEquals("CONTROLLER", templar.render("{{ mine }}", v, AT), "the playbook's own templates render");
        assertEquals(new Unsafe("{{ secret }}"), templar.renderData("{{ out.stdout }}", v, AT));
        assertEquals("CONTROLLER", templar.renderData("{{ mine }}", v, AT));
        assertEquals(Map.of("k", "{{ secret }}"), templar.render(Map.of("k", new Unsafe("{{ secret }}")), v, AT));
    }

    @Test
    void conditionWithBracesIsRenderedThenEvaluated() {
        Map<String, Object> v = vars("flag", "false", "yes", true, "n", 5);
        assertEquals(Templar.Truth.FALSE, templar.test("{{ flag }}", v, AT));
        assertEquals(Templar.Truth.TRUE, templar.test("{{ yes }}", v, AT));
        assertEquals(Templar.Truth.FALSE, templar.test("{{ n }} == 1", v, AT));
    }

    @Test
    void syntaxErrors() {
        TemplateException unclosed = error("x {{ a ", Map.of());
        assertEquals("unclosed '{{' in \"x {{ a \"", unclosed.getMessage());
        assertEquals("close it with '}}'", unclosed.hint());
        assertEquals("Could not load \"defind\": unknown test 'defind' in \"{{ x is defind }}\"", error("{{ x is defind }}", Map.of()).getMessage());
        assertEquals("unknown function 'lookupp' in \"{{ lookupp('env', 'HOME') }}\"",
                error("{{ lookupp('env', 'HOME') }}", Map.of()).getMessage());
        assertEquals("missing '{% endif %}' in \"{% if true %}x\"", error("{% if true %}x", Map.of()).getMessage());
        TemplateException parse = error("a\n{{ 1 + }}", Map.of());
        assertEquals("syntax error in '1 +': unexpected '}' in \"{{ 1 + }}\" (line 2 of the template)", parse.getMessage());
    }

    @Test
    void ansibleBuiltinPrefixIsAccepted() {
        assertEquals("[1]", templar.render("{{ [1] | ansible.builtin.to_json }}", Map.of(), AT));
        assertEquals(true, templar.evaluate("'ab' is ansible.builtin.match('a')", Map.of(), AT));
    }

    @Test
    void blockTagsDropTheirNewlineAsAnsibleTemplatesDo() {
        String text = "{% for i in [1, 2] %}\nline {{ i }}\n{% endfor %}\n{# note #}\nend\n";
        assertEquals("line 1\nline 2\nend\n", templar.renderText(text, Map.of(), AT));
        assertEquals("{{ raw }}\n", templar.renderText("{% raw %}\n{{ raw }}\n{% endraw %}\n", Map.of(), AT));
    }

    @Test
    void loopAndSetVariablesAreNotUndefined() {
        assertEquals("q=", templar.render("{% set q = none %}q={{ q }}", Map.of(), AT), "defined, and None is written as ''");
        assertEquals("1,2,", templar.render("{% for i in [1, 2] %}{{ i }},{% endfor %}", Map.of(), AT));
    }

    @Test
    void secretsAreNotQuotedInMessages() {
        Map<String, Object> v = vars("password", "hunter2", "p", "{{ password | from_json }}");
        TemplateException e = error("{{ p }}", v);
        assertEquals("from_json got text that is not valid JSON (line 1, column 8) (via 'p') in \"{{ p }}\"", e.getMessage());
    }

    @Test
    void concurrentRendersDoNotInterfere() throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        Map<Integer, Object> seen = new java.util.concurrent.ConcurrentHashMap<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 200; i++) seen.put(id * 1000 + i, templar.render("{{ v }}-{{ w }}", vars("v", id, "w", "{{ v }}"), AT));
            }));
        }
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        for (Map.Entry<Integer, Object> e : seen.entrySet()) assertEquals((e.getKey() / 1000) + "-" + (e.getKey() / 1000), e.getValue());
        assertEquals(800, seen.size());
    }

    @Test
    void varsMapIsNotModified() {
        Map<String, Object> v = new HashMap<>(vars("a", "{{ b }}", "b", 1));
        templar.render("{{ a }}", v, AT);
        assertEquals(Map.of("a", "{{ b }}", "b", 1), v);
    }

    @Test
    void stringLiteralsOfAnExpressionTakePythonsEscapesAndKeepUnknownOnes() {
        Map<String, Object> v = vars("n", 1);
        assertEquals("^q.*_\\d", templar.evaluate("'^q.*_\\d'", v, AT), "Python keeps an unknown escape");
        assertEquals("xA\ty\u001a\n", templar.evaluate("'x\\x41\\ty\\x1a\\n'", v, AT));
        assertEquals(List.of(1, true), templar.render("{{ [m.null, m.true] }}", vars("m", Map.of("null", 1, "true", true)), AT),
                "keywords after a dot are attribute names");
        assertEquals("it's \"q\"", templar.evaluate("'it\\'s \\\"q\\\"'", v, AT));
    }

    @Test
    void aTemplateStringsLiteralsInsideBracesKeepTheirBackslashesAsAnsibleEscapesThem() {
        Map<String, Object> v = vars("n", 1);
        assertEquals("a\\nb", templar.render("{{ 'a\\nb' }}", v, AT));
        assertEquals(List.of("bye", "good"), templar.render("{{ 'goodbye' | regex_search('(good)(bye)', '\\2', '\\1') }}", v, AT));
        assertEquals("{{ '\\t' }}", templar.render("{% raw %}{{ '\\t' }}{% endraw %}", v, AT), "a raw block is left alone");
        assertEquals("p\tq", templar.render("{% set x = 'p\\tq' %}{{ x }}", v, AT), "a tag's literals take Python's escapes");
    }
}
