package io.swarmplay.connection.docker;

import io.swarmplay.connection.ConnectionException;
import io.swarmplay.connection.ConnectionSettings;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.local.LocalConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link DockerEndpoint} (docker-java inside) against the real local engine. */
@ExtendWith(TestEngine.class)
class DockerEndpointIT {

    private final DockerEndpoint docker = TestEngine.endpoint();

    private static ContainerSpec spec(String name, List<String> command) {
        return new ContainerSpec(TestEngine.PREFIX + name, TestEngine.IMAGE, command, null, Map.of("SECRET", "s3cr3t"),
                Map.of("io.swarmplay.test", "true"), null, null, null, List.of(PortSpec.parse("127.0.0.1::8080")),
                List.of(MountSpec.parse(TestEngine.PREFIX + "vol:/vol")), null, null, null, false, false,
                "unless-stopped", false, 1, null, null, null);
    }

    @Test
    void serverVersionComesFromTheEngineWithoutAPinnedApiVersion() {
        assertFalse(docker.serverVersion().isBlank());
    }

    @Test
    void createdContainerInspectsAsDeclaredAndNormalised() {
        String id = docker.createContainer(spec("inspect", List.of("sleep", "30")));
        ContainerState s = docker.inspectContainer(id).orElseThrow();
        assertEquals(TestEngine.PREFIX + "inspect", s.name());
        assertEquals("created", s.status());
        assertEquals(docker.inspectImage(TestEngine.IMAGE).orElseThrow().id(), s.imageId());
        assertEquals("s3cr3t", s.env().get("SECRET"));
        assertEquals("true", s.labels().get("io.swarmplay.test"));
        assertEquals(List.of(new MountSpec("volume", TestEngine.PREFIX + "vol", "/vol", false)), s.mounts());
        assertEquals(List.of(new PortSpec("127.0.0.1", "", 8080, "tcp")), s.ports());
        assertEquals("unless-stopped", s.restartPolicy());
        assertEquals(List.of("sleep", "30"), s.command());
        docker.removeContainer(id, true);
        assertTrue(docker.inspectContainer(id).isEmpty());
        docker.removeContainer(id, true); // already gone: nothing happens
    }

    @Test
    void execSeparatesStdoutStderrAndExitCode() {
        String id = docker.createContainer(spec("exec", List.of("sleep", "30")));
        docker.startContainer(id);
        ExecResult r = docker.exec(id, new ExecSpec(List.of("sh", "-c", "echo out; echo err >&2; echo $X; exit 5"),
                Map.of("X", "from-env"), null, "/tmp", Duration.ofSeconds(20)));
        assertEquals(5, r.rc());
        assertEquals("out\nfrom-env\n", r.stdout());
        assertEquals("err\n", r.stderr());
        docker.stopContainer(id, Duration.ZERO);
        docker.stopContainer(id, Duration.ZERO); // stopping a stopped container does nothing
        assertFalse(docker.inspectContainer(id).orElseThrow().running());
    }

    @Test
    void logsFollowWholeLinesAndTailReturnsTheLast() throws Exception {
        String id = docker.createContainer(spec("logs", List.of("sh", "-c", "printf 'a'; sleep 0.2; echo 'b'; echo c >&2; echo d")));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ended = new CountDownLatch(1);
        docker.startContainer(id);
        try (AutoCloseable follow = docker.followLogs(id, lines::add, ended::countDown)) {
            assertTrue(ended.await(20, TimeUnit.SECONDS), "the log stream ends when the container exits");
        }
        assertTrue(lines.containsAll(List.of("ab", "c", "d")), lines.toString());
        assertEquals(Long.valueOf(0), docker.waitContainer(id, Duration.ofSeconds(10)).orElseThrow());
        assertEquals(2, docker.logTail(id, 2).size());
    }

    @Test
    void copyInKeepsModesAndCopyOutReadsThemBack() {
        String id = docker.createContainer(spec("copy", List.of("sleep", "30")));
        docker.copyIn(id, "/tmp", List.of(new TarFile("sub/app.conf", "x=1\n".getBytes(StandardCharsets.UTF_8), 0640)));
        List<TarFile> out = docker.copyOut(id, "/tmp/sub/app.conf");
        assertEquals(1, out.size());
        assertEquals("x=1\n", new String(out.get(0).content(), StandardCharsets.UTF_8));
        assertEquals(0640, out.get(0).mode());
        DockerException missing = assertThrows(DockerException.class, () -> docker.copyIn(id, "/no/such/dir",
                List.of(new TarFile("f", new byte[0], 0644))));
        assertTrue(missing.getMessage().startsWith("cannot copy files into " + id + ":/no/such/dir on localhost: "),
                missing.getMessage());
    }

    @Test
    void networksAndVolumesRoundTrip() {
        String net = TestEngine.PREFIX + "net";
        docker.createNetwork(new NetworkSpec(net, null, "172.31.250.0/24", "172.31.250.1", Map.of("k", "v")));
        NetworkInfo n = docker.inspectNetwork(net).orElseThrow();
        assertEquals("172.31.250.0/24", n.subnet());
        assertEquals(Map.of("k", "v"), n.labels());
        assertEquals(1, docker.listNetworks(Map.of("k", "v")).stream().filter(x -> x.name().equals(net)).count());
        String id = docker.createContainer(spec("net", List.of("sleep", "30")));
        docker.connectNetwork(net, id, new NetworkAttachment(net, List.of("web"), "172.31.250.9"));
        assertEquals("172.31.250.9", docker.inspectContainer(id).orElseThrow().networks().get(net).ipv4Address());
        docker.removeContainer(id, true);
        docker.removeNetwork(net);
        assertTrue(docker.inspectNetwork(net).isEmpty());
        docker.createVolume(TestEngine.PREFIX + "v2", null, Map.of("k", "v"));
        assertEquals("local", docker.inspectVolume(TestEngine.PREFIX + "v2").orElseThrow().driver());
        docker.removeVolume(TestEngine.PREFIX + "v2");
        assertTrue(docker.inspectVolume(TestEngine.PREFIX + "v2").isEmpty());
    }

    @Test
    void savedImageArchiveNamesTheImageId() throws Exception {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        docker.saveImage(TestEngine.IMAGE, tar);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("swarmplay-it", ".tar");
        java.nio.file.Files.write(file, tar.toByteArray());
        ImageArchive archive = ImageArchive.read(file);
        assertEquals(docker.inspectImage(TestEngine.IMAGE).orElseThrow().id(), archive.imageId());
        assertEquals(List.of(TestEngine.IMAGE), archive.repoTags());
        java.nio.file.Files.delete(file);
    }

    @Test
    void unreachableEngineSaysWhatWasTried() {
        ConnectionSettings settings = new ConnectionSettings("host-2", "local", "127.0.0.1", 22, null, null,
                Duration.ofSeconds(2), Map.of("docker_host", "unix:///tmp/swarmplay-no-such.sock"));
        DockerEndpoint nowhere = new DockerEndpointFactory().create(settings, new LocalConnectionFactory().open(settings));
        ConnectionException e = assertThrows(ConnectionException.class, nowhere::serverVersion);
        assertEquals("cannot reach Docker on host-2: unix:///tmp/swarmplay-no-such.sock: the socket does not exist "
                + "(is Docker installed and dockerd running?)", e.getMessage());
    }

    @Test
    void socketWithoutListenerIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path socket = dir.resolve("dead.sock");
        try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(socket)); // closed again: the file stays, nobody listens
        }
        ConnectionSettings settings = new ConnectionSettings("host-2", "local", "127.0.0.1", 22, null, null,
                Duration.ofSeconds(2), Map.of("docker_host", "unix://" + socket));
        DockerEndpoint refused = new DockerEndpointFactory().create(settings, new LocalConnectionFactory().open(settings));
        ConnectionException e = assertThrows(ConnectionException.class, () -> refused.inspectContainer("x"));
        assertEquals("cannot reach Docker on host-2: unix://" + socket + ": connection refused (is dockerd running?)",
                e.getMessage());
    }
}
