package io.swarmplay.modules;

import com.sun.net.httpserver.HttpServer;
import io.swarmplay.module.Action;
import io.swarmplay.module.Change;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code get_url}, {@code uri}, {@code script} and {@code unarchive} on the local host, against a real HTTP server in this JVM. */
class FetchAndUnpackModulesOnLocalHostTest {

    @TempDir
    Path dir;
    private HttpServer server;
    private final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            String path = exchange.getRequestURI().getPath();
            byte[] answer = path.equals("/data.json") ? "{\"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8)
                    : path.equals("/file.txt") ? "hello web\n".getBytes(StandardCharsets.UTF_8) : "no".getBytes(StandardCharsets.UTF_8);
            int status = path.equals("/missing") ? 404 : path.equals("/post") ? 201 : 200;
            exchange.getResponseHeaders().add("Content-Type", path.endsWith(".json") ? "application/json" : "text/plain");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private Change plan(String module, Map<String, Object> args) {
        return LocalModules.plan(module, args, dir);
    }

    private Outcome run(String module, Map<String, Object> args) {
        return LocalModules.run(module, args, dir);
    }

    private static Map<String, Object> args(Object... keyValues) {
        return LocalModules.args(keyValues);
    }

    @Test
    void getUrlDownloadsOnceIntoAFileOrADirectoryAndChecksTheChecksum() throws Exception {
        String dest = dir.resolve("x.txt").toString();
        assertEquals(Action.CREATE, plan("get_url", args("url", url("/file.txt"), "dest", dest)).action());
        assertFalse(Files.exists(Path.of(dest)));
        Outcome first = run("get_url", args("url", url("/file.txt"), "dest", dest, "mode", "0600"));
        assertTrue(first.isChanged());
        assertEquals("OK (10 bytes)", first.data().get("msg"));
        assertEquals("hello web\n", Files.readString(Path.of(dest)));
        assertEquals("0600", first.data().get("mode"));
        assertFalse(run("get_url", args("url", url("/file.txt"), "dest", dest)).isChanged());
        Outcome intoDir = run("get_url", args("url", url("/file.txt"), "dest", dir.toString(),
                "checksum", "sha1:8b8ea79bc3ccff808bcad98970cb1d541902be40"));
        assertEquals(dir.resolve("file.txt").toString(), intoDir.data().get("dest"));
        ModuleException wrong = assertThrows(ModuleException.class, () -> run("get_url", args("url", url("/file.txt"),
                "dest", dir + "/y", "checksum", "sha1:abc")));
        assertTrue(wrong.getMessage().startsWith("The checksum for " + dir + "/y did not match abc;"), wrong.getMessage());
        ModuleException missing = assertThrows(ModuleException.class, () -> run("get_url", args("url", url("/missing"), "dest", dir + "/n")));
        assertEquals("Request failed", missing.getMessage());
        assertEquals(404, missing.data().get("status_code"));
    }

    @Test
    void getUrlReadsFileUrlsOnTheHost() throws Exception {
        Files.writeString(dir.resolve("src.txt"), "local\n");
        run("get_url", args("url", "file://" + dir + "/src.txt", "dest", dir + "/copy.txt"));
        assertEquals("local\n", Files.readString(dir.resolve("copy.txt")));
    }

    @Test
    void uriSendsBodiesChecksStatusesAndRegistersJson() throws Exception {
        Outcome json = run("uri", args("url", url("/data.json")));
        assertEquals(Map.of("a", List.of(1, 2)), json.data().get("json"));
        assertEquals(200, json.data().get("status"));
        assertEquals("application/json", json.data().get("content_type"));
        assertEquals(Status.OK, json.status());
        run("uri", args("url", url("/post"), "method", "POST", "body_format", "json", "body", Map.of("k", "v"),
                "status_code", List.of(200, 201)));
        run("uri", args("url", url("/post"), "method", "PUT", "body_format", "form-urlencoded",
                "body", Map.of("a b", "c&d"), "status_code", 201));
        assertEquals("POST /post application/json {\"k\":\"v\"}", requests.get(1));
        assertEquals("PUT /post application/x-www-form-urlencoded a+b=c%26d", requests.get(2));
        Outcome saved = run("uri", args("url", url("/file.txt"), "return_content", true, "dest", dir + "/saved"));
        assertEquals("hello web\n", saved.data().get("content"));
        assertTrue(saved.isChanged());
        assertEquals("hello web\n", Files.readString(dir.resolve("saved")));
        ModuleException status = assertThrows(ModuleException.class, () -> run("uri", args("url", url("/missing"))));
        assertEquals("Status code was 404 and not [200]: HTTP Error 404: Not Found", status.getMessage());
        assertEquals(Action.RUN, plan("uri", args("url", url("/x"))).action());
    }

    @Test
    void scriptRunsAControlNodeScriptOnTheHostWithItsArguments() throws Exception {
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/s.sh"), "#!/bin/sh\necho \"args: $*\"; pwd; echo err >&2; [ \"$1\" = fail ] && exit 3; exit 0\n");
        Outcome ran = run("script", args("cmd", "s.sh a 'b c'", "chdir", "/tmp"));
        assertEquals("args: a b c\n/tmp\n", ran.data().get("stdout"));
        assertEquals("err\n", ran.data().get("stderr"));
        Outcome skipped = run("script", args("cmd", "s.sh", "creates", dir.toString()));
        assertEquals(Status.SKIPPED, skipped.status());
        assertEquals(dir + " exists, matching creates option", skipped.message());
        ModuleException failed = assertThrows(ModuleException.class, () -> run("script", args("cmd", "s.sh fail")));
        assertEquals(3, failed.data().get("rc"));
        Files.createDirectories(dir.resolve("files/space path"));
        Files.writeString(dir.resolve("files/space path/t.sh"), "#!/bin/sh\necho \"args: $*\"\n");
        assertEquals("args: x y z\n", run("script", args("cmd", "'space path/t.sh' x 'y z'")).data().get("stdout"));
    }

    @Test
    void unarchiveUnpacksTarGzAndZipOnceAndListsFiles() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/top/sub"));
        Files.writeString(src.resolve("b.txt"), "two\n");
        Files.writeString(dir.resolve("src/top/a.txt"), "one\n");
        Files.createDirectories(dir.resolve("files"));
        Process tar = new ProcessBuilder("tar", "-czf", dir + "/files/t.tgz", "-C", dir + "/src", "top").start();
        assertEquals(0, tar.waitFor());
        Files.write(dir.resolve("files/z.zip"), zip(Map.of("top/a.txt", "one\n", "top/sub/b.txt", "two\n")));
        Files.createDirectories(dir.resolve("out1"));
        Files.createDirectories(dir.resolve("out2"));
        Outcome tgz = run("unarchive", args("src", "t.tgz", "dest", dir + "/out1", "list_files", true));
        assertTrue(tgz.isChanged());
        assertEquals("TgzArchive", tgz.data().get("handler"));
        assertTrue(((List<?>) tgz.data().get("files")).contains("top/sub/b.txt"), tgz.data().toString());
        assertEquals("two\n", Files.readString(dir.resolve("out1/top/sub/b.txt")));
        assertFalse(run("unarchive", args("src", "t.tgz", "dest", dir + "/out1")).isChanged());
        assertTrue(run("unarchive", args("src", "z.zip", "dest", dir + "/out2")).isChanged());
        assertEquals("one\n", Files.readString(dir.resolve("out2/top/a.txt")));
        assertFalse(run("unarchive", args("src", dir + "/files/z.zip", "remote_src", true, "dest", dir + "/out2")).isChanged());
        assertEquals("dest '" + dir + "/none' must be an existing dir",
                assertThrows(ModuleException.class, () -> run("unarchive", args("src", "t.tgz", "dest", dir + "/none"))).getMessage());
    }

    private static byte[] zip(Map<String, String> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> f : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
