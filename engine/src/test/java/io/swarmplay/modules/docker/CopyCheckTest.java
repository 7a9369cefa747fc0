package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.ArchiveEntry;
import io.swarmplay.modules.docker.copy.ContainerUser;
import io.swarmplay.modules.docker.copy.CopyCheck;
import io.swarmplay.modules.docker.copy.CopySource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docker_container_copy_into's idempotency and diff, against files in a fake container. */
class CopyCheckTest {

    private final FakeDockerEndpoint docker = new FakeDockerEndpoint();
    private final ContainerUser root = new ContainerUser(0, 0);
    private final CopySource content = CopySource.content("Content 1\n", false, 0644);

    private void file(String path, String text, int uid, int mode) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        docker.paths.put("c1:" + path, ArchiveEntry.file(name, text.getBytes(StandardCharsets.UTF_8), uid, uid, mode));
    }

    private CopyCheck.Verdict check(String path, boolean follow, Boolean force) {
        return CopyCheck.check(docker, "c1", content, root, path, follow, force, true);
    }

    @Test
    void missingFileIsWrittenWithAnEmptyBefore() {
        CopyCheck.Verdict v = check("/file", false, null);
        assertFalse(v.idempotent());
        assertEquals(Map.of("before_header", "/file", "before", "", "after_header", "dynamically generated",
                "after", "Content 1\n"), v.diff());
    }

    @Test
    void sameBytesModeAndOwnerIsIdempotent() {
        file("/file", "Content 1\n", 0, 0644);
        assertTrue(check("/file", false, null).idempotent());
    }

    @Test
    void anotherOwnerModeOrContentIsWritten() {
        file("/file", "Content 1\n", 123, 0644);
        assertFalse(check("/file", false, null).idempotent(), "owner");
        file("/file", "Content 1\n", 0, 0600);
        assertFalse(check("/file", false, null).idempotent(), "mode");
        file("/file", "Content 2\n", 0, 0644);
        CopyCheck.Verdict v = check("/file", false, null);
        assertFalse(v.idempotent(), "content");
        assertEquals("Content 2\n", v.diff().get("before"));
    }

    @Test
    void forceTrueAlwaysWritesAndForceFalseNeverOverwrites() {
        file("/file", "Other\n", 0, 0644);
        assertFalse(check("/file", false, true).idempotent());
        CopyCheck.Verdict v = check("/file", false, false);
        assertTrue(v.idempotent());
        assertEquals("Other\n", v.diff().get("after"), "force false: after is what stays");
    }

    @Test
    void followWritesTheLinkTargetAndNotFollowingReplacesTheLink() {
        file("/file", "Content 1\n", 0, 0644);
        docker.paths.put("c1:/lnk", ArchiveEntry.symlink("lnk", "/file", 0, 0, 0777));
        CopyCheck.Verdict followed = check("/lnk", true, null);
        assertEquals("/file", followed.containerPath());
        assertTrue(followed.idempotent());
        CopyCheck.Verdict replaced = check("/lnk", false, null);
        assertEquals("/lnk", replaced.containerPath());
        assertFalse(replaced.idempotent());
        assertEquals("/file", replaced.diff().get("before"));
    }

    @Test
    void noDiffWhenDiffModeIsOff() {
        assertNull(CopyCheck.check(docker, "c1", content, root, "/file", false, null, false).diff());
    }
}
