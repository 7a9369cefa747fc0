package io.swarmplay.connection.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Volume;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads docker-java (client, transport, Jackson (de)serializers of the requests and responses
 * the modules use) on a background thread, so that the first Docker step of a run does not wait
 * for ~0.5 s of class loading. When the local engine's socket exists it also sends it read-only
 * requests (a ping, inspects of names that do not exist), never anything that changes it. Started once per JVM when a
 * playbook turns out to use a Docker module; a playbook without one never loads docker-java.
 */
public final class DockerWarmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private DockerWarmup() {
    }

    /**
     * No warm-up in this JVM: the run contacts no engine ({@code --plan --offline}, {@code --syntax-check},
     * the listings), so loading docker-java ahead would only compete with the run for the CPU.
     */
    public static void forgo() {
        STARTED.set(true);
    }

    public static void start() {
        if (!STARTED.compareAndSet(false, true)) return;
        Thread thread = new Thread(DockerWarmup::warm, "swarmplay-docker-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Read-only requests to the local engine (a ping, and inspects of objects that do not exist)
     * load the HTTP, response and not-found paths; they change nothing.
     */
    private static void exerciseRequests(DockerClient client) {
        client.pingCmd().exec();
        String none = "swarmplay-warmup-" + Long.toHexString(System.nanoTime());
        for (Runnable inspect : List.<Runnable>of(() -> client.inspectVolumeCmd(none).exec(),
                () -> client.inspectContainerCmd(none).exec(), () -> client.inspectNetworkCmd().withNetworkId(none).exec(),
                () -> client.inspectImageCmd(none).exec())) {
            try {
                inspect.run();
            } catch (com.github.dockerjava.api.exception.NotFoundException expected) {
                // the point was to load this path
            }
        }
    }

    private static void warm() {
        try {
            DockerTarget nowhere = new DockerTarget("warmup", DockerTarget.DEFAULT_HOST, false, false, null);
            DockerClient client = DockerClients.create(DockerTarget.DEFAULT_HOST, nowhere);
            ObjectMapper json = ClientConfig.of(DockerTarget.DEFAULT_HOST, nowhere).getObjectMapper();
            json.writeValueAsBytes(client.createContainerCmd("warmup").withName("warmup").withLabels(Map.of("a", "b"))
                    .withHostConfig(HostConfig.newHostConfig().withBinds(List.of(new Bind("v", new Volume("/v"))))));
            for (Class<?> response : List.of(InspectContainerResponse.class, InspectImageResponse.class,
                    InspectVolumeResponse.class, Network.class)) {
                json.readValue("{}", response);
            }
            Inspections.class.getName();
            ContainerCreation.class.getName();
            if (java.nio.file.Files.exists(java.nio.file.Path.of(DockerTarget.DEFAULT_HOST.substring("unix://".length())))) {
                exerciseRequests(client);
            }
            client.close();
        } catch (Exception | LinkageError e) {
            // only a head start: the real client reports any real problem
        }
    }
}
