package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ini and unvault lookups, with the values ansible-playbook 2.14 gives for the same files and calls. */
class LookupIniTest {

    final Map<String, Object> vars = new LinkedHashMap<>();
    @TempDir
    Path dir;

    private Object render(String template) throws Exception {
        return render(Templar.create(), template);
    }

    private Object render(Templar templar, String template) throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        Files.writeString(files.resolve("lookup.ini"), "[global]\n# A comment\nvalue1=Text of value1\nUnicode = été où\n\n"
                + "[section1]\nvalue1=section1/value1\nvalue2=section1/value2\nother1=4\n");
        Files.writeString(files.resolve("lookup.properties"), "# A comment\nvalue1=Text\nfield.with.space = another space\n");
        Files.writeString(files.resolve("case.properties"), "name = captain\nNAME = fantastic\n");
        Files.write(files.resolve("latin.ini"), "[global]\nfield=château\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(files.resolve("duplicate.ini"), "[reggae]\nname = bob\nNAME = marley\n");
        Files.writeString(files.resolve("mysql.ini"), "[mysqld]\nuser = mysql\nskip-innodb\n");
        Files.writeString(files.resolve("interp.ini"), "[DEFAULT]\nhome = /Users\n[paths]\nmy_dir = %(home)s/lumberjack\npct = 50%%\n");
        vars.put("playbook_dir", dir.toString());
        return templar.render(template, vars, new SourcePosition(dir.resolve("play.yml"), 1, 1));
    }

    @Test
    void readsAKeyOfASectionByNamedOrInlineOptions() throws Exception {
        assertEquals("Text of value1", render("{{ lookup('ini', 'value1', section='global', file='lookup.ini') }}"));
        assertEquals("été où", render("{{ lookup('ini', 'unicode section=global file=lookup.ini') }}"));
        assertEquals("section1/value2", render("{{ lookup('ini', 'VALUE2  section=section1   file=lookup.ini') }}"));
        assertEquals("unknown", render("{{ lookup('ini', 'nope default=unknown section=section1 file=lookup.ini') }}"));
        assertEquals("château", render("{{ lookup('ini', 'field section=global encoding=iso8859-1 file=latin.ini') }}"));
    }

    @Test
    void readsJavaPropertiesAndCaseSensitiveKeys() throws Exception {
        assertEquals("another space", render("{{ lookup('ini', 'field.with.space  type=properties  file=lookup.properties') }}"));
        assertEquals("fantastic", render("{{ lookup('ini', 'NAME', type='properties', file='case.properties', case_sensitive=True) }}"));
        assertEquals("captain", render("{{ lookup('ini', 'name', type='properties', file='case.properties', case_sensitive=True) }}"));
    }

    @Test
    void aRegularExpressionGivesEveryMatchingValue() throws Exception {
        assertEquals("section1/value1,section1/value2",
                render("{{ lookup('ini', 'value[1-2] section=section1 file=lookup.ini re=true') }}"));
        assertEquals(List.of("4"), render("{{ query('ini', 'oth', section='section1', file='lookup.ini', re=True) }}"));
    }

    @Test
    void keysWithoutValueAndInterpolation() throws Exception {
        assertEquals("mysql", render("{{ lookup('ini', 'user', file='mysql.ini', section='mysqld', allow_no_value=True) }}"));
        assertEquals(List.of(), render("{{ lookup('ini', 'skip-innodb', file='mysql.ini', section='mysqld', allow_none=True) }}"));
        assertEquals("/Users/lumberjack", render("{{ lookup('ini', 'my_dir', section='paths', file='interp.ini') }}"));
        assertEquals("50%", render("{{ lookup('ini', 'pct', section='paths', file='interp.ini') }}"));
    }

    @Test
    void badFilesAndCallsFailWithAnsiblesMessages() {
        assertTrue(message("{{ lookup('ini', 'name file=duplicate.ini section=reggae') }}").contains("Duplicate option in 'duplicate.ini'"));
        assertTrue(message("{{ lookup('ini', 'user', file='mysql.ini', section='mysqld') }}").contains("Source contains parsing errors"));
        assertTrue(message("{{ lookup('ini', 'x file=lookup.ini section=missing') }}").contains("No section 'missing' in lookup.ini"));
        assertTrue(message("{{ lookup('ini', 'x', bogus=1) }}").contains("bogus is not a valid option"));
    }

    @Test
    void unvaultGivesAFilesTextDecryptedWhenItIsVaultData() throws Exception {
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/plain.txt"), "bar\n");
        // ansible-vault encrypt with the password 'ssssshhhhhh' of the text "bar\n"
        Files.writeString(dir.resolve("files/secret.txt.vault"), """
                $ANSIBLE_VAULT;1.1;AES256
                35363932323438383333343462373431376162373631636238353061616565323630656464393939
                3937313630326662336264636662313163343832643239630a646436313833633135353834343364
                63363039663765363365626531643533616232333533383239323234393934356639373136323635
                3632356163343031300a373766636130626237346630653537633764663063313439666135623032
                6139
                """);
        Vault vault = Vault.of(List.of(new Vault.Secret("default", "ssssshhhhhh".getBytes(StandardCharsets.UTF_8))), s -> { });
        Templar templar = new JinjavaTemplar(message -> { }, TemplatePlugins.NONE, vault);
        assertEquals("bar\n", render(templar, "{{ lookup('unvault', 'secret.txt.vault') }}"));
        assertEquals("bar\n", render(templar, "{{ lookup('unvault', 'plain.txt') }}"));
        assertEquals("bar", render(templar, "{{ lookup('file', 'secret.txt.vault') }}"));
        assertTrue(message("{{ lookup('unvault', 'secret.txt.vault') }}").contains("no vault secrets found"));
        assertTrue(message("{{ lookup('unvault', 'nope.txt') }}").contains("Unable to find file matching \"nope.txt\""));
    }

    private String message(String template) {
        return assertThrows(TemplateException.class, () -> render(template)).getMessage();
    }
}
