package io.swarmplay.connection.docker;

import io.swarmplay.connection.ConnectionSettings;
import io.swarmplay.connection.local.LocalConnectionFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The local Docker engine for integration tests: an endpoint built the way the runner builds
 * one ({@link DockerEndpointFactory} on a local host), and the test image
 * {@value #IMAGE} (Debian's busybox-static, built FROM scratch, labelled
 * {@code io.swarmplay.test=true}; no registry is needed). Before and after the test class,
 * everything named {@value #PREFIX}* is removed.
 *
 * <p>Another way to reach an engine (e.g. a forwarded socket of an SSH test host) plugs in with
 * {@link #use}.
 */
public final class TestEngine implements BeforeAllCallback, AfterAllCallback {

    public static final String IMAGE = "swarmplay-test/busybox:1";
    public static final String PREFIX = "swarmplay-it-";

    private static DockerEndpoint endpoint;

    /**
     * Plugs in another host's engine, e.g. one reached through an SSH host's forwarded socket
     * ({@code new DockerEndpointFactory().create(settings, sshConnection)}); the default is the local engine.
     */
    public static synchronized void use(DockerEndpoint other) {
        endpoint = other;
    }

    /** The engine of the local host, as the runner reaches it (created once per JVM). */
    public static synchronized DockerEndpoint endpoint() {
        if (endpoint == null) {
            ConnectionSettings local = new ConnectionSettings("localhost", "local", "127.0.0.1", 22, null, null,
                    Duration.ofSeconds(10), Map.of());
            endpoint = new DockerEndpointFactory().create(local, new LocalConnectionFactory().open(local));
        }
        return endpoint;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cleanUp();
        if (endpoint().inspectImage(IMAGE).isEmpty()) buildTestImage();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        cleanUp();
    }

    /** Removes every container, network, volume and image tag named {@value #PREFIX}*. */
    public static void cleanUp() {
        DockerEndpoint docker = endpoint();
        docker.listContainers(Map.of(), null).stream().filter(c -> c.name().startsWith(PREFIX))
                .forEach(c -> docker.removeContainer(c.id(), true));
        docker.listContainers(Map.of("io.swarmplay.helper", "true"), null).forEach(c -> docker.removeContainer(c.id(), true));
        docker.listNetworks(Map.of()).stream().filter(n -> n.name().startsWith(PREFIX)).forEach(n -> docker.removeNetwork(n.id()));
        docker.listVolumes(Map.of()).stream().filter(v -> v.name().startsWith(PREFIX)).forEach(v -> docker.removeVolume(v.name()));
        docker.listImages().stream().flatMap(i -> i.repoTags().stream()).filter(t -> t.startsWith(PREFIX))
                .forEach(t -> docker.removeImage(t, true));
    }

    private static void buildTestImage() {
        Path busybox = Path.of("/bin/busybox");
        if (!Files.isRegularFile(busybox)) {
            throw new IllegalStateException("the Docker tests need Debian's busybox-static (/bin/busybox): "
                    + "run scripts/test, whose ensure_docker step installs it");
        }
        try {
            Path context = Files.createTempDirectory("swarmplay-test-image");
            Files.copy(busybox, context.resolve("busybox"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            Files.writeString(context.resolve("Dockerfile"), String.join("\n", List.of(
                    "FROM scratch",
                    "COPY busybox /bin/busybox",
                    "RUN [\"/bin/busybox\", \"sh\", \"-c\", \"/bin/busybox --install -s /bin && mkdir -p /tmp /data && chmod 1777 /tmp\"]",
                    "LABEL io.swarmplay.test=true",
                    "")));
            endpoint().buildImage(context, "Dockerfile", Map.of(), List.of(IMAGE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
