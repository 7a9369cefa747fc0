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

    /** Ansible's failure for a control-node file ({@code src:}) that is not there, with the places searched. */
    public static ModuleException notOnController(String src, java.util.List<String> searched) {
        return new ModuleException("Could not find or access '" + src + "'\nSearched in:\n\t" + String.join("\n\t", searched)
                + " on the Ansible Controller.\nIf you are using a module and expect the file to exist on the remote,"
                + " see the remote_src option");
    }

    public Map<String, Object> data() {
        return data;
    }
}
