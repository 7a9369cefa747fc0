package io.swarmplay.connection.docker;

import io.swarmplay.connection.Causes;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.swarmplay.connection.ConnectionException;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Building docker-java clients and turning its exceptions into ours, saying what was tried. */
final class DockerClients {

    private DockerClients() {
    }

    /**
     * A client for {@code dockerHost}. The API version is left unset: docker-java then uses
     * unversioned paths and the engine serves its own version (a pinned one breaks on older and
     * newer engines). The response timeout is a socket read timeout that also ends idle log
     * streams, so it is long; callers enforce their own deadlines.
     */
    static DockerClient create(String dockerHost, DockerTarget target) {
        ClientConfig cfg = ClientConfig.of(dockerHost, target);
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(cfg.getDockerHost()).sslConfig(cfg.getSSLConfig())
                .maxConnections(32).connectionTimeout(Duration.ofSeconds(10))
                .responseTimeout(Duration.ofMinutes(30)).build();
        return DockerClientImpl.getInstance(cfg, http);
    }

    /** Runs one request: unreachable engine → ConnectionException, refusal → DockerException. */
    static <T> T call(DockerTarget target, String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (com.github.dockerjava.api.exception.DockerException e) {
            throw new DockerException("cannot " + what + " on " + target.hostName() + ": " + engineMessage(e), e);
        } catch (com.github.dockerjava.api.exception.DockerClientException e) {
            throw new DockerException("cannot " + what + " on " + target.hostName() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            IOException io = ioCause(e);
            if (io == null) throw e;
            throw new ConnectionException("cannot reach Docker on " + target.hostName() + ": " + target.describe()
                    + ": " + reason(io), e);
        }
    }

    /** Like {@link #call}, empty when the object does not exist. */
    static <T> Optional<T> find(DockerTarget target, String what, Supplier<T> request) {
        try {
            return Optional.of(call(target, what, request));
        } catch (DockerException e) {
            if (e.getCause() instanceof NotFoundException) return Optional.empty();
            throw e;
        }
    }

    /** The engine's {@code {"message": ...}} without docker-java's "Status 409:" prefix and JSON. */
    static String engineMessage(com.github.dockerjava.api.exception.DockerException e) {
        String text = String.valueOf(e.getMessage());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
        return m.find() ? m.group(1).replace("\\\"", "\"") : text.replaceFirst("^Status \\d+: ", "").strip();
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) return io;
        }
        return null;
    }

    private static String reason(IOException io) {
        if (io instanceof NoSuchFileException || String.valueOf(io.getMessage()).contains("No such file")) {
            return "the socket does not exist (is Docker installed and dockerd running?)";
        }
        if (io instanceof ConnectException || String.valueOf(io.getMessage()).toLowerCase().contains("refused")) {
            return "connection refused (is dockerd running?)";
        }
        return Causes.plain(io);
    }
}
