package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.filters.Values;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The mathstuff and URL filters and the set/file tests, with the values ansible-playbook 2.14 gives. */
class MathAndUrlFiltersTest {

    final Templar templar = Templar.create();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '"', value = {
        "[1, 2, 3] | symmetric_difference([2, 3, 4])   ~ [1, 4]",
        "[1, 2] | product(['a', 'b']) | list            ~ [[1, 'a'], [1, 'b'], [2, 'a'], [2, 'b']]",
        "[1, 2, 3] | permutations(2) | list             ~ [[1, 2], [1, 3], [2, 1], [2, 3], [3, 1], [3, 2]]",
        "[1, 2, 3] | combinations(2) | list             ~ [[1, 2], [1, 3], [2, 3]]",
        "[1, 2, 3] | zip_longest([4]) | list            ~ [[1, 4], [2, None], [3, None]]",
        "8 | log(2)                                     ~ 3.0",
        "2 | pow(3)                                     ~ 8.0",
        "9 | root                                       ~ 3.0",
        "1048576 | human_readable                       ~ '1.00 MB'",
        "'1.5 KB' | human_to_bytes                      ~ 1536",
        "'10M' | human_to_bytes                         ~ 10485760",
        "'a' | extract({'a': {'b': 1}}, 'b')             ~ 1",
        "[{'n': 1, 'g': [1, 2]}] | subelements('g') | length ~ 2",
        "'http://u:p@www.Example.com:8080/a?x=1#f' | urlsplit('hostname') ~ 'www.example.com'",
        "'http://u:p@www.Example.com:8080/a?x=1#f' | urlsplit('port')     ~ 8080",
        "'a%20b+c' | urldecode                          ~ 'a b c'",
        "[1, 2] is subset([1, 2, 3])                    ~ True",
        "[1, 2, 3] is issuperset([1, 4])                ~ False",
        "{'failed': False} is successful                ~ True",
        "'/etc' is directory                            ~ True",
        "'/etc' is file                                 ~ False",
        "'a/b.tar.gz' | splitext                         ~ ['a/b.tar', '.gz']",
        "'a/.bashrc' | splitext                          ~ ['a/.bashrc', '']",
        "'/etc/../etc/./hosts' | realpath                ~ '/etc/hosts'",
        "'/a/b/c' | relpath('/a')                        ~ 'b/c'",
        "['a', 'A', 'b'] | unique                        ~ ['a', 'b']",
        "['a', 'A'] | unique(case_sensitive=True)        ~ ['a', 'A']",
        "[{'x': 'A'}, {'x': 'a'}] | unique(attribute='x') ~ [{'x': 'A'}]",
        "[{'a': 1}, {'a': 1}, {'b': 2}] | unique         ~ [{'a': 1}, {'b': 2}]",
        "'aAb' | unique                                  ~ ['a', 'b']"})
    void filtersAndTestsGiveAnsiblesValues(String expression, String expected) {
        Object value = templar.evaluate(expression, Map.of(), SourcePosition.UNKNOWN);
        assertEquals(expected, Values.repr(value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '"', value = {
        "[{'a': 1}] | unique(case_sensitive=False) ~ Jinja2's unique filter failed and we cannot fall back",
        "True | unique                             ~ 'bool' object is not iterable"})
    void uniqueFailsAsAnsibleForWhatItCannotCompare(String expression, String message) {
        TemplateException e = org.junit.jupiter.api.Assertions.assertThrows(TemplateException.class,
                () -> templar.evaluate(expression, Map.of(), SourcePosition.UNKNOWN));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
