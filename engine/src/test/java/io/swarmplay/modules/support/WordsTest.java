package io.swarmplay.modules.support;

import io.swarmplay.module.ModuleException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordsTest {

    @Test
    void splitsOnBlanksAndKeepsQuotedTextWhole() {
        assertEquals(List.of("echo", "a b", "c", "d e"), Words.split("  echo 'a b'   c \"d e\" "));
    }

    @Test
    void handlesEscapesLikeShlex() {
        assertEquals(List.of("a b", "say \"hi\"", "it's", "$HOME"), Words.split("a\\ b \"say \\\"hi\\\"\" it\\'s '$HOME'"));
        assertEquals(List.of("", "x"), Words.split("'' x"), "an empty quoted word is still a word");
        assertEquals(List.of("back\\slash"), Words.split("\"back\\slash\""), "a backslash before other characters stays in double quotes");
    }

    @Test
    void expandsNothing() {
        assertEquals(List.of("ls", "*.conf", "|", "wc"), Words.split("ls *.conf | wc"));
    }

    @Test
    void rejectsUnterminatedQuotes() {
        ModuleException e = assertThrows(ModuleException.class, () -> Words.split("echo \"oops"));
        assertEquals("unterminated double quote in command: echo \"oops", e.getMessage());
    }

    @Test
    void formatsAnsibleDeltas() {
        assertEquals("0:00:00.002345", CommandSupport.delta(Duration.ofNanos(2_345_000)));
        assertEquals("1:02:03.000000", CommandSupport.delta(Duration.ofSeconds(3723)));
        assertEquals("30s", CommandSupport.seconds(Duration.ofSeconds(30)));
        assertEquals("0.25s", CommandSupport.seconds(Duration.ofMillis(250)));
    }
}
