package io.swarmplay.modules.support;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requirements of the pip module against installed versions, as pip's specifiers compare them. */
class PipRequirementTest {

    private static boolean present(String requirement, String installedVersion) {
        return PipRequirement.parse(requirement).isPresentIn(Map.of("my-pkg", installedVersion));
    }

    @Test
    void namesAreCanonical() {
        assertEquals("my-pkg", PipRequirement.parse("My_Pkg").packageName());
        assertEquals("my-pkg", PipRequirement.parse("my.pkg[extra] >= 1.0").packageName());
        assertNull(PipRequirement.parse("git+https://example.com/x.git"));
        assertFalse(PipRequirement.parse("other").isPresentIn(Map.of("my-pkg", "1.0")));
    }

    @Test
    void versionClausesAreAllChecked() {
        assertTrue(present("my_pkg", "0.1"));
        assertTrue(present("my_pkg==1.7", "1.7.0"));
        assertFalse(present("my_pkg==1.7", "1.7.4"));
        assertTrue(present("my_pkg>=1.10,<2", "1.16.0"));
        assertFalse(present("my_pkg>=1.10,<2", "1.9"));
        assertFalse(present("my_pkg>=1.10,<2", "2.0"));
        assertTrue(present("my_pkg==1.7.*", "1.7.4"));
        assertFalse(present("my_pkg!=1.7.*", "1.7.4"));
        assertTrue(present("my_pkg~=1.4.5", "1.4.9"));
        assertFalse(present("my_pkg~=1.4.5", "1.5.0"));
    }

    @Test
    void preReleasesSortBeforeTheirRelease() {
        assertTrue(PipRequirement.compare("2.0rc1", "2.0") < 0);
        assertTrue(PipRequirement.compare("2.0.post1", "2.0") > 0);
        assertTrue(PipRequirement.compare("1.10", "1.9") > 0);
    }
}
