package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each filter through the templar, as a playbook would use it. */
class FiltersTest {

    final Templar templar = Templar.create();
    final Map<String, Object> vars = new LinkedHashMap<>();

    FiltersTest() {
        vars.put("users", List.of(Map.of("name", "bob", "uid", 3, "admin", true), Map.of("name", "Al", "uid", 1, "admin", false)));
        vars.put("nums", List.of(3, 1, 2, 3));
        vars.put("result", Map.of("rc", 0, "changed", true));
        vars.put("blank", ""); // not "empty": that is an operator in Jinjava's expression language
        vars.put("nothing", null);
    }

    private Object r(String template) {
        return ExpressionValue.of(templar, template, vars, SourcePosition.UNKNOWN);
    }

    private String error(String template) {
        return assertThrows(TemplateException.class, () -> templar.render(template, vars, SourcePosition.UNKNOWN)).getMessage();
    }

    @Test
    void indentAsJinja2Three() {
        assertEquals("    foo bar", r("{{ 'foo bar' | indent(first=True) }}"));
        assertEquals("a\n  b\n\n  c\n", r("{{ 'a\\nb\\n\\nc\\n' | indent(2) }}"));
        assertEquals("a\n--b\n--", r("{{ 'a\\nb\\n' | indent('--', blank=True) }}"));
        assertEquals("a\n    b", r("{{ 'a\\nb' | indent }}"));
    }

    @Test
    void sliceAsJinja() {
        assertEquals(List.of(List.of("f", "o", "o", " "), List.of("b", "a", "r")), r("{{ 'foo bar' | slice(2) | list }}"));
        assertEquals("[[1, 2], [3, 0]]", String.valueOf(r("{{ [1, 2, 3] | slice(2, 0) | list }}")));
        assertEquals("[[1], [2], []]", String.valueOf(r("{{ [1, 2] | slice(3) | list }}")));
    }

    @Test
    void aStringIsItsCharactersToSortMapAndSelect() {
        assertEquals(List.of(" ", "a", "b", "f", "o", "o", "r"), r("{{ 'foo bar' | sort | list }}"));
        assertEquals(List.of("F", "O", "O"), r("{{ 'foo' | map('upper') | list }}"));
        assertEquals(List.of("o", "o"), r("{{ 'foo bar' | select('equalto', 'o') | list }}"));
        assertEquals(true, r("{{ 'foo' is not callable and nums is not callable }}"));
        assertEquals(List.of("o", "f", "r", "b", "o", "a", " "), r("{{ 'foo bar' | shuffle(seed='foo') }}"), "ansible-playbook's order");
        assertEquals(22L, ((Number) r("{{ 22 | shuffle }}")).longValue(), "a value that is not iterable is returned as it is");
        assertEquals(List.of(true, false, false, true, false), r("{{ ['foo bar' is lower, 'foo Bar' is lower, '1 2' is lower,"
                + " 'A-B 1' is upper, 'foo' is upper] }}"));
    }

    @Test
    void pprintIsPythonsFormatting() {
        assertEquals("'foo bar'", r("{{ 'foo bar' | pprint }}"));
        assertEquals("{'a': [1, None], 'b': True}", r("{{ {'b': true, 'a': [1, none]} | pprint }}"));
    }

    @Test
    void defaultAndD() {
        assertEquals("x", r("{{ missing | default('x') }}"));
        assertEquals("x", r("{{ missing | d('x') }}"));
        assertEquals("", r("{{ blank | default('x') }}"));
        assertEquals("x", r("{{ blank | default('x', true) }}"));
        assertEquals("x", r("{{ nothing | default('x', true) }}"));
        assertEquals("", templar.render("{{ nothing | default('x') }}", vars, SourcePosition.UNKNOWN), "a None written out is '' (Ansible's finalize)");
        assertEquals("", templar.render("{{ missing | default }}", vars, SourcePosition.UNKNOWN));
        assertEquals(0, r("{{ result.rc | default(5) }}"));
    }

    @Test
    void mandatory() {
        assertEquals(0, r("{{ result.rc | mandatory }}"));
        assertEquals("Mandatory variable 'token'  not defined. in \"{{ token | mandatory }}\"", error("{{ token | mandatory }}"));
        assertEquals("Mandatory variable 'result.out'  not defined. in \"{{ result.out | mandatory }}\"", error("{{ result.out | mandatory }}"));
        assertEquals("set the token first in \"{{ token | mandatory('set the token first') }}\"",
                error("{{ token | mandatory('set the token first') }}"));
    }

    @Test
    void boolIntFloatString() {
        for (String yes : List.of("'yes'", "'on'", "'1'", "'true'", "'True'", "1", "true")) assertEquals(true, r("{{ " + yes + " | bool }}"), yes);
        for (String no : List.of("'no'", "'off'", "'0'", "'false'", "0", "'maybe'")) assertEquals(false, r("{{ " + no + " | bool }}"), no);
        assertEquals(true, r("{{ none | bool == none }}"), "Ansible's to_bool keeps None");
        assertEquals(42, r("{{ '42' | int }}"));
        assertEquals(3, r("{{ 3.9 | int }}"));
        assertEquals(0, r("{{ 'abc' | int }}"));
        assertEquals(7L, r("{{ 'abc' | int(7) }}"));
        assertEquals(255, r("{{ '0xff' | int(base=16) }}"));
        assertEquals(5000000000L, r("{{ '5000000000' | int }}"));
        assertEquals(1.5, r("{{ '1.5' | float }}"));
        assertEquals(0.0, r("{{ 'x' | float }}"));
        assertEquals("3", r("{{ 3 | string }}"));
        assertEquals("True", r("{{ true | string }}"));
        assertEquals("['a', 1]", r("{{ ['a', 1] | string }}"));
        assertEquals("dict", r("{{ result | type_debug }}"));
    }

    @Test
    void ternary() {
        assertEquals("yes", r("{{ true | ternary('yes', 'no') }}"));
        assertEquals("no", r("{{ blank | ternary('yes', 'no') }}"));
        assertEquals("null", r("{{ nothing | ternary('yes', 'no', 'null') }}"));
        assertEquals("yes", r("{{ true | ternary('yes', not_defined) }}"));
    }

    @Test
    void caseReplaceTrimAndSplit() {
        assertEquals("abc", r("{{ 'AbC' | lower }}"));
        assertEquals("ABC", r("{{ 'AbC' | upper }}"));
        assertEquals("Hello world", r("{{ 'hello WORLD' | capitalize }}"));
        assertEquals("a-b-c", r("{{ 'a b c' | replace(' ', '-') }}"));
        assertEquals("a-b c", r("{{ 'a b c' | replace(' ', '-', 1) }}"));
        assertEquals("x", r("{{ '  x \n' | trim }}"));
        assertEquals("x", r("{{ '--x--' | trim('-') }}"));
        assertEquals(List.of("a", "b", "c"), r("{{ ' a  b\tc ' | split }}"));
        assertEquals(List.of("a", "", "b"), r("{{ 'a,,b' | split(',') }}"));
        assertEquals(List.of("a", "b,c"), r("{{ 'a,b,c' | split(',', 1) }}"));
        assertEquals(List.of("one", "two"), r("{{ 'one\ntwo\n' | splitlines }}"));
    }

    @Test
    void join() {
        assertEquals("3,1,2,3", r("{{ nums | join(',') }}"));
        assertEquals("bob Al", r("{{ users | join(' ', attribute='name') }}"));
        assertEquals("abc", r("{{ ['a', 'b', 'c'] | join }}"));
    }

    @Test
    void regexFilters() {
        assertEquals("host-02", r("{{ 'host-2' | regex_replace('-(\\\\d)$', '-0\\\\1') }}"));
        assertEquals("v=1.2", r("{{ 'version 1.2' | regex_replace('^version (?P<v>.*)$', 'v=\\\\g<v>') }}"));
        assertEquals("a$b", r("{{ 'a b' | regex_replace(' ', '$') }}"));
        assertEquals("XbX", r("{{ 'aba' | regex_replace('A', 'X', ignorecase=true) }}"));
        assertEquals("1.2", r("{{ 'version 1.2 ok' | regex_search('\\\\d+\\\\.\\\\d+') }}"));
        assertEquals("", templar.render("{{ 'none here' | regex_search('\\\\d+') }}", vars, SourcePosition.UNKNOWN), "a None written out is '' (Ansible's finalize)");
        assertEquals(List.of("1", "2"), r("{{ 'v1.2' | regex_search('(\\\\d)\\\\.(\\\\d)', '\\\\1', '\\\\2') }}"));
        assertEquals(List.of("x"), r("{{ 'k=x' | regex_search('k=(?P<val>.*)', '\\\\g<val>') }}"));
        assertEquals(List.of("1", "22"), r("{{ 'a1b22' | regex_findall('\\\\d+') }}"));
        assertEquals(List.of(List.of("a", "1"), List.of("b", "2")), r("{{ 'a=1 b=2' | regex_findall('(\\\\w)=(\\\\d)') }}"));
        assertEquals("a\\.b\\*", r("{{ 'a.b*' | regex_escape }}"));
        assertEquals("\\]\\]\\^a\\.", r("{{ ']]^a.' | regex_escape(re_type='posix_basic') }}"));
        assertEquals("Invalid regex type (haha) in \"{{ 'x' | regex_escape(re_type='haha') }}\"", error("{{ 'x' | regex_escape(re_type='haha') }}"));
        assertEquals("Unknown argument in \"{{ 'hello' | regex_search('hello', 'unknown') }}\"",
                error("{{ 'hello' | regex_search('hello', 'unknown') }}"), "regex_search takes group references only");
        assertEquals("regex_replace got an invalid regular expression '(': missing ), unterminated subpattern at position 0 in \"{{ 'x' | regex_replace('(', '') }}\"",
                error("{{ 'x' | regex_replace('(', '') }}"));
    }

    @Test
    void serialisation() {
        assertEquals("{\"b\": [1, 2], \"a\": \"\\u00E9\"}", r("{{ {'b': [1, 2], 'a': 'é'} | to_json }}"));
        assertEquals("{\n    \"a\": {},\n    \"b\": [\n        1,\n        2\n    ]\n}", r("{{ {'b': [1, 2], 'a': {}} | to_nice_json }}"));
        assertEquals(Map.of("a", List.of(1, true, "x")), r("{{ '{\"a\": [1, true, \"x\"]}' | from_json }}"));
        assertEquals("a: 1\nb: [x, y]\n", r("{{ {'b': ['x', 'y'], 'a': 1} | to_yaml }}"));
        assertEquals("{a: 1, b: 2}\n", r("{{ {'b': 2, 'a': 1} | to_yaml }}"));
        assertEquals("a: 1\nb:\n- x\n- y\n", r("{{ {'b': ['x', 'y'], 'a': 1} | to_nice_yaml }}"));
        assertEquals("a:\n  b:\n    c: 1\n", r("{{ {'a': {'b': {'c': 1}}} | to_nice_yaml }}"));
        assertEquals(Map.of("a", List.of(1, 2)), r("{{ 'a: [1, 2]' | from_yaml }}"));
        assertEquals(List.of(1, 2), r("{{ '1\n---\n2' | from_yaml_all }}"));
        assertEquals(2L, ((Number) r("{{ 2 | from_yaml_all }}")).longValue(), "a value that is not text is returned as it is");
        assertEquals(Map.of("k", 1L), r("{{ {'k': 1} | from_yaml }}"));
        assertEquals("from_json got text that is not valid JSON (line 1, column 2) in \"{{ '{x' | from_json }}\"", error("{{ '{x' | from_json }}"));
        assertEquals("from_yaml got text that is not valid YAML (line 1) in \"{{ 'a: [' | from_yaml }}\"", error("{{ 'a: [' | from_yaml }}"));
    }

    @Test
    void base64AndPaths() {
        assertEquals("aGk=", r("{{ 'hi' | b64encode }}"));
        assertEquals("hi", r("{{ 'aGk=' | b64decode }}"));
        assertEquals("aABpAOkA", r("{{ 'hi\u00e9' | b64encode(encoding='utf-16-le') }}"));
        assertEquals("hi\u00e9", r("{{ 'aABpAOkA' | b64decode(encoding='utf_16_le') }}"));
        assertEquals("aGnp", r("{{ 'hi\u00e9' | b64encode('latin-1') }}"));
        assertEquals("unknown encoding: nope in \"{{ 'x' | b64encode(encoding='nope') }}\"", error("{{ 'x' | b64encode(encoding='nope') }}"));
        assertEquals("b64decode got input that is not base64 in \"{{ '%%' | b64decode }}\"", error("{{ '%%' | b64decode }}"));
        assertEquals("c.txt", r("{{ '/a/b/c.txt' | basename }}"));
        assertEquals("", r("{{ '/a/b/' | basename }}"));
        assertEquals("/a/b", r("{{ '/a/b/c.txt' | dirname }}"));
        assertEquals("/", r("{{ '/a' | dirname }}"));
        assertEquals("", r("{{ 'a' | dirname }}"));
        assertEquals("/etc/app/x.conf", r("{{ ['/etc', 'app', 'x.conf'] | path_join }}"));
        assertEquals("/abs", r("{{ ['/etc', '/abs'] | path_join }}"));
    }

    @Test
    void quote() {
        assertEquals("'it'\"'\"'s here'", r("{{ \"it's here\" | quote }}"));
        assertEquals("plain", r("{{ 'plain' | quote }}"));
        assertEquals("''", r("{{ '' | quote }}"));
    }

    @Test
    void hashes() {
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", r("{{ 'hello' | hash('sha256') }}"));
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", r("{{ 'hello' | sha256 }}"));
        assertEquals("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", r("{{ 'hello' | hash('sha1') }}"));
        assertEquals("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", r("{{ 'hello' | checksum }}"));
        assertEquals("5d41402abc4b2a76b9719d911017c592", r("{{ 'hello' | hash('md5') }}"));
        assertEquals("5d41402abc4b2a76b9719d911017c592", r("{{ 'hello' | md5 }}"));
        assertEquals("741efa311f97686956946758e0d95f70f11ff2da4f2feb7c54314f44134ac49f", r("{{ 'x' | hash('sha3_256') }}"));
        assertEquals("6a1db6c1dd481f7aab2adb9c262b210edcca35624ec64c29ffca6857b1e30253", r("{{ 'x' | hash('sha512_256') }}"));
        assertEquals("unsupported hash type sha3 in \"{{ 'x' | hash('sha3') }}\"", error("{{ 'x' | hash('sha3') }}"));
    }

    @Test
    void combine() {
        vars.put("a", Map.of("x", 1, "n", Map.of("p", 1, "q", 1), "l", List.of(1)));
        vars.put("b", Map.of("y", 2, "n", Map.of("q", 2), "l", List.of(2)));
        assertEquals(Map.of("x", 1, "y", 2, "n", Map.of("q", 2), "l", List.of(2)), r("{{ a | combine(b) }}"));
        assertEquals(Map.of("x", 1, "y", 2, "n", Map.of("p", 1, "q", 2), "l", List.of(2)), r("{{ a | combine(b, recursive=true) }}"));
        assertEquals(List.of(1, 2), ((Map<?, ?>) r("{{ a | combine(b, list_merge='append') }}")).get("l"));
        assertEquals(Map.of("k", 3L), r("{{ {'k': 1} | combine({'k': 2}, {'k': 3}) }}"));
        assertEquals(Map.of("k", 3L), r("{{ {'k': 1} | combine([{'k': 2}, {'k': 3}]) }}"));
        assertEquals("failed to combine variables, expected dicts but got a 'int' and a 'dict': \n1\n{} in \"{{ [1] | combine({}) }}\"",
                error("{{ [1] | combine({}) }}"));
        assertEquals(Map.of("k", 2L, "j", 1L), r("{{ [{'k': 1, 'j': 1}, {'k': 2}] | combine }}"), "a list of mappings is combined");
        assertEquals(Map.of(), r("{{ None | combine }}"));
        assertEquals(Map.of("b", List.of(1L, 1L, 2L, 3L, 4L)), r("{{ {'b': [1, 1, 2, 3]} | combine({'b': [3, 4]}, list_merge='append_rp') }}"));
        assertEquals(Map.of("b", List.of(3L, 4L, 1L, 1L, 2L)), r("{{ {'b': [1, 1, 2, 3]} | combine({'b': [3, 4]}, list_merge='prepend_rp') }}"));
        assertEquals("'recursive' and 'list_merge' are the only valid keyword arguments in \"{{ {} | combine(foo='bar') }}\"",
                error("{{ {} | combine(foo='bar') }}"));
    }

    @Test
    void dict2itemsAndBack() {
        assertEquals(List.of(Map.of("key", "a", "value", 1L)), r("{{ {'a': 1} | dict2items }}"));
        assertEquals(List.of(Map.of("k", "a", "v", 1L)), r("{{ {'a': 1} | dict2items(key_name='k', value_name='v') }}"));
        assertEquals(Map.of("a", 1L), r("{{ [{'key': 'a', 'value': 1}] | items2dict }}"));
        assertEquals(Map.of("a", 1L), r("{{ [{'k': 'a', 'v': 1}] | items2dict(key_name='k', value_name='v') }}"));
        assertEquals("items2dict requires each dictionary in the list to contain the keys 'key' and 'value', got [{'a': 1}] instead."
                + " in \"{{ [{'a': 1}] | items2dict }}\"", error("{{ [{'a': 1}] | items2dict }}"));
        assertEquals(List.of(List.of("a", 1L)), r("{{ {'a': 1} | items }}"));
        assertEquals(Map.of("a", 1L), r("{{ [['a', 1]] | dict }}"));
        assertEquals(List.of("a", "b"), r("{{ 'ab' | list }}"));
    }

    @Test
    void zipFlattenUniqueSets() {
        assertEquals(List.of(List.of(1L, "a"), List.of(2L, "b")), r("{{ [1, 2, 3] | zip(['a', 'b']) }}"));
        assertEquals(List.of(1L, 2L, 3L, 4L), r("{{ [1, [2, [3, [4]]]] | flatten }}"));
        assertEquals(List.of(1L, 2L, List.of(3L, List.of(4L))), r("{{ [1, [2, [3, [4]]]] | flatten(1) }}"));
        assertEquals(List.of(1L, 2L), r("{{ [1, none, [2]] | flatten }}"));
        assertEquals(List.of(1L, 2L, 3L), r("{{ [1, 'None', [2, 'null', [none]], 3] | flatten }}"), "Ansible skips the strings too");
        assertEquals(Arrays.asList(1L, "None", 2L, null), r("{{ [1, 'None', [2, none]] | flatten(skip_nulls=False) }}"));
        assertEquals(List.of(3, 1, 2), r("{{ nums | unique }}"));
        assertEquals(List.of(3, 1, 2, 5L), r("{{ nums | union([5, 1]) }}"));
        assertEquals(List.of(1, 2), r("{{ nums | difference([3]) }}"));
        assertEquals(List.of(3), r("{{ nums | intersect([3, 9]) }}"));
    }

    @Test
    void lengthFirstLastMinMax() {
        assertEquals(4, r("{{ nums | length }}"));
        assertEquals(2, r("{{ result | length }}"));
        assertEquals(3, r("{{ 'abc' | length }}"));
        assertEquals(4, r("{{ nums | count }}"));
        assertEquals(3, r("{{ nums | first }}"));
        assertEquals(3, r("{{ nums | last }}"));
        assertEquals("", templar.render("{{ [] | first }}", vars, SourcePosition.UNKNOWN));
        assertEquals(1, r("{{ nums | min }}"));
        assertEquals(3, r("{{ nums | max }}"));
        assertEquals(Map.of("name", "Al", "uid", 1, "admin", false), r("{{ users | min(attribute='uid') }}"));
        assertEquals("object of type 'int' has no len() in \"{{ 5 | length }}\"", error("{{ 5 | length }}"));
    }

    @Test
    void sortReverseSumAbsRound() {
        assertEquals(List.of(1, 2, 3, 3), r("{{ nums | sort }}"));
        assertEquals(List.of(3, 3, 2, 1), r("{{ nums | sort(reverse=true) }}"));
        assertEquals(List.of("Al", "bob"), r("{{ users | sort(attribute='name') | map(attribute='name') }}"));
        assertEquals(List.of("Al", "bob"), r("{{ users | sort(attribute='uid') | map(attribute='name') }}"));
        assertEquals(List.of("a", "B", "c"), r("{{ ['c', 'B', 'a'] | sort }}"));
        assertEquals(List.of("B", "a", "c"), r("{{ ['c', 'B', 'a'] | sort(case_sensitive=true) }}"));
        assertEquals("cannot order a string and a number in \"{{ [1, 'a'] | sort }}\"", error("{{ [1, 'a'] | sort }}"));
        assertEquals(List.of(3, 2, 1, 3), r("{{ nums | reverse }}"));
        assertEquals(9, r("{{ nums | sum }}"));
        assertEquals(4, r("{{ users | sum(attribute='uid') }}"));
        assertEquals(3, r("{{ -3 | abs }}"));
        assertEquals(3.0, r("{{ 2.5 | round }}"));
        assertEquals(2.35, r("{{ 2.345 | round(2) }}"));
        assertEquals(2.0, r("{{ 2.7 | round(0, 'floor') }}"));
    }

    @Test
    void selectRejectAndAttr() {
        assertEquals(List.of(3, 3), r("{{ nums | select('equalto', 3) }}"));
        assertEquals(List.of(1, 2), r("{{ nums | reject('equalto', 3) }}"));
        assertEquals(List.of("ab"), r("{{ ['ab', 'cd'] | select('match', 'a') }}"));
        assertEquals(List.of("x"), r("{{ ['', 'x', none] | select }}"));
        assertEquals(List.of("bob"), r("{{ users | selectattr('admin') | map(attribute='name') }}"));
        assertEquals(List.of("Al"), r("{{ users | rejectattr('admin') | map(attribute='name') }}"));
        assertEquals(List.of("Al"), r("{{ users | selectattr('uid', 'lt', 2) | map(attribute='name') }}"));
        assertEquals(List.of(), r("{{ users | selectattr('missing', 'defined') | list }}"));
        assertEquals("Could not load \"equalz\": unknown test 'equalz' in \"{{ nums | select('equalz', 3) }}\"", error("{{ nums | select('equalz', 3) }}"));
    }

    @Test
    void map() {
        assertEquals(List.of("bob", "Al"), r("{{ users | map(attribute='name') }}"));
        assertEquals(List.of("BOB", "AL"), r("{{ users | map(attribute='name') | map('upper') }}"));
        assertEquals(List.of("a-", "b-"), r("{{ ['a', 'b'] | map('regex_replace', '$', '-') }}"));
        assertEquals(List.of(0L, 0L), r("{{ users | map(attribute='gid', default=0) }}"));
        assertEquals("'dict object' has no attribute 'gid' in \"{{ users | map(attribute='gid') }}\"", error("{{ users | map(attribute='gid') }}"));
    }

    @Test
    void rangeFunction() {
        assertEquals(List.of(0, 1, 2), r("{{ range(3) | list }}"));
        assertEquals(List.of(1, 3), r("{{ range(1, 5, 2) | list }}"));
    }

    @Test
    void groupbyGivesGrouperAndListPairsAsJinja() {
        vars.put("people", List.of(Map.of("name", "ann", "city", "Oslo"), Map.of("name", "bob", "city", "Rome"),
                Map.of("name", "cid", "city", "oslo")));
        assertEquals(List.of(List.of("Oslo", List.of(Map.of("name", "ann", "city", "Oslo"), Map.of("name", "cid", "city", "oslo"))),
                List.of("Rome", List.of(Map.of("name", "bob", "city", "Rome")))), r("{{ people | groupby('city') }}"));
        assertEquals("Oslo=ann,cid;Rome=bob;", r("{% for city, items in people | groupby('city') %}"
                + "{{ city }}={{ items | map(attribute='name') | join(',') }};{% endfor %}"));
        assertEquals("Oslo Oslo 2", r("{{ (people | groupby('city'))[0][0] }} {{ (people | groupby('city'))[0].grouper }}"
                + " {{ (people | groupby('city'))[0].list | length }}"));
        assertEquals(3, r("{{ people | groupby('city', case_sensitive=true) | length }}"));
        assertEquals("groupby: an item has no 'zip' in \"{{ people | groupby('zip') }}\"", error("{{ people | groupby('zip') }}"));
    }

    @Test
    void urlencodeQuotesAsJinja() {
        assertEquals("a%20b%26c%3Dd/%C3%A9%3Fx%2By~z", r("{{ 'a b&c=d/é?x+y~z' | urlencode }}"));
        assertEquals("a=b+c&d=%26", r("{{ {'a': 'b c', 'd': '&'} | urlencode }}"));
        assertEquals("k=v+w&x=1", r("{{ [['k', 'v w'], ['x', 1]] | urlencode }}"));
        assertEquals("a/b%3Ac%40d", r("{{ 'a/b:c@d' | urlencode }}"));
        assertEquals("42", r("{{ 42 | urlencode }}"));
    }
}
