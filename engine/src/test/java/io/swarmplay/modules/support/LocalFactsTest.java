package io.swarmplay.modules.support;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A local fact file's text is read as Ansible's setup reads it: JSON, else INI, else an error text. */
class LocalFactsTest {

    @Test
    void jsonComesFirstWithItsTypes() {
        assertEquals(Map.of("a", 1L, "b", List.of(true, "x")), LocalFacts.fact("{\"a\": 1, \"b\": [true, \"x\"]}", "f"));
    }

    @Test
    void iniGivesSectionsOfLowerCasedOptionsWithContinuations() {
        Object fact = LocalFacts.fact("# comment\n[general]\nAsdf = 1\nbar: two words\nlong = a\n  b\n[other]\n", "f");
        assertEquals(Map.of("general", Map.of("asdf", "1", "bar", "two words", "long", "a\nb"), "other", Map.of()), fact);
    }

    @Test
    void textThatIsNeitherGivesAnsiblesErrorNamingTheFile() {
        for (String bad : List.of("just words", "[s]\nkey without value", "{\"a\": 1} trailing", "[s]\n[s]\n")) {
            assertEquals("error loading facts as JSON or ini - please check content: /x/bad.fact",
                    LocalFacts.fact(bad, "/x/bad.fact"), bad);
        }
        assertEquals(Map.of(), LocalFacts.fact("", "f"));
    }

    @Test
    void probeLinesGiveOneFactPerFileAndAFailedScriptsError() {
        java.util.Base64.Encoder b = java.util.Base64.getEncoder();
        List<String> lines = List.of(
                "- " + b.encodeToString("conf".getBytes()) + " " + b.encodeToString("{\"k\": \"v\"}".getBytes()) + " ",
                "3 " + b.encodeToString("broken".getBytes()) + "  " + b.encodeToString("oops".getBytes()));
        Map<String, Object> local = LocalFacts.parse(lines, "/d");
        assertEquals(Map.of("k", "v"), local.get("conf"));
        assertEquals("Failure executing fact script (/d/broken.fact), rc: 3, err: oops", local.get("broken"));
        assertTrue(LocalFacts.parse(null, null).isEmpty());
    }
}
