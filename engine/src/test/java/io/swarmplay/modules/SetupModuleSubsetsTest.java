package io.swarmplay.modules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gather_subset and filter as ansible-core 2.14's get_collector_names reads it: min, additions, exclusions, explicit names win; filter patterns. */
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

    @Test
    void anEmptyFilterKeepsEveryFact() {
        assertTrue(SetupModule.matches(List.of(""), "ansible_virtualization_role"));
        assertTrue(SetupModule.matches(List.of(), "ansible_user_id"));
        assertTrue(SetupModule.matches(List.of("*env*", "*virt*"), "ansible_virtualization_role"));
        assertFalse(SetupModule.matches(List.of("*env*"), "ansible_virtualization_role"));
    }
}
