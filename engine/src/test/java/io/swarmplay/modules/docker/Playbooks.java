package io.swarmplay.modules.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swarmplay.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a playbook through the real CLI ({@code Main.execute}) with {@code --json} and reads back
 * what each step did: the way a user runs swarmplay, in-process.
 *
 * <p>The playbooks target {@code localhost}. To run the same tests against another host (e.g. a
 * test host whose engine is reached through SSH socket forwarding), set
 * {@code -Dswarmplay.it.inventory=<file> -Dswarmplay.it.host=<name>} and plug that host's
 * endpoint into {@link io.swarmplay.connection.docker.TestEngine#use}.
 */
final class Playbooks {

    static final String HOST = System.getProperty("swarmplay.it.host", "localhost");
    private static final String INVENTORY = System.getProperty("swarmplay.it.inventory");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One step's result: from a run's {@code host_finished} events, or a plan's steps. */
    record Step(String task, String status, String action, String msg, JsonNode data) {
    }

    /** A run: its exit code, its steps in order, and the raw output for messages. */
    record Run(int code, List<Step> steps, String output) {

        Step step(String task) {
            return steps.stream().filter(s -> s.task().equals(task)).findFirst()
                    .orElseThrow(() -> new AssertionError("no step '" + task + "' in:\n" + output));
        }

        /** {@code task=action} for every step, in order. */
        List<String> actions() {
            return steps.stream().map(s -> s.task() + "=" + s.action()).toList();
        }

        /** {@code task=action: msg} for every step, to compare a plan with the run that follows it. */
        List<String> predictions() {
            return steps.stream().map(s -> s.task() + "=" + s.action() + ": " + s.msg()).toList();
        }
    }

    private final Path dir;

    Playbooks(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code yaml} as {@code playbook.yml} (plus files given as name, content pairs). */
    Path write(String yaml, String... files) {
        try {
            for (int i = 0; i + 1 < files.length; i += 2) {
                Path file = dir.resolve(files[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, files[i + 1]);
            }
            return Files.writeString(dir.resolve("playbook.yml"), yaml.replace("- hosts: localhost", "- hosts: " + HOST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Run apply(Path playbook, String... flags) {
        return events(swarmplay(playbook, flags));
    }

    Run plan(Path playbook, String... flags) {
        String[] all = Stream.concat(Stream.of("--plan", "-v"), Stream.of(flags)).toArray(String[]::new);
        Object[] result = swarmplay(playbook, all);
        List<Step> steps = new ArrayList<>();
        try {
            for (JsonNode r : JSON.readTree((String) result[1]).get("resources")) {
                for (JsonNode s : r.get("steps")) {
                    String task = s.get("task").asText() + (s.has("item") ? " (item=" + s.get("item").asText() + ")" : "");
                    steps.add(new Step(task, "planned", s.get("action").asText(), s.get("summary").asText(), s.get("diff")));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("plan output is not JSON:\n" + result[1], e);
        }
        return new Run((int) result[0], steps, (String) result[1]);
    }

    private Object[] swarmplay(Path playbook, String... flags) {
        List<String> args = new ArrayList<>(List.of("--json", "--no-color"));
        if (INVENTORY != null) args.addAll(List.of("-i", INVENTORY));
        args.addAll(List.of(flags));
        args.add(playbook.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Object[] {code, out + err.toString()};
    }

    private static Run events(Object[] result) {
        List<Step> steps = new ArrayList<>();
        for (String line : ((String) result[1]).split("\n")) {
            if (!line.startsWith("{")) continue;
            try {
                JsonNode e = JSON.readTree(line);
                if (!"host_finished".equals(e.path("event").asText())) continue;
                steps.add(new Step(e.get("task").asText(), e.get("status").asText(), e.path("action").asText("none"),
                        e.path("msg").asText(""), e.get("data")));
            } catch (IOException ex) {
                throw new AssertionError("not a JSON event: " + line, ex);
            }
        }
        return new Run((int) result[0], steps, (String) result[1]);
    }
}
