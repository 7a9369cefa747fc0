package io.swarmplay.modules;

import io.swarmplay.module.ModuleException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A time in %Y%m%d%H%M.%S as Python's strptime reads it, given to touch -t. */
class FileTimesTest {

    @Test
    void secondsMayHaveOneDigitAsStrptimeAllows() {
        assertEquals("202001011200.00", FileTimes.touchStamp("202001011200.0"));
        assertEquals("202001011200.07", FileTimes.touchStamp("202001011200.7"));
        assertEquals("202001011200.59", FileTimes.touchStamp("202001011200.59"));
    }

    @Test
    void anythingElseIsAnsiblesError() {
        for (String bad : new String[] {"2020010112.00", "202001011200", "202001011200.99", "soon"}) {
            ModuleException e = assertThrows(ModuleException.class, () -> FileTimes.touchStamp(bad));
            assertEquals("Error while obtaining timestamp for time " + bad + " using format %Y%m%d%H%M.%S", e.getMessage());
        }
    }
}
