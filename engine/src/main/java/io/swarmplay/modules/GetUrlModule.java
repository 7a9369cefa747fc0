package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.FileStat;
import io.swarmplay.connection.ShellQuote;
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
import io.swarmplay.modules.support.Http;
import io.swarmplay.modules.support.ManagedFile;
import io.swarmplay.modules.support.Results;
import io.swarmplay.modules.support.Safeguards;
import io.swarmplay.modules.support.Texts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads a URL to a file on the host (into a directory: named from Content-Disposition or the
 * URL), replacing it only when the content differs, optionally verifying a checksum.
 * <pre>{@code
 * - get_url:
 *     url: https://example.com/app.tar.gz
 *     dest: /opt/app.tar.gz
 *     checksum: sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 *     mode: "0644"
 * }</pre>
 * Plans (and check mode) download the content and compare it with the host's file. {@code http(s)}
 * requests are made from the control node; {@code file://} reads the host's file. Registers
 * {@code dest, url, msg, status_code, checksum_src, checksum_dest, md5sum, size, elapsed}.
 */
@ModuleInfo(name = "get_url", checkMode = CheckSupport.FULL, diff = true)
public final class GetUrlModule implements Module<GetUrlModule.Args> {

    private static final Map<String, String> ALGORITHMS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224",
            "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512");
    private static final Pattern DISPOSITION = Pattern.compile("filename\\*?=\"?([^\";]+)\"?");

    /** Proxies, client certificates, GSSAPI, netrc and ciphers are accepted and not used here. */
    public record Args(@Required @Doc("http, https or file URL") String url,
                       @Required @Doc("file to write, or a directory to put the file in") String dest,
                       @Doc("download and replace the file even when it exists") boolean force,
                       @Doc("keep a timestamped copy of the file being replaced") boolean backup,
                       @Default("") @Doc("algorithm:hex (or algorithm:URL of a checksum file) the file must have") String checksum,
                       @Default("10") @Doc("seconds to wait for the server") Duration timeout,
                       @Doc("request headers") Map<String, String> headers,
                       @Alias("username") String url_username, @Alias("password") String url_password,
                       boolean force_basic_auth, @Default("true") boolean validate_certs, @Default("true") boolean use_proxy,
                       String http_agent, String client_cert, String client_key, String tmp_dest,
                       List<String> unredirected_headers, @Default("true") boolean decompress, List<String> ciphers,
                       @Default("true") boolean use_netrc, boolean use_gssapi,
                       Object mode, String owner, String group, boolean unsafe_writes, @Alias("attr") String attributes,
                       String seuser, String serole, String selevel, String setype) {
    }

    /** What plan found: the file change to make and the fields to register. */
    private record Download(Change file, Map<String, Object> data) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        Optional<FileStat> stat = host.stat(args.dest());
        boolean toDir = stat.map(FileStat::isDirectory).orElse(false);
        String[] checksum = checksum(args, host);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dest", args.dest());
        data.put("url", args.url());
        if (!toDir && stat.isPresent() && !args.force() && checksum != null
                && checksum[1].equals(hostDigest(args.dest(), checksum[0], host))) {
            data.put("msg", "file already exists");
            return Results.none("file already exists", withPathInfo(data, stat.get()));
        }
        long start = System.nanoTime();
        boolean conditional = !toDir && stat.isPresent() && !args.force();
        Http.Response response = Http.send(request(args, conditional ? modified(args.dest(), host) : null), host);
        data.put("elapsed", Duration.ofNanos(System.nanoTime() - start).toSeconds());
        if (response.status() == 304) {
            data.put("msg", response.msg());
            data.put("status_code", 304);
            return Results.none("not modified since " + args.dest() + " was written", withPathInfo(data, stat.get()));
        }
        if (response.status() == -1) throw new ModuleException(response.msg(), data); // urlopen error: Ansible's msg
        if (response.status() != 200) {
            data.put("status_code", response.status());
            data.put("response", response.msg());
            throw new ModuleException("Request failed", data);
        }
        String dest = toDir ? args.dest().replaceAll("/+$", "") + "/" + filename(response) : args.dest();
        data.put("dest", dest);
        byte[] content = response.body();
        if (checksum != null) {
            String got = Texts.digest(ALGORITHMS.get(checksum[0]), content);
            if (!got.equals(checksum[1])) {
                throw new ModuleException("The checksum for " + dest + " did not match " + checksum[1] + "; it was " + got + ".", data);
            }
        }
        data.put("checksum_src", Texts.sha1(content));
        data.put("msg", response.msg());
        data.put("status_code", args.url().startsWith("file://") ? null : response.status());
        Change file = ManagedFile.plan(new ManagedFile.Desired(dest, content, args.mode(), args.owner(), args.group(), true,
                new Safeguards(args.backup(), null)), host);
        data.put("checksum_dest", file.action() == io.swarmplay.module.Action.CREATE ? null
                : file.isNone() ? Texts.sha1(content) : hostDigest(dest, "sha1", host));
        data.put("md5sum", Texts.digest("MD5", content));
        data.put("size", content.length);
        if (file.isNone()) {
            return Results.none("the file at " + dest + " has the content of " + args.url(),
                    withPathInfo(data, host.stat(dest).orElseThrow()));
        }
        Change change = new Change(file.action(), "download " + args.url() + " to " + dest, file.diff(),
                new Download(file, data));
        return change;
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        Download download = (Download) change.payload();
        Outcome written = ManagedFile.apply(download.file(), host);
        Map<String, Object> data = new LinkedHashMap<>(download.data());
        if (written.data().containsKey("backup_file")) data.put("backup_file", written.data().get("backup_file"));
        host.stat((String) data.get("dest")).ifPresent(stat -> withPathInfo(data, stat));
        return Outcome.changed(change).withData(data);
    }

    /** What Ansible adds for a path it registers: mode, size and state. */
    private static Map<String, Object> withPathInfo(Map<String, Object> data, FileStat stat) {
        data.put("mode", stat.modeOctal());
        data.put("size", stat.size());
        data.put("state", stat.isDirectory() ? "directory" : "file");
        return data;
    }

    /** The file's modification time as an HTTP date, for If-Modified-Since (Ansible's last_mod_time). */
    private static String modified(String path, HostView host) {
        String seconds = host.probe(Command.of("stat", "-c", "%Y", "--", path)).stdoutTrimmed();
        if (!seconds.matches("\\d+")) return null;
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.Instant.ofEpochSecond(Long.parseLong(seconds)).atZone(java.time.ZoneOffset.UTC));
    }

    private static Http.Request request(Args args, String ifModifiedSince) {
        Map<String, String> headers = new LinkedHashMap<>(args.headers() == null ? Map.of() : args.headers());
        if (ifModifiedSince != null) headers.putIfAbsent("If-Modified-Since", ifModifiedSince);
        if (args.http_agent() != null) headers.putIfAbsent("User-Agent", args.http_agent());
        return new Http.Request(args.url(), "GET", headers, null, args.timeout(), args.validate_certs(), "safe",
                args.url_username(), args.url_password());
    }

    /** {@code [algorithm, hex]} from {@code checksum}, fetching a checksum file when it is a URL; null without one. */
    private static String[] checksum(Args args, HostView host) {
        if (args.checksum().isEmpty()) return null;
        int colon = args.checksum().indexOf(':');
        if (colon < 0) throw new ModuleException("The checksum parameter has to be in format <algorithm>:<checksum>");
        String algorithm = args.checksum().substring(0, colon);
        String value = args.checksum().substring(colon + 1);
        if (!ALGORITHMS.containsKey(algorithm)) throw new ModuleException("unsupported hash algorithm '" + algorithm + "'");
        if (value.matches("^(https?|ftp|file)://.*")) value = fromChecksumFile(args, value, host);
        value = value.replaceAll("\\W+", "").toLowerCase(java.util.Locale.ROOT);
        if (!value.matches("[0-9a-f]+")) throw new ModuleException("The checksum format is invalid");
        return new String[] {algorithm, value};
    }

    /** Ansible's lookup in a {@code sha256sum}-style file: the line naming the URL's file, or a file holding only a sum. */
    private static String fromChecksumFile(Args args, String url, HostView host) {
        Http.Response response = Http.send(new Http.Request(url, "GET", Map.of(), null, args.timeout(), args.validate_certs(),
                "safe", args.url_username(), args.url_password()), host);
        List<String> lines = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        String filename = urlFilename(args.url());
        if (lines.size() == 1 && lines.get(0).strip().split("\\s+").length == 1) return lines.get(0).strip();
        for (String line : lines) {
            String[] parts = line.split(" ", 2);
            if (parts.length < 2) continue;
            String name = parts[1].startsWith(" ") || parts[1].startsWith("*") ? parts[1].substring(1) : parts[1];
            if (name.replaceFirst("^[./]+", "").equals(filename)) return parts[0];
        }
        throw new ModuleException("Unable to find a checksum for file '" + filename + "' in '" + url + "'");
    }

    private static String hostDigest(String path, String algorithm, HostView host) {
        Command sum = Command.shell(algorithm + "sum < " + ShellQuote.quote(path) + " | cut -d' ' -f1");
        return host.probe(sum).stdoutTrimmed();
    }

    private static String filename(Http.Response response) {
        String disposition = response.headers().get("content-disposition");
        if (disposition != null) {
            Matcher m = DISPOSITION.matcher(disposition);
            if (m.find()) return m.group(1).substring(m.group(1).lastIndexOf('/') + 1);
        }
        String name = urlFilename(response.url());
        return name.isEmpty() ? "index.html" : name;
    }

    private static String urlFilename(String url) {
        String path = java.net.URI.create(url).getPath();
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }
}
