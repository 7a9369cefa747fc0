package io.swarmplay.module;

import java.util.Map;

/**
 * A task failed on a host for a reason the user can act on. The runner turns it into a
 * FAILED {@link Outcome} with this message and {@code data} (e.g. rc, stdout, stderr).
 */
public class ModuleException extends RuntimeException {

    private final transient Map<String, Object> data;

    public ModuleException(String message) {
        this(message, Map.of());
    }

    public ModuleException(String message, Map<String, Object> data) {
        super(message);
        this.data = Map.copyOf(data);
    }

    public Map<String, Object> data() {
        return data;
    }
}
