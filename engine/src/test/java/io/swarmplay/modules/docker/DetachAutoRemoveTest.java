package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.ImageInfo;
import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.Change;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.module.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code detach: false} with {@code auto_remove} (and {@code cleanup}): the engine removes the
 * exited container on its own time; the task ends once it is gone, so the next
 * {@code state: absent} finds nothing to do however soon it runs (community.docker's unit
 * {@code options.yml}, "cleanup (unnecessary)" is not changed).
 */
class DetachAutoRemoveTest {

    private static final ModuleRegistry REGISTRY = ModuleRegistry.load();

    @TempDir
    Path dir;

    @Test
    void autoRemoveRunToItsExitLeavesNothingForAbsent() {
        assertAbsentFindsNothingAfter(Map.of("auto_remove", true));
    }

    @Test
    void cleanupOfAnAutoRemoveContainerWaitsForTheEnginesRemoval() {
        assertAbsentFindsNothingAfter(Map.of("auto_remove", true, "cleanup", true));
    }

    @SuppressWarnings("unchecked")
    private void assertAbsentFindsNothingAfter(Map<String, Object> options) {
        FakeDockerEndpoint docker = new FakeDockerEndpoint();
        docker.images.put("hello:1", new ImageInfo("sha256:hello", List.of("hello:1"), Map.of(), ""));
        docker.removalInspects = 3;
        FakeDockerHost host = new FakeDockerHost(docker, dir);
        Module<Object> module = (Module<Object>) REGISTRY.find("docker_container").orElseThrow();
        Map<String, Object> run = new LinkedHashMap<>(Map.of("name", "hello", "image", "hello:1", "detach", false));
        run.putAll(options);
        Object args = ArgsBinder.bind(module.argsType(), run);
        Outcome outcome = module.apply(args, module.plan(args, host.readOnly()), host);
        assertEquals("Cannot retrieve result as auto_remove is enabled", ((Map<?, ?>) outcome.data().get("container")).get("Output"));
        assertTrue(docker.containers.isEmpty(), "the task ended before the engine removed the container");

        Change absent = module.plan(ArgsBinder.bind(module.argsType(), Map.of("name", "hello", "state", "absent")), host.readOnly());
        assertTrue(absent.isNone(), absent.summary());
    }
}
