package io.swarmplay.playbooks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SPIRE server stand-in's bundle handling ({@code e2e/standins/lib/spire-bundle}, a TEST DOUBLE
 * of SPIRE 1.8.4's {@code bundle set} parsing and of the https_spiffe peer check) run with perl and
 * openssl on real certificates made here like the stand-in makes them: the bundle it shows parses
 * back to its CA; {@code bundle set} refuses what SPIRE refuses (no PEM, a non-certificate PEM
 * block, invalid JSON, an x5c that is no certificate, a key that is not its certificate's, two
 * certificates in one x509-svid key, a jwt-svid key without kid, no keys) with SPIRE's messages;
 * the SVID's SPIFFE ID is its one URI SAN; federation ({@code lib/https-spiffe}) takes a peer's
 * bundle only from an endpoint whose certificate chains to the held bundle and carries the
 * configured SPIFFE ID.
 */
class StandInBundleTest {

    static final Path TOOL = LocalSwarm.REPO.resolve("e2e/standins/lib/spire-bundle");
    static final Path HTTPS_SPIFFE = LocalSwarm.REPO.resolve("e2e/standins/lib/https-spiffe");

    @TempDir
    Path dir;

    record Ran(int exit, String out, String err) {
    }

    static Ran run(Path cwd, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Ran(p.waitFor(), out, err);
    }

    Ran ok(String... command) throws Exception {
        Ran r = run(dir, command);
        assertEquals(0, r.exit(), String.join(" ", command) + ": " + r.err());
        return r;
    }

    Ran tool(String... args) throws Exception {
        List<String> c = new ArrayList<>(List.of("perl", TOOL.toString()));
        c.addAll(List.of(args));
        return run(dir, c.toArray(String[]::new));
    }

    /** A P-256 key {@code name}.key. */
    void key(String name) throws Exception {
        ok("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", name + ".key");
    }

    @BeforeEach
    void ca() throws Exception {
        key("ca");
        ok("openssl", "req", "-x509", "-new", "-key", "ca.key", "-subj", "/C=IN/O=SWARM/CN=swarm", "-days", "1",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "subjectAltName=URI:spiffe://org1.swarm.learning", "-out", "ca.pem");
        key("jwt");
        Ran jwks = tool("jwks", "ca.pem", "jwt.key", "kid-1", "1");
        assertEquals(0, jwks.exit(), jwks.err());
        Files.writeString(dir.resolve("bundle.json"), jwks.out());
    }

    String bundle() throws IOException {
        return Files.readString(dir.resolve("bundle.json"));
    }

    String refused(String format, String content) throws Exception {
        Files.writeString(dir.resolve("in"), content);
        Ran r = tool("parse", format, "in");
        assertEquals(1, r.exit(), "accepted:\n" + content);
        assertEquals("", r.out());
        return r.err().strip();
    }

    @Test
    void theShownBundleParsesBackToTheCa() throws Exception {
        String json = bundle();
        assertTrue(json.startsWith("{\n    \"keys\": [\n        {\n            \"use\": \"x509-svid\",\n"), json);
        assertTrue(json.contains("\"kid\": \"kid-1\"") && json.endsWith("    \"spiffe_sequence\": 1\n}\n"), json);
        String ca = Files.readString(dir.resolve("ca.pem"));
        Ran spiffe = tool("parse", "spiffe", "bundle.json");
        assertEquals(0, spiffe.exit(), spiffe.err());
        assertEquals(ca, spiffe.out());
        Ran pem = tool("parse", "pem", "ca.pem");
        assertEquals(0, pem.exit(), pem.err());
        assertEquals(ca, pem.out());
    }

    @Test
    void bundleSetRefusesWhatSpireRefuses() throws Exception {
        String json = bundle();
        String x5c = json.replaceAll("(?s).*\"x5c\": \\[\\s*\"([^\"]+)\".*", "$1");
        String jwtX = json.replaceAll("(?s).*\"jwt-svid\".*?\"x\": \"([^\"]+)\".*", "$1");
        String caX = json.replaceAll("(?s).*?\"x\": \"([^\"]+)\".*", "$1");
        String parse = "unable to parse to spiffe bundle: spiffebundle: ";
        assertEquals("unable to parse bundle data: no PEM blocks", refused("pem", "not a certificate\n"));
        assertEquals("unable to parse bundle data: no PEM blocks", refused("pem", json));
        assertEquals("unable to parse bundle data: expected block type \"CERTIFICATE\"; got \"EC PRIVATE KEY\"",
                refused("pem", Files.readString(dir.resolve("jwt.key"))));
        assertEquals("unable to parse bundle data: x509: malformed certificate",
                refused("pem", "-----BEGIN CERTIFICATE-----\nAAAAAAAA\n-----END CERTIFICATE-----\n"));
        assertEquals(parse + "unable to parse JWKS: unexpected end of JSON input", refused("spiffe", ""));
        assertEquals(parse + "unable to parse JWKS: invalid character '-' in numeric literal",
                refused("spiffe", Files.readString(dir.resolve("ca.pem"))));
        assertEquals(parse + "unable to parse JWKS: go-jose/go-jose: invalid x5c field: x509: malformed certificate",
                refused("spiffe", json.replace(x5c, "AAAA")));
        assertEquals(parse + "unable to parse JWKS: go-jose/go-jose: invalid JWK, public keys in key and x5c fields do not match",
                refused("spiffe", json.replace(caX, jwtX)));
        assertEquals(parse + "expected a single certificate in x509-svid entry 0; got 2",
                refused("spiffe", json.replace("\"" + x5c + "\"", "\"" + x5c + "\", \"" + x5c + "\"")));
        assertEquals(parse + "error adding authority 1 of JWKS: keyID cannot be empty", refused("spiffe", json.replace("\"kid-1\"", "\"\"")));
        assertEquals(parse + "no authorities found", refused("spiffe", "{\"spiffe_sequence\": 1}"));
        Ran missing = tool("parse", "spiffe", "nowhere.json");
        assertEquals(1, missing.exit());
        assertEquals("unable to load bundle data: open nowhere.json: no such file or directory", missing.err().strip());
    }

    @Test
    void theSpiffeIdOfAnSvidIsItsOneUriSan() throws Exception {
        key("svid");
        ok("openssl", "req", "-new", "-key", "svid.key", "-subj", "/O=SPIRE", "-out", "svid.csr");
        Files.writeString(dir.resolve("svid.ext"), "subjectAltName=URI:spiffe://org1.swarm.learning/spire/server\n");
        ok("openssl", "x509", "-req", "-in", "svid.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "1",
                "-extfile", "svid.ext", "-out", "svid.pem");
        Ran id = tool("spiffe-id", "svid.pem");
        assertEquals(0, id.exit(), id.err());
        assertEquals("spiffe://org1.swarm.learning/spire/server\n", id.out());
        Ran none = tool("spiffe-id", "ca.pem");
        assertEquals(0, none.exit(), "the CA has the trust domain's ID, one URI SAN");
        Files.writeString(dir.resolve("two.ext"), "subjectAltName=URI:spiffe://org1.swarm.learning/a,URI:spiffe://org1.swarm.learning/b\n");
        ok("openssl", "x509", "-req", "-in", "svid.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "1",
                "-extfile", "two.ext", "-out", "two.pem");
        Ran two = tool("spiffe-id", "two.pem");
        assertEquals(1, two.exit());
        assertEquals("x509svid: certificate contains more than one URI SAN", two.err().strip());
    }

    /** An X509-SVID {@code name}.pem with the URI SAN {@code id}, signed by {@code ca}. */
    void svid(String name, String id, String ca) throws Exception {
        key(name);
        ok("openssl", "req", "-new", "-key", name + ".key", "-subj", "/O=SPIRE", "-out", name + ".csr");
        Files.writeString(dir.resolve(name + ".ext"), "basicConstraints=critical,CA:FALSE\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=URI:" + id + "\n");
        ok("openssl", "x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key", "-CAcreateserial", "-days", "1",
                "-extfile", name + ".ext", "-out", name + ".pem");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The peer's bundle endpoint (as the stand-in serves it: openssl s_server -WWW) presenting {@code svid}; the fetch's result. */
    Ran federate(String svid, String roots, String endpointSpiffeId) throws Exception {
        Path served = Files.createDirectories(dir.resolve("endpoint"));
        Files.writeString(served.resolve("bundle"), bundle());
        int port = freePort();
        Process server = new ProcessBuilder("openssl", "s_server", "-quiet", "-accept", String.valueOf(port),
                "-cert", dir.resolve(svid + ".pem").toString(), "-key", dir.resolve(svid + ".key").toString(), "-WWW")
                .directory(served.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!listening(port) && System.nanoTime() < deadline) Thread.sleep(100);
            return run(dir, "sh", HTTPS_SPIFFE.toString(), roots, "https://127.0.0.1:" + port, endpointSpiffeId, "fetched.json");
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void federationFetchesTheBundleFromAnEndpointWithTheConfiguredSpiffeIdThatChainsToTheHeldBundle() throws Exception {
        svid("server", "spiffe://org1.swarm.learning/spire/server", "ca");
        Ran fetched = federate("server", "ca.pem", "spiffe://org1.swarm.learning/spire/server");
        assertEquals(0, fetched.exit(), fetched.out() + fetched.err());
        assertEquals(bundle().strip(), Files.readString(dir.resolve("fetched.json")).strip());
    }

    @Test
    void federationRefusesAnEndpointWithAnotherSpiffeId() throws Exception {
        svid("agent", "spiffe://org1.swarm.learning/agent", "ca");
        Ran refused = federate("agent", "ca.pem", "spiffe://org1.swarm.learning/spire/server");
        assertEquals(1, refused.exit(), refused.out());
        assertTrue(refused.out().contains(": unexpected ID \\\"spiffe://org1.swarm.learning/agent\\\""), refused.out());
        assertTrue(Files.notExists(dir.resolve("fetched.json")) || Files.readString(dir.resolve("fetched.json")).isEmpty());
    }

    @Test
    void federationRefusesAnEndpointWhoseCertificateDoesNotChainToTheHeldBundle() throws Exception {
        key("other");
        ok("openssl", "req", "-x509", "-new", "-key", "other.key", "-subj", "/CN=other", "-days", "1",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "subjectAltName=URI:spiffe://org1.swarm.learning", "-out", "other.pem");
        svid("impostor", "spiffe://org1.swarm.learning/spire/server", "other");
        Ran refused = federate("impostor", "ca.pem", "spiffe://org1.swarm.learning/spire/server");
        assertEquals(1, refused.exit(), refused.out());
        assertTrue(refused.out().contains(": x509svid: could not verify leaf certificate: x509: "), refused.out());
    }

    @Test
    void federationReportsAnEndpointThatDoesNotAnswer() throws Exception {
        Ran refused = run(dir, "sh", HTTPS_SPIFFE.toString(), "ca.pem", "https://127.0.0.1:" + freePort(), "spiffe://org1.swarm.learning/spire/server", "fetched.json");
        assertEquals(1, refused.exit(), refused.out());
        assertTrue(refused.out().contains("connect: connection refused"), refused.out());
    }
}
