package io.swarmplay.modules.support;

import io.swarmplay.module.ModuleException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FileModeTest {

    @Test
    void readsOctalStrings() {
        assertEquals(0644, FileMode.parse("0644", 0, false));
        assertEquals(0755, FileMode.parse("755", 0, false));
        assertEquals(04755, FileMode.parse("4755", 0, false));
        assertEquals(0600, FileMode.parse("0o600", 0, false));
    }

    @Test
    void readsIntegersAsTheNumericModeAsAnsible() {
        assertEquals(0644, FileMode.parse(420, 0, false), "YAML 1.1 reads unquoted 0644 as 420");
        assertEquals(0755, FileMode.parse(493, 0, false));
        assertEquals(01204, FileMode.parse(644, 0, false), "an unquoted 644 is decimal, as Ansible warns");
    }

    @Test
    void appliesSymbolicModesToTheCurrentOne() {
        assertEquals(0644, FileMode.parse("u=rw,g=r,o=r", 0777, false));
        assertEquals(0754, FileMode.parse("u+x,g+x", 0644, false));
        assertEquals(0444, FileMode.parse("a-w", 0666, false));
        assertEquals(0750, FileMode.parse("o=", 0757, false));
        assertEquals(0755, FileMode.parse("a+rX", 0700, true), "X adds execute on directories");
        assertEquals(0644, FileMode.parse("a+rX", 0600, false), "X does not add execute to plain files");
        assertEquals(0711, FileMode.parse("go+X", 0700, false), "X adds execute when someone has it");
        assertEquals(01777, FileMode.parse("+t", 0777, true));
        assertEquals(02755, FileMode.parse("g+s", 0755, true));
    }

    @Test
    void nullMeansUnmanaged() {
        assertNull(FileMode.parse(null, 0644, false));
    }

    @Test
    void rejectsNonsense() {
        ModuleException e = assertThrows(ModuleException.class, () -> FileMode.parse("rwxr-xr-x", 0, false));
        assertEquals("invalid mode 'rwxr-xr-x': use octal like '0644' or symbolic like 'u=rw,g=r,o=r'", e.getMessage());
        assertThrows(ModuleException.class, () -> FileMode.parse(99999, 0, false));
    }

    @Test
    void formatsLikeAnsible() {
        assertEquals("0644", FileMode.format(0644));
        assertEquals("4755", FileMode.format(04755));
    }
}
