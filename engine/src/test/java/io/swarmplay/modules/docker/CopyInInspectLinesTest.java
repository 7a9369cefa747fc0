package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.ImageInfo;
import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.Change;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code copy_in: [{inspect_lines: [Id, Config.Image, Image], dest: /tmp/container_info_file}]}
 * writes the created container's own id (64 hex on a real engine), image reference and image id,
 * as HPE's run-sn/run-swop/run-swci do between create and start; a second plan finds it unchanged.
 */
class CopyInInspectLinesTest {

    private static final ModuleRegistry REGISTRY = ModuleRegistry.load();

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Change plan(Module<Object> module, Map<String, Object> yaml, FakeDockerHost host) {
        return module.plan(ArgsBinder.bind(module.argsType(), yaml), host.readOnly());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFileHoldsTheCreatedContainersIdImageReferenceAndImageIdBeforeItStarts() {
        FakeDockerEndpoint docker = new FakeDockerEndpoint();
        docker.images.put("sn:2.3.0", new ImageInfo("sha256:new", List.of("sn:2.3.0"), Map.of(), ""));
        FakeDockerHost host = new FakeDockerHost(docker, dir);
        Module<Object> module = (Module<Object>) REGISTRY.find("docker_container").orElseThrow();
        Map<String, Object> args = Map.of("name", "sn-1", "image", "sn:2.3.0", "copy_in",
                List.of(Map.of("inspect_lines", List.of("Id", "Config.Image", "Image"), "dest", "/tmp/container_info_file", "mode", "0644")));
        Change change = plan(module, args, host);
        module.apply(ArgsBinder.bind(module.argsType(), args), change, host);

        String written = new String(docker.copied.get("id-sn-1-new:/tmp/container_info_file").content(), StandardCharsets.UTF_8);
        assertEquals("id-sn-1-new\nsn:2.3.0\nsha256:new\n", written, "line 1 is the container's id, not its name");
        int copied = docker.calls.indexOf("copy into id-sn-1-new:/tmp [container_info_file]");
        assertTrue(copied > docker.calls.indexOf("create sn-1 from sn:2.3.0") && copied < docker.calls.indexOf("start id-sn-1-new"),
                "created, then the file, then started: " + docker.calls);
        docker.calls.clear();
        Change again = plan(module, args, host);
        assertEquals("start container sn-1", again.summary(), "the file read back is the same: only the (fake) start is pending");
    }

    @Test
    @SuppressWarnings("unchecked")
    void inspectLinesIsOneOfContentSrcAndInspectLines() {
        FakeDockerEndpoint docker = new FakeDockerEndpoint();
        docker.images.put("sn:2.3.0", new ImageInfo("sha256:new", List.of("sn:2.3.0"), Map.of(), ""));
        Module<Object> module = (Module<Object>) REGISTRY.find("docker_container").orElseThrow();
        Map<String, Object> both = Map.of("name", "sn-1", "image", "sn:2.3.0", "copy_in",
                List.of(Map.of("inspect_lines", List.of("Id"), "content", "x", "dest", "/tmp/f")));
        ModuleException e = assertThrows(ModuleException.class, () -> plan(module, both, new FakeDockerHost(docker, dir)));
        assertEquals("copy_in: give exactly one of content, src or inspect_lines", e.getMessage());
        Map<String, Object> notAList = Map.of("name", "sn-1", "image", "sn:2.3.0", "copy_in",
                List.of(Map.of("inspect_lines", "Id", "dest", "/tmp/f")));
        e = assertThrows(ModuleException.class, () -> plan(module, notAList, new FakeDockerHost(docker, dir)));
        assertTrue(e.getMessage().startsWith("copy_in: inspect_lines must be a list"), e.getMessage());
    }
}
