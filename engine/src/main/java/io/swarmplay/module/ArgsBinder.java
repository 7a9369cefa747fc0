package io.swarmplay.module;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a task's rendered argument map to a module's arguments record: YAML keys are the
 * record's component names (snake_case as written in YAML, e.g. {@code force_basic_auth}) or
 * their {@link Alias}es; values are converted to the component types; {@link Required},
 * {@link Choices} and {@link Default} are honoured. Every problem is collected into one
 * {@link ArgsException}.
 */
public final class ArgsBinder {

    private ArgsBinder() {
    }

    /** Every key the record accepts: component names and their aliases. */
    public static Set<String> argNames(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            names.add(component.getName());
            Alias alias = component.getAnnotation(Alias.class);
            if (alias != null) names.addAll(List.of(alias.value()));
        }
        return names;
    }

    public static <A> A bind(Class<A> type, Map<String, Object> args) {
        throw new UnsupportedOperationException("not yet");
    }
}
