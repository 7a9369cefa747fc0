package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.filters.Values;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** password_hash, to_uuid, comment, byte sizes and the URI/async tests, with ansible-playbook 2.14's values (passlib installed). */
class SecretAndFormatFiltersTest {

    final Templar templar = Templar.create();

    private Object eval(String expression) {
        return templar.evaluate(expression, Map.of(), SourcePosition.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '"', value = {
        "'secret' | password_hash('sha512', 'mysalt', rounds=10000) ~ $6$rounds=10000$mysalt$9XTP7570fxVN/uTspSrH6kRPdR4KKGzGz7.TmJjDYGrKSwZuavW/3YaLur8JX6WP75Czcxa.megIO0lKreY0R.",
        "'secret' | password_hash('sha512', 'mysalt', rounds=5000)  ~ $6$mysalt$UX6P1VKOf6dr0s2pg4pLNvIUB6hLXvP6M5f/Yj9hJgMPdAJ4oArvk5YUD9/XWtk1JOpVwt/JTsczMJr8sFVML1",
        "'a much longer secret password than sixty-four bytes, to exercise repetition in sha crypt!!' | password_hash('sha256', 'abcdefghijklmnop') ~ $5$rounds=535000$abcdefghijklmnop$ydjINdKELLexridmBsFsEjXcf8qL0Kbm/1wGwVgAVDC",
        "'secret' | password_hash('sha256', 'short', rounds=1000)   ~ $5$rounds=1000$short$5tqpBKuMXiyOh7zjcqfE5xf4ihzI5OkLurBxtQ/FlU0",
        "'secret' | password_hash('md5', 'abc')                     ~ $1$abc$iCQ2D3nhptRYi27fDYv2s1",
        "'secret' | password_hash('md5', 'abcdefgh')                ~ $1$abcdefgh$cHJi5PXp/ki/ktXzqlk6I1",
        "'' | password_hash('md5_crypt', 'abcdefgh')                ~ $1$abcdefgh$M55TzYaaccxVGbptZWaxX/",
        "'example.com' | to_uuid                                    ~ ae780c3a-a3ab-53c2-bfb4-098da300b3fe",
        "'example.com' | to_uuid(namespace='6ba7b810-9dad-11d1-80b4-00c04fd430c8') ~ cfbff0d1-9375-5685-968c-48ce8b15ae17"})
    void hashesAreAnsibles(String expression, String expected) {
        assertEquals(expected, eval(expression));
    }

    @Test
    void theDefaultSha512HashUsesAnsiblesImplicitRoundsAndARandomSalt() {
        String one = (String) eval("'secret' | password_hash");
        assertTrue(one.matches("\\$6\\$rounds=656000\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{86}"), one);
        assertNotEquals(one, eval("'secret' | password_hash"));
        assertEquals(one, eval("'secret' | password_hash('sha512', '" + one.split("\\$")[3] + "')"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '"', value = {
        "'s' | password_hash('sha512', 'bad salt!')        ~ Could not hash the secret.",
        "'s' | password_hash('sha512', 'a' * 17)           ~ Could not hash the secret.",
        "'s' | password_hash('sha512', 'ok', rounds=999)   ~ Could not hash the secret.",
        "'s' | password_hash('md5', 'ok', rounds=5000)     ~ MinimalHandler.using() got an unexpected keyword argument 'rounds'",
        "'s' | password_hash('nope')                       ~ passlib does not support 'nope' algorithm",
        "'s' | password_hash(salt_size=[999])              ~ '<' not supported between instances of 'list' and 'int'",
        "'s' | to_uuid(namespace='zz')                     ~ Invalid value 'zz' for 'namespace'",
        "'s' | comment('fortran')                          ~ unknown style 'fortran'",
        "'monkeys' | human_readable                        ~ human_readable() failed on bad input",
        "'10.00 foo' | human_to_bytes                      ~ human_to_bytes() can't interpret following string: 10.00 foo",
        "'10 KB' | human_to_bytes(isbits=True)             ~ human_to_bytes() can't interpret following string",
        "'x' is finished                                   ~ The 'finished' test expects a dictionary",
        "'minkeys' | rekey_on_member('asdf')               ~ Type is not a valid list, set, or dict",
        "[] | rekey_on_member('asdf', duplicates='boo')    ~ duplicates parameter to rekey_on_member has unknown value: boo"})
    void badInputFailsWithAnsiblesMessage(String expression, String message) {
        TemplateException e = assertThrows(TemplateException.class, () -> eval(expression));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '"', value = {
        "'a\\nb\\n\\nc' | comment                          ~ '#\\n# a\\n# b\\n#\\n# c\\n#'",
        "'a\\nb' | comment('c')                            ~ '//\\n// a\\n// b\\n//'",
        "'a\\nb' | comment('cblock')                       ~ '/*\\n *\\n * a\\n * b\\n *\\n */'",
        "'a\\nb' | comment('xml')                          ~ '<!--\\n -\\n - a\\n - b\\n -\\n-->'",
        "'a\\nb' | comment('erlang', prefix_count=2, postfix_count=0) ~ '%\\n%\\n% a\\n% b'",
        "'a' | comment(decoration='; ', prefix='', beginning='BEGIN', end='END') ~ 'BEGIN\\n; a\\n;\\nEND'",
        "'a' | comment('plain', prefix='\\n', prefix_count=3) ~ '\\n\\n\\n# a\\n#'",
        "1 | human_readable                                ~ '1.00 Bytes'",
        "1 | human_readable(isbits=True)                   ~ '1.00 bits'",
        "10240 | human_readable                            ~ '10.00 KB'",
        "102400000 | human_readable(isbits=True, unit='G') ~ '0.10 Gb'",
        "(-2048) | human_readable                          ~ '-2048.00 Bytes'",
        "2048 | human_readable(unit='Q')                   ~ '2048.00 Bytes'",
        "'0.5' | human_to_bytes                            ~ 0",
        "'2.5' | human_to_bytes                            ~ 2",
        "'0.9' | human_to_bytes                            ~ 1",
        "'1.1 GB' | human_to_bytes                         ~ 1181116006",
        "'10.00 Kb' | human_to_bytes(isbits=True)          ~ 10240",
        "'3 kbytes' | human_to_bytes                       ~ 3072",
        "'12MB junk' | human_to_bytes                      ~ 12582912",
        "'2' | human_to_bytes(default_unit='M')            ~ 2097152",
        "'http://a.b/c' is uri                             ~ True",
        "'foo' is uri                                      ~ True",
        "'http://x' is uri(['ftp'])                        ~ False",
        "'http://x' is url                                 ~ True",
        "'file:///x' is url                                ~ True",
        "'mailto:a@b' is url                               ~ False",
        "'HTTP://x' is url(schemes=['http'])               ~ True",
        "'urn:isbn:1' is urn                               ~ True",
        "'x:isbn' is urn                                   ~ False",
        "5 is uri                                          ~ False",
        "{'finished': 1} is finished                       ~ True",
        "{'finished': 0} is finished                       ~ False",
        "{} is finished                                    ~ True",
        "{'started': true} is started                      ~ True",
        "{'started': 0} is started                         ~ False",
        "100 | random(seed='abc')                          ~ 98",
        "100 | random(seed=42)                             ~ 81",
        "10000000000 | random(seed='x')                    ~ 7004179923",
        "50 | random(10, 3, seed='s')                      ~ 31",
        "['a','b','c','d','e'] | random(seed='myseed')     ~ 'd'",
        "'hello' | random(seed=7)                          ~ 'l'",
        "[1,2,3,4,5,6,7,8] | shuffle(seed='abc')           ~ [5, 1, 4, 2, 7, 3, 6, 8]",
        "range(20) | shuffle(seed=123456789012)            ~ [11, 17, 16, 5, 18, 15, 1, 10, 9, 6, 14, 7, 19, 2, 3, 13, 4, 8, 0, 12]"})
    void formatsAndTestsGiveAnsiblesValues(String expression, String expected) {
        assertEquals(expected, Values.repr(eval(expression)));
    }
}
