package io.swarmplay.connection.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads docker-java (client, transport, Jackson (de)serializers of the requests and responses
 * the modules use) on a background thread, without contacting any engine, so that the first
 * Docker step of a run does not wait for ~0.5–1 s of class loading. Started once per JVM when a
 * playbook turns out to use a Docker module; a playbook without one never loads docker-java.
 */
public final class DockerWarmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private DockerWarmup() {
    }

    public static void start() {
        if (!STARTED.compareAndSet(false, true)) return;
        Thread thread = new Thread(DockerWarmup::warm, "swarmplay-docker-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void warm() {
        try {
            DockerTarget nowhere = new DockerTarget("warmup", DockerTarget.DEFAULT_HOST, false, false, null);
            DockerClient client = DockerClients.create(DockerTarget.DEFAULT_HOST, nowhere);
            ObjectMapper json = DefaultDockerClientConfig.createDefaultConfigBuilder().build().getObjectMapper();
            json.writeValueAsBytes(client.createContainerCmd("warmup").withName("warmup").withLabels(Map.of("a", "b"))
                    .withHostConfig(HostConfig.newHostConfig().withBinds(List.of(new Bind("v", new Volume("/v"))))));
            for (Class<?> response : List.of(InspectContainerResponse.class, InspectImageResponse.class,
                    InspectVolumeResponse.class, Network.class)) {
                json.readValue("{}", response);
            }
            Inspections.class.getName();
            ContainerCreation.class.getName();
            client.close();
        } catch (Exception | LinkageError e) {
            // only a head start: the real client reports any real problem
        }
    }
}
