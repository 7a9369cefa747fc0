package io.swarmplay.inventory;

import io.swarmplay.source.Diagnostic;
import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.SourceFile;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.YamlNode;
import io.swarmplay.source.YamlReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Ansible's {@code script} inventory plugin: an executable inventory file is run with
 * {@code --list} and prints JSON, {@code {"group": {"hosts": [..], "vars": {..}, "children": [..]},
 * "_meta": {"hostvars": {"h": {..}}}}} (a group may also be a bare list of hosts); without
 * {@code _meta} each host's variables come from {@code --host NAME}, as Ansible asks them.
 */
final class ScriptInventoryReader {

    private static final long TIMEOUT_SECONDS = 60;

    private final InventoryBuilder builder;
    private final Diagnostics diagnostics;
    private final Path script;

    ScriptInventoryReader(InventoryBuilder builder, Diagnostics diagnostics, Path script) {
        this.builder = builder;
        this.diagnostics = diagnostics;
        this.script = script;
    }

    /** An executable file that starts with {@code #!}: Ansible runs it instead of reading it. */
    static boolean isScript(Path file) {
        if (!Files.isExecutable(file)) return false;
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == '#' && head[1] == '!';
        } catch (IOException e) {
            return false;
        }
    }

    void read() {
        Map<String, Object> list = json("--list").orElse(null);
        if (list == null) return;
        Object meta = list.get("_meta");
        Map<?, ?> hostvars = meta instanceof Map<?, ?> m && m.get("hostvars") instanceof Map<?, ?> hv ? hv : null;
        list.forEach((group, body) -> {
            if (!group.equals("_meta")) group(group, body, hostvars);
        });
    }

    private void group(String name, Object body, Map<?, ?> hostvars) {
        builder.group(name);
        Object hosts = body instanceof Map<?, ?> m ? m.get("hosts") : body;
        if (hosts instanceof List<?> names) {
            for (Object host : names) builder.host(name, String.valueOf(host), hostVars(String.valueOf(host), hostvars), at());
        }
        if (!(body instanceof Map<?, ?> m)) return;
        if (m.get("vars") instanceof Map<?, ?> vars) builder.groupVars(name, strings(vars));
        if (m.get("children") instanceof List<?> children) {
            for (Object child : children) builder.child(name, String.valueOf(child), at());
        }
    }

    private Map<String, Object> hostVars(String host, Map<?, ?> hostvars) {
        if (hostvars != null) return hostvars.get(host) instanceof Map<?, ?> vars ? strings(vars) : Map.of();
        return json("--host", host).orElse(Map.of());
    }

    private Optional<Map<String, Object>> json(String... args) {
        String label = script + " " + String.join(" ", args);
        try {
            Path out = Files.createTempFile("swarmplay-inventory", ".json");
            Path err = Files.createTempFile("swarmplay-inventory", ".err");
            try {
                List<String> command = new java.util.ArrayList<>(List.of(script.toAbsolutePath().toString()));
                command.addAll(List.of(args));
                Process p = new ProcessBuilder(command).directory(script.toAbsolutePath().getParent().toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return fail(label + " did not finish within " + TIMEOUT_SECONDS + " s");
                }
                if (p.exitValue() != 0) {
                    return fail(label + " exited with " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8).strip());
                }
                return parse(Files.readString(out, StandardCharsets.UTF_8), label);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return fail("cannot run the inventory script " + label + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(label + " was interrupted");
        }
    }

    private Optional<Map<String, Object>> parse(String text, String label) {
        YamlNode root = new YamlReader(diagnostics).read(SourceFile.of(script, text)).orElse(null);
        if (root instanceof YamlNode.Mapping m) return Optional.of(m.value());
        if (root instanceof YamlNode.Scalar s && s.value() == null) return Optional.of(Map.of());
        return fail(label + " printed no JSON object");
    }

    private Optional<Map<String, Object>> fail(String message) {
        diagnostics.add(Diagnostic.error(message, SourcePosition.UNKNOWN)
                .withHint("an executable inventory is run as Ansible's script plugin runs it: `--list` prints JSON"));
        return Optional.empty();
    }

    private static Map<String, Object> strings(Map<?, ?> vars) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        vars.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private SourcePosition at() {
        return new SourcePosition(script, 1, 1);
    }
}
