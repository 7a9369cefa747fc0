package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a failing filter makes of the task's {@code msg}, as ansible-playbook 2.14 words it: an
 * {@code AnsibleFilterError} is its message, a Python {@code TypeError} (Ansible's
 * {@code AnsibleFilterTypeError} too) is wrapped by the templar with the template it rendered.
 */
class FilterErrorsTest {

    final Templar templar = Templar.create();
    final Map<String, Object> vars = Map.of(
            "demo", List.of(alice()),
            "nested", "{{ True | dict2items }}",
            "outer", "x {{ nested }}",
            "x", "{{ nope }}",
            "y", "a {{ x }}",
            "z", "{{ nope + 1 }}");

    private static Map<String, Object> alice() {
        Map<String, Object> alice = new java.util.LinkedHashMap<>();
        alice.put("name", "alice");
        alice.put("groups", List.of("wheel"));
        return alice;
    }

    private String summary(String template) {
        return assertThrows(TemplateException.class, () -> templar.render(template, vars, SourcePosition.UNKNOWN)).summary();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '"', value = {
        "{{ True | subelements('foo') }}                ~ obj must be a list of dicts or a nested dict",
        "{{ demo | subelements('nope') }}               ~ could not find 'nope' key in iterated item {'name': 'alice', 'groups': ['wheel']}",
        "{{ 'x' | to_uuid(namespace=22) }}              ~ Invalid value '22' for 'namespace': 'int' object has no attribute 'replace'",
        "{{ 'x' | hash('nope') }}                       ~ unsupported hash type nope",
        "{{ 'x' | password_hash('nope') }}              ~ passlib does not support 'nope' algorithm. passlib does not support 'nope' algorithm"})
    void anAnsibleFilterErrorIsItsMessage(String template, String message) {
        assertEquals(message, summary(template));
    }

    @Test
    void combineShowsTheValuesItCannotMergeAsJson() {
        assertEquals("failed to combine variables, expected dicts but got a 'dict' and a 'list': \n{\"a\": 1}\n[1]",
                summary("{{ [{'a': 1}, [1]] | combine }}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '"', value = {
        "{{ {} | subelements(17) }}                     ~ subelements must be a list or a string",
        "{{ demo | subelements('name') }}               ~ the key 'name' should point to a list, got 'alice'",
        "{{ demo | subelements(['groups', 'x']) }}      ~ the key x should point to a dictionary, got '['wheel']'",
        "{{ True | dict2items }}                        ~ dict2items requires a dictionary, got <class 'bool'> instead.",
        "{{ True | items2dict }}                        ~ items2dict requires a list, got <class 'bool'> instead.",
        "{{ [True] | items2dict }}                      ~ items2dict requires a list of dictionaries, got [True] instead.",
        "{{ True | path_join }}                         ~ |path_join expects string or sequence, got <class 'bool'> instead.",
        "{{ ['a', 1] | path_join }}                     ~ join() argument must be str, bytes, or os.PathLike object, not 'int'",
        "{{ [1] | path_join }}                          ~ expected str, bytes or os.PathLike object, not int",
        "{{ 1 | basename }}                             ~ expected str, bytes or os.PathLike object, not int",
        "{{ None | realpath }}                          ~ expected str, bytes or os.PathLike object, not NoneType",
        "{{ 1 | splitext }}                             ~ expected str, bytes or os.PathLike object, not int",
        "{{ 1 | join }}                                 ~ 'int' object is not iterable",
        "{{ None | sort }}                              ~ 'NoneType' object is not iterable",
        "{{ 1 | length }}                               ~ object of type 'int' has no len()",
        "{{ 1 is in 5 }}                                ~ argument of type 'int' is not iterable",
        "{{ 'x' | password_hash(salt_size=[9]) }}       ~ '<' not supported between instances of 'list' and 'int'",
        "{{ 'x' | password_hash('md5', rounds=5000) }}  ~ MinimalHandler.using() got an unexpected keyword argument 'rounds'",
        "{{ {'a': 1} + {'b': 2} }}                      ~ unsupported operand type(s) for +: 'dict' and 'dict'",
        "{{ 1 + 'a' }}                                  ~ unsupported operand type(s) for +: 'int' and 'str'",
        "{{ None + 1 }}                                 ~ unsupported operand type(s) for +: 'NoneType' and 'int'",
        "{{ 'a' + 1 }}                                  ~ can only concatenate str (not \"int\") to str",
        "{{ [1] + 'a' }}                                ~ can only concatenate list (not \"str\") to list",
        "{{ (1,) + [1] }}                               ~ can only concatenate tuple (not \"list\") to tuple"})
    void aTypeErrorIsWrappedWithTheTemplate(String template, String cause) {
        assertEquals("Unexpected templating type error occurred on (" + template + "): " + cause + ". " + cause, summary(template));
    }

    @Test
    void aTypeErrorInAVariablesTemplateIsWrappedByEachVariableOnTheWay() {
        String inner = "Unexpected templating type error occurred on ({{ True | dict2items }}): dict2items requires a dictionary, "
                + "got <class 'bool'> instead.. dict2items requires a dictionary, got <class 'bool'> instead.";
        String once = "An unhandled exception occurred while templating '{{ True | dict2items }}'. "
                + "Error was a <class 'ansible.errors.AnsibleError'>, original message: " + inner;
        assertEquals(once, summary("{{ nested }}"));
        assertEquals("An unhandled exception occurred while templating 'x {{ nested }}'. "
                + "Error was a <class 'ansible.errors.AnsibleError'>, original message: " + once, summary("{{ outer }}"));
    }

    @Test
    void aTypeErrorInAConditionNamesTheTemplateAnsiblesConditionalRenders() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> templar.render("{{ (True | dict2items) == 1 }}", vars, SourcePosition.UNKNOWN)).inCondition("(True | dict2items) == 1");
        String cause = "dict2items requires a dictionary, got <class 'bool'> instead.";
        assertEquals("Unexpected templating type error occurred on ({% if (True | dict2items) == 1 %} True {% else %} False {% endif %}): "
                + cause + ". " + cause, e.summary());
    }

    @Test
    void subelementsPairsEachItemWithEachEntryAsTuples() {
        Object pairs = ExpressionValue.of(templar, "{{ demo | subelements('groups') == [(demo[0], 'wheel')] }}", vars, SourcePosition.UNKNOWN);
        assertEquals(true, pairs);
        assertEquals(List.of(), ExpressionValue.of(templar, "{{ demo | subelements('nope', skip_missing=True) }}", vars, SourcePosition.UNKNOWN));
    }

    @Test
    void anUndefinedValueInAVariablesTemplateIsWordedAsAnsiblesJ2VarsHint() {
        String x = "{{ nope }}: 'nope' is undefined. 'nope' is undefined";
        assertEquals(x, summary("{{ x }}"));
        assertEquals("a {{ x }}: " + x + ". " + x, summary("{{ y }}"));
        assertEquals("{{ nope + 1 }}: 'nope' is undefined. 'nope' is undefined", summary("{{ z }}"), "also when the variable's render fails on it");
    }
}
