package io.swarmplay.template.filters;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The {@code version} test's version types, against what ansible-playbook 2.14 answers for the same pairs. */
class VersionsTest {

    /** lt, eq, gt, or the error message. */
    private static String order(String a, String b, String type) {
        try {
            if (Versions.test(a, b, "lt", null, type)) return "lt";
            return Versions.test(a, b, "==", null, type) ? "eq" : "gt";
        } catch (FilterException e) {
            return "ERR " + e.getMessage();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "1.10 | 1.9 | loose | gt",
            "1.0rc1 | 1.0.1 | loose | ERR Version comparison failed: '<' not supported between instances of 'str' and 'int'",
            "1.0a | 1.0b | loose | lt",
            "1.0 | 1.0.0 | loose | lt",
            "2g6 | 2.6 | loose | ERR Version comparison failed: '<' not supported between instances of 'str' and 'int'",
            "1.0-RC1 | 1.0-rc1 | loose | gt",
            "1.0.RC | 1.0.1 | loose | ERR Version comparison failed: '<' not supported between instances of 'str' and 'int'",
            "1.0 | 1.0.0 | strict | eq",
            "1.0a1 | 1.0 | strict | lt",
            "1.0b1 | 1.0a2 | strict | gt",
            "1.2.3 | 1.10 | strict | lt",
            "1 | 1.0 | strict | ERR Version comparison failed: invalid version number '1'",
            "1.2.3 | 2.0.0 | semver | lt",
            "1.0.0-alpha | 1.0.0 | semver | lt",
            "1.0.0-alpha.1 | 1.0.0-alpha | semver | gt",
            "1.0.0-alpha.beta | 1.0.0-alpha.1 | semver | gt",
            "1.0.0-2 | 1.0.0-11 | semver | lt",
            "1.0.0+b1 | 1.0.0+b2 | semver | eq",
            "1.0 | 1.0.0 | semver | ERR Version comparison failed: invalid semantic version '1.0'",
            "01.0.0 | 1.0.0 | semantic | ERR Version comparison failed: invalid semantic version '01.0.0'",
            "2.14.0rc1 | 2.14.0 | pep440 | lt",
            "1.0 | 1.0.0 | pep440 | eq",
            "1.0.dev1 | 1.0a1 | pep440 | lt",
            "1.0.post1 | 1.0 | pep440 | gt",
            "1.0-1 | 1.0.post1 | pep440 | eq",
            "1!0.1 | 2.0 | pep440 | gt",
            "1.0+abc | 1.0+1 | pep440 | lt",
            "1.0+abc.2 | 1.0+abc | pep440 | gt",
            "v1.0 | 1.0 | pep440 | eq",
            "1.0RC1 | 1.0c1 | pep440 | eq",
            "1.0a1.dev1 | 1.0a1 | pep440 | lt",
            "1.0.post1.dev1 | 1.0.post1 | pep440 | lt",
            "\" 1.0 \" | 1.0 | pep440 | eq",
            "1.0-foo | 1.0 | pep440 | ERR Version comparison failed: Invalid version: '1.0-foo'",
    })
    void ordersAsAnsible(String a, String b, String type, String expected) {
        assertEquals(expected, order(a, b, type));
    }

    @Test
    void strictTrueIsTheStrictType() {
        assertEquals("ERR Version comparison failed: invalid version number 'nope'", errorOf("1.0", "nope", "==", true, null));
        assertEquals(true, Versions.test("1.0", "1.0.0", "eq", true, null));
    }

    @Test
    void argumentErrorsComeBeforeTheComparison() {
        assertEquals("ERR Cannot specify both 'strict' and 'version_type'", errorOf("1.0", "1.0", "eq", false, "loose"));
        assertEquals("ERR Input version value cannot be empty", errorOf("", "", ">", null, null));
        assertEquals("ERR Version parameter to compare against cannot be empty", errorOf("1.0", "", ">", null, null));
        assertEquals("ERR Invalid version type (boom). Must be one of 'loose', 'strict', 'semver', 'semantic', 'pep440'",
                errorOf("1.0", "1.0", "eq", null, "boom"));
        assertEquals("ERR Invalid operator type (equals). Must be one of '==', '=', 'eq', '<', 'lt', '<=', 'le', '>', 'gt', "
                + "'>=', 'ge', '!=', '<>', 'ne'", errorOf("1.0", "1.0", "equals", null, null));
    }

    @Test
    void numbersAreComparedAsTheirText() {
        assertEquals(true, Versions.test(1.1, "1.0", ">", null, null));
        assertEquals(true, Versions.test("1.0", 1.0, "==", null, "pep440"));
    }

    private static String errorOf(Object a, Object b, String op, Object strict, Object type) {
        return "ERR " + assertThrows(FilterException.class, () -> Versions.test(a, b, op, strict, type)).getMessage();
    }
}
