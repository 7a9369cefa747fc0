package io.swarmplay.playbook;

import io.swarmplay.template.Lookups;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every {@code with_<lookup>} the loader accepts names a lookup the template layer has. */
class LookupLoopsTest {

    @Test
    void loopKeywordsNameExistingLookups() {
        for (String name : Keywords.LOOKUP_LOOPS) assertTrue(Lookups.exists(name), "with_" + name + " has no lookup");
        assertTrue(Keywords.isLookupLoop("with_sequence"));
        assertTrue(!Keywords.isLookupLoop("with_nothing"));
    }

    @Test
    void everyLookupHasItsLoopKeyword() {
        for (String name : Lookups.names()) {
            assertTrue(Keywords.isLookupLoop("with_" + name) || Keywords.TASK_ONLY.contains("with_" + name),
                    "with_" + name + " is not a task keyword");
        }
    }
}
