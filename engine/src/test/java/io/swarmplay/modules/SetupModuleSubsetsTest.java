package io.swarmplay.modules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gather_subset as ansible-core 2.14's get_collector_names reads it: min, additions, exclusions, explicit names win. */
class SetupModuleSubsetsTest {

    @Test
    void virtualComesWithAllButNotWithMin() {
        assertTrue(SetupModule.subsets(List.of("all")).contains("virtual"));
        assertFalse(SetupModule.subsets(List.of("!all")).contains("virtual"));
        assertFalse(SetupModule.subsets(List.of("min")).contains("virtual"));
        assertFalse(SetupModule.subsets(List.of("all", "!virtual")).contains("virtual"));
        assertTrue(SetupModule.subsets(List.of("!all")).contains("distribution"));
    }

    @Test
    void anExplicitlyNamedSubsetSurvivesNotAll() {
        assertTrue(SetupModule.subsets(List.of("!all", "virtual")).contains("virtual"));
        assertTrue(SetupModule.subsets(List.of("!all", "hardware")).contains("hardware"));
        assertFalse(SetupModule.subsets(List.of("!all", "virtual")).contains("hardware"));
        assertFalse(SetupModule.subsets(List.of("!all", "!min", "virtual")).contains("distribution"));
    }
}
