package io.swarmplay.modules;

import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Outcome;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** copy into a directory that refuses new files (immutable): Ansible's "not writable" check and its unsafe_writes fallback. */
class CopyUnsafeWritesOnLocalHostTest {

    @TempDir
    Path dir;

    @Test
    void anImmutableDirectoryFailsTheCopyUnlessUnsafeWritesOverwritesTheFileInPlace() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Path file = Files.writeString(locked.resolve("unreplacable.txt"), "ORIGINAL");
        Assumptions.assumeTrue(chattr("+i", locked), "needs root and a file system with the immutable flag");
        try {
            ModuleException refused = assertThrows(ModuleException.class, () -> LocalModules.run("copy",
                    LocalModules.args("content", "NEW", "dest", file.toString(), "unsafe_writes", false), dir));
            assertEquals("Destination " + locked + " not writable", refused.getMessage());
            Outcome unsafe = LocalModules.run("copy", LocalModules.args("content", "NEW", "dest", file.toString(),
                    "unsafe_writes", true), dir);
            assertTrue(unsafe.isChanged());
            assertEquals("NEW", Files.readString(file));
        } finally {
            chattr("-i", locked);
        }
    }

    private static boolean chattr(String flags, Path path) throws Exception {
        try {
            return new ProcessBuilder("chattr", flags, path.toString()).redirectErrorStream(true).start().waitFor() == 0;
        } catch (java.io.IOException noChattr) {
            return false;
        }
    }
}
