package io.swarmplay.module;

import java.lang.reflect.Type;
import java.util.List;

/**
 * One argument declared in an {@link ArgTable} rather than as a record component: its YAML key,
 * its Java type (converted like a component's: {@code String}, {@code Long}, {@code Boolean},
 * {@code List<String>}, {@code Map<String, Object>}, a nested record, a list of records, ...),
 * the other keys it answers to, its choices and what it means.
 */
public record TableArg(String name, Type type, List<String> aliases, List<String> choices, String description) {

    public TableArg {
        aliases = List.copyOf(aliases);
        choices = List.copyOf(choices);
    }
}
