package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.filters.Values;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tuples, datetimes and the time and path filters, with the values ansible-playbook 2.14 gives. */
class PythonValuesTest {

    final Templar templar = Templar.create();

    private Object eval(String expression) {
        return templar.evaluate(expression, Map.of(), SourcePosition.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '"', value = {
        "(1, 2) | string                                 ~ '(1, 2)'",
        "(1,) | string                                   ~ '(1,)'",
        "() | string                                     ~ '()'",
        "(1, 2)                                          ~ [1, 2]",
        "() | type_debug                                 ~ 'tuple'",
        "1 in (1, 2)                                     ~ True",
        "'b' in ('a',)                                   ~ False",
        "[1, 2, 3] | difference((2,))                    ~ [1, 3]",
        "[1, 2,]                                         ~ [1, 2]",
        "query('items', *['a', 'b'], 'c')                ~ ['a', 'b', 'c']",
        "lookup('list', wantlist=True, *['a'])           ~ ['a']",
        "'yo' is string and 2 * 3 == 6                   ~ True",
        "(('2016-08-14 20:00:12' | to_datetime) - ('2016-08-14 18:00:00' | to_datetime)) | string ~ '2:00:12'",
        "(('2016-08-14 20:00:12' | to_datetime) - ('2016-08-04 18:00:00' | to_datetime)).days ~ 10",
        "(('2016-08-14 20:00:12' | to_datetime) - ('2016-08-14 18:00:00' | to_datetime)).total_seconds() ~ 7212.0",
        "'1993-03-26 01:23:45' | to_datetime < '1994-03-26 01:23:45' | to_datetime ~ True",
        "'26/03/2020' | to_datetime('%d/%m/%Y') | string  ~ '2020-03-26 00:00:00'",
        "('2020-01-02 03:04:05' | to_datetime).isoformat() ~ '2020-01-02T03:04:05'",
        "'2020-01-02' | to_datetime('%Y-%m-%d') | type_debug ~ 'datetime'",
        "'%Y-%m-%d' | strftime(1585247522, utc=True)     ~ '2020-03-26'",
        "'%H:%M:%S' | strftime('1585247522.0', true)     ~ '18:32:02'",
        "'abc' | flatten                                 ~ ['a', 'b', 'c']",
        "'/tmp/x'[0] == '/'                              ~ True",
        "'abc'[-1]                                       ~ 'c'",
        "'abc'[5] is defined                             ~ False",
        "'$NO_SUCH_VARIABLE_X/a' | expandvars            ~ '$NO_SUCH_VARIABLE_X/a'",
        "'C:/a/b.txt' | win_basename                     ~ 'b.txt'",
        "'C:/a/b.txt' | win_dirname                      ~ 'C:/a'",
        "'C:/a/b.txt' | win_splitdrive                   ~ ['C:', '/a/b.txt']",
        "'C:/a/b.txt' | win_splitdrive | type_debug      ~ 'tuple'"})
    void pythonValuesAsAnsible(String expression, String expected) {
        assertEquals(expected, Values.repr(eval(expression)));
    }

    @Test
    void aTupleAloneRendersAsItsText() {
        assertEquals("(1, 2)", templar.render("{{ (1, 2) }}", Map.of(), SourcePosition.UNKNOWN));
    }

    @Test
    void nowIsTheCurrentLocalTimeOrFormatted() {
        int year = LocalDate.now().getYear();
        assertEquals(year, eval("now().year"));
        assertEquals(String.valueOf(year), eval("now(utc=True, fmt='%Y')"));
        assertEquals("datetime", eval("now() | type_debug"));
    }

    @Test
    void strftimeRefusesWhatIsNotAnEpoch() {
        TemplateException e = assertThrows(TemplateException.class, () -> eval("'%Y' | strftime('foo')"));
        assertTrue(e.getMessage().contains("Invalid value for epoch value (foo)"), e.getMessage());
    }

    @Test
    void fileglobListsMatchingFilesOnly(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "");
        Files.writeString(dir.resolve(".hidden.txt"), "");
        Files.createDirectory(dir.resolve("d.txt"));
        assertEquals("['" + dir.resolve("a.txt") + "']", Values.repr(eval("'" + dir + "/*.txt' | fileglob")));
    }
}
