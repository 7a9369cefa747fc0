package io.swarmplay.modules.support;

import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requests of {@code get_url} and {@code uri}, with the results Ansible's {@code fetch_url}
 * gives: status (-1 when the request failed), final URL, {@code msg} ({@code OK (N bytes)} or
 * {@code HTTP Error 404: Not Found}), headers and body. {@code http(s)://} requests are made from
 * the control node; {@code file://} URLs read the host's file, as Ansible reads it on the host.
 */
public final class Http {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(202, "Accepted"), Map.entry(204, "No Content"), Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Found"), Map.entry(303, "See Other"), Map.entry(304, "Not Modified"),
            Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    private Http() {
    }

    /**
     * One request. {@code followRedirects} is Ansible's: {@code safe} (GET and HEAD only),
     * {@code all}/{@code yes}/{@code urllib2}, {@code none}/{@code no}.
     */
    public record Request(String url, String method, Map<String, String> headers, byte[] body, Duration timeout,
                          boolean validateCerts, String followRedirects, String user, String password) {
    }

    /** The answer; {@code headers} by lower-case name. */
    public record Response(int status, String url, String msg, Map<String, String> headers, byte[] body) {

        public boolean failed() {
            return status < 0;
        }
    }

    public static Response send(Request request, HostView host) {
        if (request.url().startsWith("file://")) return file(request.url(), host);
        try {
            HttpResponse<byte[]> response = client(request).send(build(request), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(", ", v)));
            int status = response.statusCode();
            String reason = REASONS.getOrDefault(status, "");
            String msg = status < 300 ? reason + " (" + headers.getOrDefault("content-length", "unknown") + " bytes)"
                    : "HTTP Error " + status + ": " + reason;
            return new Response(status, response.uri().toString(), msg, headers, response.body());
        } catch (IOException | IllegalArgumentException e) {
            String cause = e instanceof java.net.ConnectException ? "[Errno 111] Connection refused"
                    : e instanceof java.net.http.HttpTimeoutException ? "timed out"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Response(-1, request.url(), "Request failed: <urlopen error " + cause + ">", Map.of(), new byte[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleException("interrupted while requesting " + request.url());
        }
    }

    private static Response file(String url, HostView host) {
        String path = URI.create(url).getPath();
        try {
            byte[] body = host.read(path);
            return new Response(200, url, "OK (" + body.length + " bytes)", Map.of("content-length", String.valueOf(body.length)), body);
        } catch (RuntimeException e) {
            return new Response(-1, url, "Request failed: <urlopen error [Errno 2] No such file or directory: '" + path + "'>",
                    Map.of(), new byte[0]);
        }
    }

    private static HttpRequest build(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(request.timeout())
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((k, v) -> {
            if (!RESTRICTED.contains(k.toLowerCase(java.util.Locale.ROOT))) builder.header(k, v);
        });
        if (request.user() != null && request.headers().keySet().stream().noneMatch("authorization"::equalsIgnoreCase)) {
            String pair = request.user() + ":" + (request.password() == null ? "" : request.password());
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return builder.build();
    }

    private static HttpClient client(Request request) {
        boolean safe = List.of("GET", "HEAD").contains(request.method());
        boolean follow = switch (request.followRedirects()) {
            case "none", "no" -> false;
            case "safe" -> safe;
            default -> true;
        };
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(request.timeout())
                .followRedirects(follow ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
        if (!request.validateCerts()) builder.sslContext(trustingEverything());
        return builder.build();
    }

    // validate_certs: false, as Ansible: any certificate is accepted
    private static SSLContext trustingEverything() {
        TrustManager all = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // every certificate is accepted: the user turned validation off
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // every certificate is accepted: the user turned validation off
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {all}, new java.security.SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new ModuleException("cannot set up TLS: " + e.getMessage());
        }
    }
}
