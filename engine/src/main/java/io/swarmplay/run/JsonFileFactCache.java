package io.swarmplay.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swarmplay.report.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Ansible's {@code jsonfile} cache plugin: one file per host, named {@code PREFIX + host}, in the
 * {@code fact_caching_connection} directory, holding the host's facts as indented JSON with sorted
 * keys; a file older than {@code fact_caching_timeout} seconds (0: never) is expired.
 */
public final class JsonFileFactCache implements FactCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String prefix;
    private final long timeoutSeconds;
    private final Consumer<String> warnings;

    public JsonFileFactCache(Path dir, String prefix, long timeoutSeconds, Consumer<String> warnings) {
        this.dir = dir;
        this.prefix = prefix == null ? "" : prefix;
        this.timeoutSeconds = timeoutSeconds;
        this.warnings = warnings;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> load(String host) {
        Path file = file(host);
        if (host.isEmpty() || !Files.isRegularFile(file) || expired(file)) return Map.of();
        try {
            Object value = JSON.readValue(file.toFile(), Object.class);
            return value instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : Map.of();
        } catch (IOException e) {
            warnings.accept("error in 'jsonfile' cache plugin while trying to read " + file + " : " + e.getMessage());
            return Map.of();
        }
    }

    @Override
    public void store(String host, Map<String, Object> facts) {
        Path file = file(host);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "tmp", "");
            try {
                Files.writeString(tmp, Json.python(facts, 4));
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            warnings.accept("error in 'jsonfile' cache plugin while trying to write to '" + file + "' : " + e.getMessage());
        }
    }

    @Override
    public void clear(String host) {
        try {
            Files.deleteIfExists(file(host));
        } catch (IOException e) {
            // as Ansible: a file that cannot be removed is left
        }
    }

    @Override
    public void flush() {
        if (!Files.isDirectory(dir)) return;
        try (var files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && n.startsWith(prefix))
                    .forEach(n -> clear(n.substring(prefix.length())));
        } catch (IOException e) {
            warnings.accept("error in 'jsonfile' cache plugin while trying to flush " + dir + " : " + e.getMessage());
        }
    }

    private Path file(String host) {
        return dir.resolve(prefix + host);
    }

    private boolean expired(Path file) {
        if (timeoutSeconds == 0) return false;
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return System.currentTimeMillis() - modified.toMillis() > timeoutSeconds * 1000;
        } catch (IOException e) {
            return false;
        }
    }
}
