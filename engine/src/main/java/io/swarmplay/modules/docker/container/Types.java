package io.swarmplay.modules.docker.container;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/** Generic argument types for the option table ({@code List<String>}, {@code Map<String, Object>}, ...). */
final class Types {

    static final Type STRINGS = listOf(String.class);
    static final Type DICT = generic(Map.class, String.class, Object.class);

    private Types() {
    }

    static Type listOf(Type element) {
        return generic(List.class, element);
    }

    private static Type generic(Class<?> raw, Type... arguments) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return arguments.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }
}
