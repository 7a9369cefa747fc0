package io.swarmplay.template.python;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Python process that hosts plugins ({@code plugin_host.py} for filters and tests, or another
 * host script): a request is one JSON object on a line of its stdin, the answer one on a line of
 * its stdout; during a {@link #converse conversation} the script may ask questions back the same
 * way. Its stderr (where a plugin's own output goes) is kept as a short tail for messages. One
 * request at a time.
 */
public final class PluginProcess implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final String SCRIPT = "plugin_host.py";
    private static final int TAIL_LINES = 20;
    /** Stands for the end of stdout in the answer queue. */
    private static final String EOF = new String("EOF");

    /** The process stopped or did not answer; the message is a complete clause. */
    public static final class Broken extends Exception {
        Broken(String message) {
            super(message, null, false, false);
        }
    }

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread stderrReader;

    private PluginProcess(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        daemon("swarmplay-python-out", () -> readAnswers(process.getInputStream()));
        stderrReader = daemon("swarmplay-python-err", () -> readStderr(process.getErrorStream()));
    }

    /** Starts {@code python} running the filter and test host script. */
    static PluginProcess start(Path python) throws IOException {
        return start(python, PluginProcess.class, SCRIPT);
    }

    /** Starts {@code python} running the host script {@code script}, a resource beside {@code owner}. */
    public static PluginProcess start(Path python, Class<?> owner, String script) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(python.toString(), "-B", "-u", "-c", script(owner, script)));
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        return new PluginProcess(builder.start());
    }

    private static String script(Class<?> owner, String name) throws IOException {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) throw new IOException("the plugin host script " + name + " is missing from swarmplay's jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Sends {@code request} and returns the answer, waiting at most {@code timeout}. */
    synchronized Map<String, Object> request(Map<String, Object> request, Duration timeout) throws Broken {
        send(request);
        return receive(timeout);
    }

    /**
     * Sends {@code request}, then answers each question the script asks back (an object whose
     * {@code op} is {@code question}) with {@code answers}, until the final answer, which it
     * returns; {@code timeout} applies to each wait for a line, not to the answers' work.
     */
    public synchronized Map<String, Object> converse(Map<String, Object> request, String question, Duration timeout,
                                                     java.util.function.UnaryOperator<Map<String, Object>> answers) throws Broken {
        send(request);
        for (Map<String, Object> line = receive(timeout); ; line = receive(timeout)) {
            if (!question.equals(line.get("op"))) return line;
            send(answers.apply(line));
        }
    }

    private void send(Map<String, Object> request) throws Broken {
        try {
            stdin.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new Broken(stopped());
        }
    }

    private Map<String, Object> receive(Duration timeout) throws Broken {
        String line;
        try {
            line = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Broken("the Python plugin process was interrupted");
        }
        if (line == null) {
            process.destroyForcibly();
            throw new Broken("the Python plugin process did not answer within " + timeout.toSeconds() + " s and was stopped");
        }
        if (line == EOF) throw new Broken(stopped());
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> answer = JSON.readValue(line, Map.class);
            return answer;
        } catch (IOException e) {
            throw new Broken("the Python plugin process answered something that is not JSON: " + abbreviate(line));
        }
    }

    /** Why the process cannot answer: its exit code and the last lines it wrote to stderr. */
    private String stopped() {
        Optional<Integer> code = exitCode();
        if (code.isPresent()) awaitStderr();
        String tail;
        synchronized (stderrTail) {
            tail = String.join("\n", stderrTail);
        }
        return "the Python plugin process " + code.map(c -> "exited with code " + c).orElse("stopped answering")
                + (tail.isBlank() ? "" : ": " + tail.strip());
    }

    /** Once the process has exited, the rest of its stderr is read to its end (bounded, for a child that keeps it open). */
    private void awaitStderr() {
        try {
            stderrReader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Integer> exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void readAnswers(InputStream out) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) answers.add(line);
        } catch (IOException e) {
            // the process went away; the EOF below says so to a waiting request
        }
        answers.add(EOF);
    }

    private void readStderr(InputStream err) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (stderrTail) {
                    if (stderrTail.size() == TAIL_LINES) stderrTail.removeFirst();
                    stderrTail.addLast(line);
                }
            }
        } catch (IOException e) {
            // nothing more to keep
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** Whether the process is still running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the process wrote to its stderr (a plugin's own output), for messages. */
    public String stderrTail() {
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    /** Closes stdin (the host ends at its end), then stops the process if it does not end soon; waits for it. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
