/**
 * Each host's Docker engine behind one small interface, {@link io.swarmplay.connection.docker.DockerEndpoint}:
 * docker-java (with the httpclient5 transport) talks to the host's socket, directly for local
 * hosts or through a unix socket the host's SSH connection forwards. docker-java types never
 * leave this package; what comes back are this package's records.
 */
package io.swarmplay.connection.docker;
