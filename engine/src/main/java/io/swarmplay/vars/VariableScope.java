package io.swarmplay.vars;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Layers of variables, lowest precedence first, following Ansible's order: group vars, host
 * vars, facts, play vars, vars files, block vars, task vars, set_fact and registered results,
 * extra vars ({@code -e}), then loop variables and magic variables. A later layer replaces a
 * whole value of an earlier one (no deep merge, as Ansible's default {@code hash_behaviour}).
 *
 * <p>Immutable: {@link #with} returns a new scope sharing the lower layers.
 */
public final class VariableScope {

    /** A named layer, e.g. {@code play vars} or {@code task vars}. */
    public record Layer(String name, Map<String, Object> vars) {
    }

    private final List<Layer> layers;
    private Map<String, Object> flat;

    private VariableScope(List<Layer> layers) {
        this.layers = layers;
    }

    public static VariableScope empty() {
        return new VariableScope(List.of());
    }

    /** This scope with one more layer on top; empty layers are not added. */
    public VariableScope with(String layerName, Map<String, Object> vars) {
        if (vars == null || vars.isEmpty()) return this;
        List<Layer> more = new ArrayList<>(layers.size() + 1);
        more.addAll(layers);
        more.add(new Layer(layerName, vars));
        return new VariableScope(Collections.unmodifiableList(more));
    }

    /** Every variable with the value of the highest layer that defines it. */
    public Map<String, Object> toMap() {
        Map<String, Object> result = flat;
        if (result == null) {
            result = new LinkedHashMap<>();
            for (Layer layer : layers) result.putAll(layer.vars());
            flat = result;
        }
        return result;
    }

    /** The name of the layer the value of {@code name} comes from (for {@code -vvv} and messages). */
    public Optional<String> explain(String name) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).vars().containsKey(name)) return Optional.of(layers.get(i).name());
        }
        return Optional.empty();
    }

    public List<Layer> layers() {
        return layers;
    }
}
