package io.swarmplay.module;

import java.util.List;

/**
 * One argument of a module as {@code swarmplay doc} shows it: the YAML key, the other keys it
 * answers to, its type ({@code str}, {@code int}, {@code bool}, {@code list}, {@code dict}, ...),
 * default (null for none), choices, whether it is required, and what it means (may be empty).
 */
public record ArgSpec(String name, List<String> aliases, String type, String defaultValue, List<String> choices,
                      boolean required, String description) {

    public ArgSpec {
        aliases = List.copyOf(aliases);
        choices = List.copyOf(choices);
        description = description == null ? "" : description;
    }
}
