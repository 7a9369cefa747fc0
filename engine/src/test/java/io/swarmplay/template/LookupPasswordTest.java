package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The password lookup: generated, stored and read back as ansible-core 2.14's plugin does. */
class LookupPasswordTest {

    final Templar templar = Templar.create();
    final Map<String, Object> vars = new LinkedHashMap<>();
    @TempDir
    Path dir;

    private String render(String template) throws Exception {
        vars.put("playbook_dir", dir.toString());
        return String.valueOf(templar.render(template, vars, new SourcePosition(dir.resolve("site.yml"), 1, 1)));
    }

    @Test
    void devNullGivesANewPasswordOfTheDefaultLengthAndCharacters() throws Exception {
        String one = render("{{ lookup('password', '/dev/null') }}");
        assertEquals(20, one.length());
        assertTrue(one.matches("[A-Za-z0-9.,:_-]{20}"), one);
        assertNotEquals(one, render("{{ lookup('password', '/dev/null') }}"));
    }

    @Test
    void lengthAndCharsChooseTheCandidates() throws Exception {
        assertTrue(render("{{ lookup('password', '/dev/null length=8 chars=digits') }}").matches("[0-9]{8}"));
        assertTrue(render("{{ lookup('password', '/dev/null', length=5, chars=['ascii_lowercase']) }}").matches("[a-z]{5}"));
        assertEquals(",", LookupPassword.candidates(",,"));
        assertEquals("01234567?|", LookupPassword.candidates("octdigits,?|"));
    }

    @Test
    void aPathKeepsThePasswordForTheNextCall() throws Exception {
        String first = render("{{ lookup('password', 'creds/db length=12') }}");
        assertEquals(first, render("{{ lookup('password', 'creds/db length=12') }}"));
        assertEquals(first + "\n", Files.readString(dir.resolve("creds/db")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("creds/db"))));
        Files.writeString(dir.resolve("creds/old"), "s3cret salt=abcdefgh\n");
        assertEquals("s3cret", render("{{ lookup('password', 'creds/old') }}"));
    }

    @Test
    void aSeedRepeatsThePassword() throws Exception {
        assertEquals(render("{{ lookup('password', '/dev/null', seed='h1') }}"),
                render("{{ lookup('password', '/dev/null', seed='h1') }}"));
    }

    @Test
    void unknownParametersAreRefused() {
        assertTrue(assertThrows(TemplateException.class, () -> render("{{ lookup('password', '/dev/null lenght=3') }}"))
                .getMessage().contains("Unrecognized parameter(s) given to password lookup: lenght"));
    }
}
