package io.swarmplay.connection.docker;

import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.core.SSLConfig;

import java.net.URI;

/**
 * docker-java's client configuration from the host's variables alone. Unlike
 * {@code DefaultDockerClientConfig}, it reads no environment variables, system properties or
 * files of the control node (its DOCKER_HOST or DOCKER_API_VERSION must not redirect a host's
 * tasks), and it costs no start-up time. The API version is unknown on purpose: docker-java
 * then sends unversioned paths and the engine serves its own version. Registry credentials are
 * given per pull, never taken from the control node's docker config.
 */
record ClientConfig(URI dockerHost, SSLConfig sslConfig) implements DockerClientConfig {

    static ClientConfig of(String dockerHost, DockerTarget target) {
        SSLConfig tls = target.tlsVerify() && target.certPath() != null ? new LocalDirectorySSLConfig(target.certPath()) : null;
        return new ClientConfig(URI.create(dockerHost), tls);
    }

    @Override
    public URI getDockerHost() {
        return dockerHost;
    }

    @Override
    public RemoteApiVersion getApiVersion() {
        return RemoteApiVersion.unknown();
    }

    @Override
    public String getRegistryUsername() {
        return null;
    }

    @Override
    public String getRegistryPassword() {
        return null;
    }

    @Override
    public String getRegistryEmail() {
        return null;
    }

    @Override
    public String getRegistryUrl() {
        return null;
    }

    @Override
    public AuthConfig effectiveAuthConfig(String imageName) {
        return null;
    }

    @Override
    public AuthConfigurations getAuthConfigurations() {
        return new AuthConfigurations();
    }

    @Override
    public SSLConfig getSSLConfig() {
        return sslConfig;
    }
}
