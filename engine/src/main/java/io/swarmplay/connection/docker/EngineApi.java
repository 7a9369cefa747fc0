package io.swarmplay.connection.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plain Engine API requests whose JSON answer is handed on as it came (maps, lists, strings,
 * numbers, booleans, with Docker's own key names: {@code Id}, {@code Config.Env}, ...), for the
 * modules that return the engine's inspect output the way community.docker does.
 */
final class EngineApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private EngineApi() {
    }

    /** GET {@code path}; empty on 404. */
    static Optional<Object> get(DockerTarget target, DockerClient client, String what, String path, Map<String, String> query) {
        return request(target, client, what, DockerHttpClient.Request.Method.GET, path, query, true);
    }

    /** POST {@code path} without a body. */
    static Object post(DockerTarget target, DockerClient client, String what, String path, Map<String, String> query) {
        return request(target, client, what, DockerHttpClient.Request.Method.POST, path, query, false, null).orElse(Map.of());
    }

    /** POST {@code path} with {@code body} as JSON; the answer, as parsed JSON. */
    static Object post(DockerTarget target, DockerClient client, String what, String path, Map<String, String> query,
                       Object body) {
        return request(target, client, what, DockerHttpClient.Request.Method.POST, path, query, false, body).orElse(Map.of());
    }

    private static Optional<Object> request(DockerTarget target, DockerClient client, String what,
                                            DockerHttpClient.Request.Method method, String path,
                                            Map<String, String> query, boolean missingIsEmpty) {
        return request(target, client, what, method, path, query, missingIsEmpty, null);
    }

    private static Optional<Object> request(DockerTarget target, DockerClient client, String what,
                                            DockerHttpClient.Request.Method method, String path,
                                            Map<String, String> query, boolean missingIsEmpty, Object body) {
        DockerHttpClient http = ((DockerClientImpl) client).getHttpClient();
        DockerHttpClient.Request.Builder builder = DockerHttpClient.Request.builder().method(method)
                .path(path + queryString(query)).putHeader("Content-Type", "application/json");
        if (body != null) builder.body(new java.io.ByteArrayInputStream(jsonBytes(body)));
        DockerHttpClient.Request request = builder.build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream answer = response.getBody()) {
            byte[] bytes = answer == null ? new byte[0] : answer.readAllBytes();
            int status = response.getStatusCode();
            if (status == 404 && missingIsEmpty) return Optional.empty();
            if (status >= 400) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                Matcher m = MESSAGE.matcher(text);
                throw new DockerException("cannot " + what + " on " + target.hostName() + ": "
                        + (m.find() ? m.group(1).replace("\\\"", "\"") : text.strip()));
            }
            return Optional.of(bytes.length == 0 ? Map.of() : JSON.readValue(bytes, Object.class));
        } catch (IOException | UncheckedIOException e) {
            throw new io.swarmplay.connection.ConnectionException("cannot reach Docker on " + target.hostName() + ": "
                    + target.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * GET {@code path} for the answer's {@code header} only (docker-java's transport has no HEAD):
     * the body is not read; empty on 404.
     */
    static Optional<String> header(DockerTarget target, DockerClient client, String what, String path, Map<String, String> query,
                                 String header) {
        DockerHttpClient http = ((DockerClientImpl) client).getHttpClient();
        DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path(path + queryString(query)).build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            int status = response.getStatusCode();
            if (status == 404) return Optional.empty();
            if (status >= 400) throw new DockerException("cannot " + what + " on " + target.hostName() + ": status " + status);
            return Optional.ofNullable(response.getHeader(header));
        } catch (UncheckedIOException e) {
            throw new io.swarmplay.connection.ConnectionException("cannot reach Docker on " + target.hostName() + ": "
                    + target.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * POST {@code path} with a tar body; the engine's progress messages (a stream of JSON objects,
     * as {@code /build} answers), each handed to {@code onMessage} as it arrives.
     */
    static void postTar(DockerTarget target, DockerClient client, String what, String path,
                        Map<String, List<String>> query, InputStream tar,
                        java.util.function.Consumer<Map<String, Object>> onMessage) {
        DockerHttpClient http = ((DockerClientImpl) client).getHttpClient();
        DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.POST)
                .path(path + multiQuery(query)).putHeader("Content-Type", "application/x-tar").body(tar).build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream answer = response.getBody()) {
            if (response.getStatusCode() >= 400) {
                String text = new String(answer.readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = MESSAGE.matcher(text);
                throw new DockerException("cannot " + what + " on " + target.hostName() + ": "
                        + (m.find() ? m.group(1).replace("\\\"", "\"") : text.strip()));
            }
            try (com.fasterxml.jackson.databind.MappingIterator<Map<String, Object>> messages =
                         JSON.readerFor(Map.class).readValues(answer)) {
                while (messages.hasNext()) onMessage.accept(messages.next());
            }
        } catch (IOException | UncheckedIOException e) {
            throw new io.swarmplay.connection.ConnectionException("cannot reach Docker on " + target.hostName() + ": "
                    + target.describe() + ": " + e.getMessage(), e);
        }
    }

    private static String multiQuery(Map<String, List<String>> query) {
        StringBuilder q = new StringBuilder();
        query.forEach((key, values) -> values.forEach(v -> q.append(q.length() == 0 ? '?' : '&')
                .append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return q.toString();
    }

    /** The JSON {@code text} parsed (maps, lists, strings, numbers, booleans). */
    static Object parse(byte[] text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (IOException e) {
            throw new DockerException("the engine answered malformed JSON: " + e.getMessage());
        }
    }

    private static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) return "";
        return query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    /** {@code value} as JSON text. */
    static String json(Object value) {
        return new String(jsonBytes(value), StandardCharsets.UTF_8);
    }

    private static byte[] jsonBytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Docker's {@code filters} parameter: {@code {"label": ["a=b"]}} as JSON. */
    static String filters(Map<String, java.util.List<String>> filters) {
        try {
            return JSON.writeValueAsString(filters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
