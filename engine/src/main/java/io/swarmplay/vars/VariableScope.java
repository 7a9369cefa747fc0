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
 * whole value of an earlier one (Ansible's default {@code hash_behaviour}), or with
 * {@code hash_behaviour = merge} merges mappings recursively into it ({@link HashBehaviour}).
 *
 * <p>Immutable: {@link #with} returns a new scope sharing the lower layers.
 */
public final class VariableScope {

    /** A named layer, e.g. {@code play vars} or {@code task vars}. */
    public record Layer(String name, Map<String, Object> vars) {
    }

    private final List<Layer> layers;
    private final HashBehaviour hashBehaviour;
    private Map<String, Object> flat;

    private VariableScope(List<Layer> layers, HashBehaviour hashBehaviour) {
        this.layers = layers;
        this.hashBehaviour = hashBehaviour;
    }

    /** No layers yet; layers replace values (Ansible's default {@code hash_behaviour}). */
    public static VariableScope empty() {
        return empty(HashBehaviour.REPLACE);
    }

    /** No layers yet; layers are combined as {@code hashBehaviour} says. */
    public static VariableScope empty(HashBehaviour hashBehaviour) {
        return new VariableScope(List.of(), hashBehaviour);
    }

    /** This scope with one more layer on top; empty layers are not added. */
    public VariableScope with(String layerName, Map<String, Object> vars) {
        if (vars == null || vars.isEmpty()) return this;
        List<Layer> more = new ArrayList<>(layers.size() + 1);
        more.addAll(layers);
        more.add(new Layer(layerName, vars));
        return new VariableScope(Collections.unmodifiableList(more), hashBehaviour);
    }

    /** Every variable with the value of the highest layer that defines it (mappings merged with {@code merge}). */
    public Map<String, Object> toMap() {
        Map<String, Object> result = flat;
        if (result == null) {
            result = new LinkedHashMap<>();
            for (Layer layer : layers) hashBehaviour.putAll(result, layer.vars());
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
