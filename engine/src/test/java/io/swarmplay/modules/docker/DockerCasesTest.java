package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.ContainerState;
import io.swarmplay.connection.docker.ImageInfo;
import io.swarmplay.connection.docker.MountSpec;
import io.swarmplay.connection.docker.NetworkAttachment;
import io.swarmplay.connection.docker.NetworkInfo;
import io.swarmplay.connection.docker.PortSpec;
import io.swarmplay.connection.docker.VolumeInfo;
import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.ArgsException;
import io.swarmplay.module.Change;
import io.swarmplay.module.Diff;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every {@code src/test/resources/docker/cases/<module>/<case>.yaml} against a
 * {@link FakeDockerEndpoint}: the engine as the case describes it ({@code engine:} images,
 * containers, volumes, networks), the task's {@code args}, and what is expected: {@code action},
 * {@code summary}, {@code diff} ({@code [field, before, after]} rows), {@code calls} (what apply
 * asked the engine to do; none by default) or {@code error}. Plan gets the host as the runner
 * gives it, read-only by type, and must ask the engine for nothing but reads.
 */
class DockerCasesTest {

    private static final ModuleRegistry REGISTRY = ModuleRegistry.load();

    record Case(String module, String name, Path file, Map<String, Object> yaml) {
        @Override
        public String toString() {
            return module + "/" + name;
        }
    }

    static Stream<Case> cases() throws IOException, URISyntaxException {
        Path root = Path.of(DockerCasesTest.class.getResource("/docker/cases").toURI());
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().map(DockerCasesTest::load).toList().stream();
        }
    }

    @SuppressWarnings("unchecked")
    private static Case load(Path file) {
        try {
            Map<String, Object> yaml = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            return new Case(file.getParent().getFileName().toString(), file.getFileName().toString().replace(".yaml", ""), file, yaml);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void dockerCase(Case c) {
        FakeDockerEndpoint docker = FakeEngines.from((Map<String, Object>) c.yaml().getOrDefault("engine", Map.of()));
        FakeDockerHost host = new FakeDockerHost(docker, c.file().getParent());
        Module<Object> module = (Module<Object>) REGISTRY.find(c.module()).orElseThrow();
        try {
            Object args = ArgsBinder.bind(module.argsType(), (Map<String, Object>) c.yaml().get("args"));
            Change change = module.plan(args, host.readOnly());
            assertEquals(List.of(), docker.calls, "plan changed the engine");
            assertEquals(c.yaml().get("action"), change.action().name(), "action (" + change.summary() + ")");
            assertEquals(c.yaml().get("summary"), change.summary(), "summary");
            if (c.yaml().containsKey("diff")) assertEquals(c.yaml().get("diff"), rows(change.diff()), "diff");
            if (!change.isNone()) module.apply(args, change, host);
            if (c.yaml().containsKey("error")) fail("expected error: " + c.yaml().get("error"));
        } catch (ModuleException | ArgsException e) {
            if (!c.yaml().containsKey("error")) throw e;
            assertEquals(c.yaml().get("error"), e.getMessage(), "error message");
        }
        assertEquals(c.yaml().getOrDefault("calls", List.of()), docker.calls, "what apply asked the engine to do");
    }

    private static List<List<String>> rows(Diff diff) {
        return diff == null ? List.of() : diff.fields().stream().map(f -> List.of(f.field(), f.before(), f.after())).toList();
    }

    /** Builds the fake engine from a case's {@code engine:} section, with inspect's defaults. */
    static final class FakeEngines {

        private FakeEngines() {
        }

        @SuppressWarnings("unchecked")
        static FakeDockerEndpoint from(Map<String, Object> engine) {
            FakeDockerEndpoint docker = new FakeDockerEndpoint();
            ((Map<String, String>) engine.getOrDefault("images", Map.of())).forEach((ref, id) ->
                    docker.images.put(ref, new ImageInfo(id, List.of(ref), Map.of(), "")));
            ((Map<String, Map<String, Object>>) engine.getOrDefault("containers", Map.of())).forEach((name, c) ->
                    docker.containers.put(name, container(name, c)));
            ((Map<String, Map<String, Object>>) engine.getOrDefault("volumes", Map.of())).forEach((name, v) ->
                    docker.volumes.put(name, new VolumeInfo(name, "local", (Map<String, String>) v.getOrDefault("labels", Map.of()),
                            "/var/lib/docker/volumes/" + name + "/_data")));
            ((Map<String, Map<String, Object>>) engine.getOrDefault("networks", Map.of())).forEach((name, n) ->
                    // a duplicate is a second key with the same name: (name: swarm-net)
                    docker.networks.put(name, new NetworkInfo("net-" + name, (String) n.getOrDefault("name", name),
                            "bridge", (String) n.get("subnet"),
                            (String) n.get("gateway"), (Map<String, String>) n.getOrDefault("labels", Map.of()),
                            (Map<String, String>) n.getOrDefault("containers", Map.of()))));
            return docker;
        }

        @SuppressWarnings("unchecked")
        private static ContainerState container(String name, Map<String, Object> c) {
            Map<String, NetworkAttachment> networks = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) c.getOrDefault("networks", Map.of())).forEach((n, a) ->
                    networks.put(n, new NetworkAttachment(n, (List<String>) a.getOrDefault("aliases", List.of()), (String) a.get("ip"),
                            (String) a.get("ip6"), (List<String>) a.getOrDefault("links", List.of()))));
            boolean running = (Boolean) c.getOrDefault("running", true);
            return new ContainerState("id-" + name, name, (String) c.get("image"), (String) c.get("image_id"),
                    running ? "running" : "exited", running, 0, null, (List<String>) c.getOrDefault("command", List.of()),
                    List.of(), (Map<String, String>) c.getOrDefault("env", Map.of()),
                    (Map<String, String>) c.getOrDefault("labels", Map.of()), "abc", "", "",
                    ((List<String>) c.getOrDefault("ports", List.of())).stream().map(PortSpec::parse).toList(),
                    ((List<String>) c.getOrDefault("volumes", List.of())).stream().map(MountSpec::parse).toList(),
                    networks, networks.isEmpty() ? "default" : networks.keySet().iterator().next(), "", false, false, "no", false, false, List.of(), List.of());
        }
    }
}
