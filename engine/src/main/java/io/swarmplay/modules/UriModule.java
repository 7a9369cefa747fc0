package io.swarmplay.modules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Default;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.FileMode;
import io.swarmplay.modules.support.Http;
import io.swarmplay.modules.support.Results;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes an HTTP request and checks its status, as Ansible's {@code uri}: JSON or form bodies,
 * headers, basic auth, the response's headers, JSON and (with {@code return_content}) content
 * registered, the body optionally saved to {@code dest} on the host.
 * <pre>{@code
 * - uri:
 *     url: http://localhost:8080/api/items
 *     method: POST
 *     body_format: json
 *     body: {name: x}
 *     status_code: [200, 201]
 *   register: created
 * }</pre>
 * The request is made from the control node. Like Ansible, check mode skips it (a request may change the server).
 */
@ModuleInfo(name = "uri", checkMode = CheckSupport.NONE)
public final class UriModule implements Module<UriModule.Args> {

    /** Made on first use: Jackson's set-up (date formats, locale data) costs every run that loads the module registry. */
    private static final class Lazy {
        static final ObjectMapper JSON = new ObjectMapper();
    }
    private static final List<String> JSON_TYPES = List.of("json", "javascript");

    /** Proxies, client certificates, GSSAPI, netrc, ciphers, unix sockets and ca_path are accepted and not used here. */
    public record Args(@Required @Doc("http or https URL") String url,
                       @Default("GET") @Doc("HTTP method, upper case") String method,
                       @Doc("request body: text, or data for body_format json/form-urlencoded") Object body,
                       @Choices({"raw", "json", "form-urlencoded", "form-multipart"}) String body_format,
                       @Default("200") @Doc("statuses that mean success") List<Object> status_code,
                       @Doc("register the body as content") boolean return_content,
                       @Doc("request headers") Map<String, String> headers,
                       @Doc("save the body to this file (or directory) on the host") String dest,
                       @Doc("skip when this path exists on the host") String creates,
                       @Doc("skip when this path does not exist on the host") String removes,
                       @Default("30") Duration timeout, @Default("true") boolean validate_certs,
                       @Default("safe") @Choices({"safe", "all", "none", "no", "yes", "urllib2"}) String follow_redirects,
                       @Alias({"user"}) String url_username, @Alias({"password"}) String url_password,
                       boolean force_basic_auth, String src, boolean remote_src, boolean force, boolean use_proxy,
                       String http_agent, String client_cert, String client_key, String ca_path, String unix_socket,
                       List<String> unredirected_headers, @Default("true") boolean decompress, List<String> ciphers,
                       @Default("true") boolean use_netrc, boolean use_gssapi,
                       Object mode, String owner, String group, boolean unsafe_writes, @Alias("attr") String attributes,
                       String seuser, String serole, String selevel, String setype) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        if (!args.method().matches("[A-Z]+")) {
            throw new ModuleException("Parameter 'method' needs to be a single word in uppercase, like GET or POST.");
        }
        if (args.creates() != null && host.stat(args.creates()).isPresent()) {
            return Results.none("skipped, since " + args.creates() + " exists",
                    Map.of("stdout", "skipped, since '" + args.creates() + "' exists"));
        }
        if (args.removes() != null && host.stat(args.removes()).isEmpty()) {
            return Results.none("skipped, since " + args.removes() + " does not exist",
                    Map.of("stdout", "skipped, since '" + args.removes() + "' does not exist"));
        }
        return Change.run(args.method() + " " + args.url());
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        Map<String, String> headers = new LinkedHashMap<>(args.headers() == null ? Map.of() : args.headers());
        byte[] body = body(args, headers);
        if (args.http_agent() != null) headers.putIfAbsent("User-Agent", args.http_agent());
        long start = System.nanoTime();
        Http.Response response = Http.send(new Http.Request(args.url(), args.method(), headers, body, args.timeout(),
                args.validate_certs(), args.follow_redirects(), args.url_username(), args.url_password()), host);
        Map<String, Object> data = new LinkedHashMap<>();
        response.headers().forEach((k, v) -> data.put(k.replace('-', '_'), v));
        data.put("redirected", !response.url().equals(args.url()));
        data.put("url", response.url());
        data.put("status", response.status());
        data.put("msg", response.msg());
        data.put("elapsed", Duration.ofNanos(System.nanoTime() - start).toSeconds());
        data.put("cookies", Map.of());
        data.put("cookies_string", "");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (isJson(response.headers().get("content-type"))) parseJson(text, data);
        if (args.return_content()) data.put("content", text);
        boolean wrote = args.dest() != null && expected(args, response.status()) && response.status() != 304;
        if (wrote) data.put("path", save(args, response, host));
        if (!expected(args, response.status())) {
            data.put("msg", "Status code was " + response.status() + " and not " + statuses(args) + ": " + response.msg());
            throw new ModuleException((String) data.get("msg"), data);
        }
        return (wrote ? Outcome.changed(change) : Outcome.ok(Change.none(args.method() + " " + args.url() + " answered "
                + response.status()))).withData(data);
    }

    private static byte[] body(Args args, Map<String, String> headers) {
        Object body = args.body();
        if (body == null) return null;
        boolean typed = headers.keySet().stream().anyMatch("content-type"::equalsIgnoreCase);
        switch (args.body_format()) {
            case "json" -> {
                if (!typed) headers.put("Content-Type", "application/json");
                return (body instanceof String s ? s : json(body)).getBytes(StandardCharsets.UTF_8);
            }
            case "form-urlencoded" -> {
                if (!typed) headers.put("Content-Type", "application/x-www-form-urlencoded");
                return (body instanceof String s ? s : form(body)).getBytes(StandardCharsets.UTF_8);
            }
            case "form-multipart" -> throw new ModuleException("body_format form-multipart is not supported by swarmplay");
            default -> {
                return (body instanceof String s ? s : json(body)).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static String json(Object value) {
        try {
            return Lazy.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ModuleException("cannot write the body as JSON: " + e.getOriginalMessage());
        }
    }

    /** Python's {@code urlencode}: a mapping or a list of pairs, values quoted with + for spaces. */
    private static String form(Object body) {
        List<String> pairs = new ArrayList<>();
        if (body instanceof Map<?, ?> map) {
            map.forEach((k, v) -> pairs.add(encode(k) + "=" + encode(v)));
        } else if (body instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof List<?> pair) || pair.size() != 2) {
                    throw new ModuleException("failed to parse body as form_urlencoded: expected pairs");
                }
                pairs.add(encode(pair.get(0)) + "=" + encode(pair.get(1)));
            }
        } else {
            throw new ModuleException("failed to parse body as form_urlencoded: not a mapping or a list of pairs");
        }
        return String.join("&", pairs);
    }

    private static String encode(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) return false;
        String type = contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        String sub = type.substring(type.indexOf('/') + 1);
        if (sub.contains("+")) sub = sub.substring(sub.indexOf('+') + 1);
        return JSON_TYPES.contains(sub);
    }

    private static void parseJson(String text, Map<String, Object> data) {
        try {
            data.put("json", Lazy.JSON.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            // not JSON after all: Ansible leaves json out
        }
    }

    private static List<Integer> statuses(Args args) {
        return args.status_code().stream().map(s -> Integer.parseInt(String.valueOf(s).strip())).toList();
    }

    private static boolean expected(Args args, int status) {
        return statuses(args).contains(status);
    }

    private static String save(Args args, Http.Response response, HostSession host) {
        String dest = args.dest();
        if (host.stat(dest).map(io.swarmplay.connection.FileStat::isDirectory).orElse(false)) {
            String path = java.net.URI.create(response.url()).getPath();
            String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            dest = dest.replaceAll("/+$", "") + "/" + (name.isEmpty() ? "index.html" : name);
        }
        host.write(dest, new ByteArrayInputStream(response.body()),
                new FileAttrs(FileMode.parse(args.mode(), 0644, false), args.owner(), args.group()));
        return dest;
    }
}
