package io.swarmplay.modules;

import io.swarmplay.connection.local.LocalConnection;
import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.Change;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.modules.support.Results;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code find} over the local connection on a real tree, with the counts Ansible 2.14 gives for it. */
class FindModuleOnLocalHostTest {

    private static final ModuleRegistry REGISTRY = ModuleRegistry.load();
    @TempDir
    Path dir;

    @BeforeEach
    void tree() throws Exception {
        Files.createDirectories(dir.resolve("a/b/c"));
        Files.createDirectories(dir.resolve(".hid"));
        Files.writeString(dir.resolve("one.txt"), "hello\n");
        Files.writeString(dir.resolve("two.log"), "world\n");
        Files.writeString(dir.resolve(".h.txt"), "x\n");
        Files.writeString(dir.resolve("a/three.txt"), "foo bar\n");
        Files.write(dir.resolve("a/b/big.bin"), new byte[5000]);
        Files.writeString(dir.resolve("a/b/c/four.txt"), "deep\n");
        Files.writeString(dir.resolve(".hid/five.txt"), "hid\n");
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("a"));
        Files.setLastModifiedTime(dir.resolve("two.log"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> find(Object... keyValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("paths", dir.toString());
        for (int i = 0; i < keyValues.length; i += 2) args.put((String) keyValues[i], keyValues[i + 1]);
        Module<Object> m = (Module<Object>) REGISTRY.find("find").orElseThrow();
        Change change = m.plan(ArgsBinder.bind(m.argsType(), args), new LocalHost(new LocalConnection(), dir));
        return Results.outcome(change).data();
    }

    @SuppressWarnings("unchecked")
    private List<String> paths(Map<String, Object> found) {
        return ((List<Map<String, Object>>) found.get("files")).stream()
                .map(f -> dir.relativize(Path.of((String) f.get("path"))).toString()).sorted().toList();
    }

    @Test
    void findsByPatternTypeDepthAndHiddenWithAnsiblesCounts() {
        Map<String, Object> top = find();
        assertEquals(List.of("one.txt", "two.log"), paths(top));
        assertEquals(6, top.get("examined"));
        Map<String, Object> deep = find("recurse", true, "patterns", "*.txt,*.bin");
        assertEquals(List.of(".hid/five.txt", "a/b/big.bin", "a/b/c/four.txt", "a/three.txt", "one.txt"), paths(deep));
        assertEquals(12, deep.get("examined"));
        Map<String, Object> shallow = find("recurse", true, "depth", 2, "hidden", true);
        assertEquals(List.of(".h.txt", ".hid/five.txt", "a/three.txt", "one.txt", "two.log"), paths(shallow));
        assertEquals(11, shallow.get("examined"));
        assertEquals(List.of("a", "a/b", "a/b/c"), paths(find("recurse", true, "file_type", "directory")));
        assertEquals(List.of("a", "link", "two.log"), paths(find("file_type", "any", "excludes", "*.txt")));
    }

    @Test
    void filtersByContentAgeSizeAndRegexAndNamesSkippedPaths() {
        assertEquals(List.of("a/three.txt"), paths(find("recurse", true, "contains", "foo")));
        String missing = dir.resolveSibling(dir.getFileName() + "-missing").toString();
        Map<String, Object> old = find("paths", List.of(dir.toString(), missing), "age", "1w", "use_regex", true,
                "patterns", List.of("^t.*"));
        assertEquals(List.of("two.log"), paths(old));
        assertEquals(Map.of(missing, "'" + missing + "' is not a directory"), old.get("skipped_paths"));
        assertEquals("Not all paths examined, check warnings for details", old.get("msg"));
        assertEquals(List.of("a/b/big.bin", "link/b/big.bin"), paths(find("recurse", true, "size", "4k", "follow", true)));
        assertEquals(List.of("one.txt", "two.log"), paths(find("size", "-1k")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void registersStatFieldsAndChecksums() {
        Map<String, Object> one = ((List<Map<String, Object>>) find("patterns", "one.txt", "get_checksum", true)
                .get("files")).get(0);
        assertEquals(6L, one.get("size"));
        assertEquals(true, one.get("isreg"));
        assertEquals("f572d396fae9206628714fb2ce00f72e94f2258f", one.get("checksum"));
        assertTrue(one.containsKey("mtime") && one.containsKey("pw_name") && one.containsKey("mode"), one.toString());
        assertEquals("failed to process age", assertThrows(ModuleException.class, () -> find("age", "3y")).getMessage());
    }
}
