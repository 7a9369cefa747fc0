package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.ContainerState;
import io.swarmplay.connection.docker.MountSpec;
import io.swarmplay.connection.docker.NetworkAttachment;
import io.swarmplay.connection.docker.PortSpec;
import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.ModuleException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The declared-fields comparison of {@code docker_container}, on inspect results as the engine normalises them. */
class ContainerComparisonTest {

    /** A running container as inspect shows it: image env and labels merged in, aliases with the short ID. */
    private static ContainerState running() {
        return new ContainerState("2be1ad068ffc99", "web", "app:1", "sha256:aaa", "running", true, 0, null,
                List.of("sleep", "300"), List.of(), Map.of("FOO", "bar", "PATH", "/bin", "IMGVAR", "1"),
                Map.of("role", "web", "org.image.label", "x"), "2be1ad068ffc", "", "", List.of(new PortSpec("127.0.0.1", "8080", 80, "tcp")),
                List.of(new MountSpec("volume", "data", "/data", false), new MountSpec("bind", "/srv/conf", "/conf", true)),
                Map.of("app-net", new NetworkAttachment("app-net", List.of("web", "2be1ad068ffc"), "172.31.240.2")),
                "app-net", "", false, false, "no", false, false, List.of(), List.of());
    }

    private static ContainerArgs args(Map<String, Object> yaml) {
        Map<String, Object> all = new LinkedHashMap<>(Map.of("name", "web"));
        all.putAll(yaml);
        return ArgsBinder.bind(ContainerArgs.class, all);
    }

    private static List<ContainerComparison.Difference> compare(Map<String, Object> yaml, String imageId) {
        ContainerArgs args = args(yaml);
        return ContainerComparison.compare(args, imageId, "hash", running());
    }

    @Test
    void identicalDeclarationHasNoDifferencesDespiteEngineAdditions() {
        assertEquals(List.of(), compare(Map.of("image", "app:1", "command", "sleep 300", "env", Map.of("FOO", "bar"),
                "labels", Map.of("role", "web"), "published_ports", List.of("127.0.0.1:8080:80"),
                "volumes", List.of("data:/data", "/srv/conf:/conf:ro"), "restart_policy", "no",
                "networks", List.of(Map.of("name", "app-net", "aliases", List.of("web")))), "sha256:aaa"));
    }

    @Test
    void envDifferenceNamesTheKeyButHidesValues() {
        List<ContainerComparison.Difference> d = compare(Map.of("env", Map.of("FOO", "s3cr3t")), null);
        assertEquals(List.of(new ContainerComparison.Difference("env.FOO", "(value hidden)", "(value hidden)", true)), d);
    }

    @Test
    void imageIsComparedByResolvedId() {
        assertEquals("image", compare(Map.of("image", "app:1"), "sha256:bbb").get(0).field());
    }

    @Test
    void bindsAreComparedParsedNotAsStrings() {
        assertEquals(List.of(), compare(Map.of("volumes", List.of("data:/data:rw")), null));
        List<ContainerComparison.Difference> d = compare(Map.of("volumes", List.of("/srv/conf:/conf")), null);
        assertEquals("volumes", d.get(0).field());
        assertTrue(d.get(0).recreate());
    }

    @Test
    void missingNetworkIsAnInPlaceDifference() {
        List<ContainerComparison.Difference> d = compare(Map.of("networks", List.of(Map.of("name", "other"))), null);
        assertEquals(List.of(new ContainerComparison.Difference("networks.other", "(not connected)", "connected", false)), d);
    }

    @Test
    void recreatingDifferencesComeBeforeNetworkOnes() {
        List<ContainerComparison.Difference> d = compare(Map.of("networks", List.of("other"), "user", "1000"), null);
        assertEquals(List.of("user", "networks.other"), d.stream().map(ContainerComparison.Difference::field).toList());
    }

    @Test
    void unsetRestartPolicyEqualsNo() {
        assertEquals(List.of(), compare(Map.of("restart_policy", "no"), null));
        assertEquals("restart_policy", compare(Map.of("restart_policy", "always"), null).get(0).field());
    }

    @Test
    void portsAndVolumesParseTheDockerRunForms() {
        assertEquals(new PortSpec("127.0.0.1", "8080", 80, "tcp"), PortSpec.parse("127.0.0.1:8080:80"));
        assertEquals(new PortSpec("", "8080", 80, "udp"), PortSpec.parse("8080:80/udp"));
        assertEquals(new PortSpec("", "", 80, "tcp"), PortSpec.parse("80"));
        assertEquals(new PortSpec("127.0.0.1", "", 80, "tcp"), PortSpec.parse("127.0.0.1::80"));
        assertEquals(new MountSpec("bind", "/srv", "/data", true), MountSpec.parse("/srv:/data:ro"));
        assertEquals(new MountSpec("volume", "data", "/data", false), MountSpec.parse("data:/data"));
        assertThrows(IllegalArgumentException.class, () -> PortSpec.parse("80:http"));
        assertEquals("volume 'data' is not of the form source:/target[:ro]",
                assertThrows(IllegalArgumentException.class, () -> MountSpec.parse("data")).getMessage());
    }

    @Test
    void badPortIsAModuleErrorNamingTheValue() {
        ModuleException e = assertThrows(ModuleException.class, () -> args(Map.of("published_ports", List.of("x:80"))).portSpecs());
        assertEquals("published port 'x:80' is not of the form [host_ip:][host_port:]container_port[/tcp|udp]", e.getMessage());
    }

    @Test
    void configHashIgnoresOrderButSeesValues() {
        String a = ConfigHash.of(args(Map.of("env", Map.of("A", "1", "B", "2"))).declared());
        String b = ConfigHash.of(args(Map.of("env", new java.util.TreeMap<>(Map.of("B", "2", "A", "1")))).declared());
        String c = ConfigHash.of(args(Map.of("env", Map.of("A", "1", "B", "3"))).declared());
        assertEquals(a, b);
        assertTrue(!a.equals(c));
    }

    @Test
    void changedConfigHashAloneMeansAnInvisibleFieldChanged() {
        ContainerState labelled = withLabel(running(), "old");
        assertEquals(List.of(new ContainerComparison.Difference("config-hash", "config-hash old", "config-hash new", true)),
                ContainerComparison.compare(args(Map.of()), null, "new", labelled));
        assertEquals(List.of(), ContainerComparison.compare(args(Map.of()), null, "old", labelled));
        assertEquals(List.of("user"), ContainerComparison.compare(args(Map.of("user", "1000")), null, "new", labelled)
                .stream().map(ContainerComparison.Difference::field).toList(), "a visible difference is reason enough");
    }

    private static ContainerState withLabel(ContainerState s, String hash) {
        Map<String, String> labels = new LinkedHashMap<>(s.labels());
        labels.put(ConfigHash.LABEL, hash);
        return new ContainerState(s.id(), s.name(), s.image(), s.imageId(), s.status(), s.running(), s.exitCode(), s.health(),
                s.command(), s.entrypoint(), s.env(), labels, s.hostname(), s.user(), s.workingDir(), s.ports(), s.mounts(),
                s.networks(), s.networkMode(), s.pidMode(), s.tty(), s.interactive(), s.restartPolicy(), s.autoRemove(),
                s.init(), s.capabilities(), s.devices());
    }

    @Test
    void waitForTimeoutsReadLikeDurations() {
        assertEquals(java.time.Duration.ofSeconds(60), WaitFor.parse(java.util.Map.of("healthy", true)).timeout());
        assertEquals(java.time.Duration.ofSeconds(2), WaitFor.parse(java.util.Map.of("healthy", true, "timeout", 2)).timeout());
        assertEquals(java.time.Duration.ofMinutes(2), WaitFor.parse(java.util.Map.of("healthy", true, "timeout", "2m")).timeout());
        assertEquals(java.time.Duration.ofMillis(500), WaitFor.parse(java.util.Map.of("healthy", true, "timeout", "500ms")).timeout());
    }
}
