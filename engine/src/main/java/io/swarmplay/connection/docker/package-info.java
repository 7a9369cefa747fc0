/**
 * Each host's Docker engine behind two small interfaces: {@link io.swarmplay.connection.docker.DockerReader}
 * (read-only, all a plan gets) and {@link io.swarmplay.connection.docker.DockerEndpoint} (the reader
 * plus every writing method, for apply);
 * docker-java (with the httpclient5 transport) talks to the host's socket, directly for local
 * hosts or through a unix socket the host's SSH connection forwards. docker-java types never
 * leave this package; what comes back are this package's records.
 */
package io.swarmplay.connection.docker;
