package io.swarmplay.connection.docker;

import io.swarmplay.connection.Connection;
import io.swarmplay.connection.ConnectionSettings;
import io.swarmplay.connection.HostExtensionFactory;

/**
 * Gives each host its {@link DockerEndpoint} (registered in
 * {@code META-INF/services/io.swarmplay.connection.HostExtensionFactory}). Creating one does no
 * I/O: docker-java's client is built, and an SSH host's socket forwarded, on the first Docker call.
 */
public final class DockerEndpointFactory implements HostExtensionFactory<DockerEndpoint> {

    @Override
    public Class<DockerEndpoint> type() {
        return DockerEndpoint.class;
    }

    @Override
    public ReadOnlyView<DockerEndpoint, DockerReader> readOnly() {
        return new ReadOnlyView<>(DockerReader.class, DockerReader::readOnly, EmptyDocker::new);
    }

    @Override
    public DockerEndpoint create(ConnectionSettings settings, Connection connection) {
        DockerTarget target = DockerTarget.of(settings, connection);
        return new DockerJavaEndpoint(target, () -> target.connectTo(connection));
    }
}
