package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code 5+1}: Jinja adds whether or not spaces surround {@code +}; a leading {@code +1} stays a number. */
class PlusWithoutSpacesTest {

    private final Templar templar = Templar.create();

    private String r(String text) {
        return templar.renderText(text, Map.of("x", 4, "l", java.util.List.of(1, 2)), SourcePosition.UNKNOWN);
    }

    @Test
    void aPlusRightBeforeADigitAddsAfterAnOperand() {
        assertEquals("6", r("{{ 5+1 }}"));
        assertEquals("5", r("{{ x+1 }}"));
        assertEquals("[1, 2, 3, 4, 5]", r("{{ range(1, 5+1) | list }}"));
        assertEquals("3", r("{{ l[1]+1 }}"));
        assertEquals("6", r("{{ (x)+2 }}"));
        assertEquals("1", r("{{ +1 }}"));
        assertEquals("[1, 2]", r("{{ [+1, 2] }}"));
    }
}
