package io.swarmplay.module;

import io.swarmplay.source.Suggest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 *
 * <p>Rules: an absent (or null) argument takes its {@code @Default} (parsed as if the user had
 * written it), else the first of its {@code @Choices}, else null (false/0 for primitives). Keys
 * starting with {@code _} are internal and ignored, except {@code _raw} (free-form text). A
 * record whose only component is {@code Map<String, Object> vars} takes every key
 * ({@code set_fact}); beside other components, such a {@code vars} takes every key none of them
 * declares ({@code add_host}'s host variables). Conversions are described in {@link ArgConverter}.
 */
public final class ArgsBinder {

    private static final String RAW = "_raw";

    /** A value as the user gave it, with the key they used (a component name or an alias). */
    private record Given(String key, Object value) {
    }

    private ArgsBinder() {
    }

    /** Every key the record accepts: component names and their aliases, and those of its {@link ArgTable}. */
    public static Set<String> argNames(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            ArgTable table = table(component);
            if (table != null) {
                table.args().forEach(a -> {
                    names.add(a.name());
                    names.addAll(a.aliases());
                });
                continue;
            }
            names.add(component.getName());
            Alias alias = component.getAnnotation(Alias.class);
            if (alias != null) names.addAll(List.of(alias.value()));
        }
        return names;
    }

    /** Every argument of the record, in declaration order, for {@code swarmplay doc}. */
    public static List<ArgSpec> specs(Class<?> type) {
        List<ArgSpec> specs = new ArrayList<>();
        if (!type.isRecord()) return specs;
        for (RecordComponent c : type.getRecordComponents()) {
            ArgTable table = table(c);
            if (table != null) {
                table.args().forEach(a -> specs.add(new ArgSpec(a.name(), a.aliases(), ArgConverter.typeName(a.type()), null,
                        a.choices(), false, a.description())));
                continue;
            }
            Alias alias = c.getAnnotation(Alias.class);
            Choices choices = c.getAnnotation(Choices.class);
            Doc doc = c.getAnnotation(Doc.class);
            Object fallback = fallback(c);
            specs.add(new ArgSpec(c.getName(), alias == null ? List.of() : List.of(alias.value()),
                    ArgConverter.typeName(c.getGenericType()), fallback == null ? null : fallback.toString(),
                    choices == null ? List.of() : List.of(choices.value()), c.isAnnotationPresent(Required.class),
                    doc == null ? "" : doc.value()));
        }
        return specs;
    }

    private static final Map<Class<?>, ArgTable> TABLES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The table of an {@link Options} component, or null for a plain component. */
    private static ArgTable table(RecordComponent component) {
        ArgTable.From from = component.getAnnotation(ArgTable.From.class);
        if (from == null || component.getType() != Options.class) return null;
        return TABLES.computeIfAbsent(from.value(), t -> {
            try {
                return (ArgTable) t.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build the argument table " + t.getName(), e);
            }
        });
    }

    /**
     * Builds the record from {@code args}.
     *
     * @throws ArgsException with every problem found (unknown keys, missing, wrong type, bad choice)
     * @throws IllegalArgumentException when {@code type} is not a record (a programming error)
     */
    public static <A> A bind(Class<A> type, Map<String, Object> args) {
        if (!type.isRecord()) throw new IllegalArgumentException(type.getName() + " is not a record");
        RecordComponent[] components = type.getRecordComponents();
        // a module taking every key (set_fact) takes user names starting with '_' too (`_xf: f`)
        if (takesEverything(components)) return construct(type, new Object[] {userKeys(args == null ? Map.of() : args)});
        Map<String, Object> given = visible(args == null ? Map.of() : args);
        List<ArgsException.Problem> problems = new ArrayList<>();
        Map<RecordComponent, Given> raw = assign(components, given, type, problems);
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i], raw.get(components[i]), problems);
        }
        if (!problems.isEmpty()) throw new ArgsException(problems);
        return construct(type, values);
    }

    /** The keys the binder looks at: internal {@code _x} keys dropped, {@code _raw} kept. */
    private static Map<String, Object> visible(Map<String, Object> args) {
        Map<String, Object> kept = new LinkedHashMap<>();
        args.forEach((key, value) -> {
            if (key != null && (!key.startsWith("_") || key.equals(RAW))) kept.put(key, value);
        });
        return kept;
    }

    private static Map<String, Object> userKeys(Map<String, Object> args) {
        Map<String, Object> kept = new LinkedHashMap<>();
        args.forEach((key, value) -> {
            if (key != null && !key.startsWith("_ansible_") && !key.equals(RAW)) kept.put(key, value);
        });
        return kept;
    }

    private static boolean takesEverything(RecordComponent[] components) {
        if (components.length != 1 || !components[0].getName().equals("vars")) return false;
        return isStringObjectMap(components[0].getGenericType());
    }

    /** Maps each given key to its component; unknown keys and duplicates via aliases are problems. */
    private static Map<RecordComponent, Given> assign(RecordComponent[] components, Map<String, Object> given,
                                                       Class<?> type, List<ArgsException.Problem> problems) {
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        Map<String, TableArg> tableArgs = new LinkedHashMap<>();
        Map<String, RecordComponent> tableOf = new LinkedHashMap<>();
        RecordComponent rest = restOf(components);
        for (RecordComponent component : components) {
            if (component == rest) continue;
            ArgTable table = table(component);
            if (table != null) {
                for (TableArg a : table.args()) {
                    tableArgs.put(a.name(), a);
                    tableOf.put(a.name(), component);
                    a.aliases().forEach(alias -> tableArgs.put(alias, a));
                }
                continue;
            }
            byKey.put(component.getName(), component);
            Alias alias = component.getAnnotation(Alias.class);
            if (alias != null) for (String name : alias.value()) byKey.put(name, component);
        }
        Map<String, Object> others = new LinkedHashMap<>();
        Map<RecordComponent, Given> raw = new LinkedHashMap<>();
        Map<RecordComponent, Map<String, Given>> inTables = new LinkedHashMap<>();
        tableOf.values().forEach(c -> inTables.putIfAbsent(c, new LinkedHashMap<>()));
        given.forEach((key, value) -> {
            RecordComponent component = byKey.get(key);
            if (component == null && rest != null && !tableArgs.containsKey(key)) {
                others.put(key, value);
                return;
            }
            TableArg tableArg = component == null ? tableArgs.get(key) : null;
            if (tableArg != null) {
                Map<String, Given> inTable = inTables.get(tableOf.get(tableArg.name()));
                Given before = inTable.get(tableArg.name());
                if (before != null) {
                    problems.add(new ArgsException.Problem(key, "arguments '" + before.key() + "' and '" + key
                            + "' mean the same thing", "give only one of them"));
                } else if (value != null) {
                    inTable.put(tableArg.name(), new Given(key, value));
                }
            } else if (component == null) {
                problems.add(new ArgsException.Problem(key, "unknown argument '" + key + "'", hint(key, type), true));
            } else if (raw.containsKey(component)) {
                problems.add(new ArgsException.Problem(key, "arguments '" + raw.get(component).key() + "' and '"
                        + key + "' mean the same thing", "give only one of them"));
            } else if (value != null) {
                raw.put(component, new Given(key, value));
            }
        });
        inTables.forEach((component, values) -> raw.put(component, new Given(null, values)));
        if (rest != null) raw.put(rest, new Given(rest.getName(), others));
        return raw;
    }

    /** The {@code Map<String, Object> vars} component that takes the undeclared keys, or null. */
    private static RecordComponent restOf(RecordComponent[] components) {
        for (RecordComponent c : components) {
            if (c.getName().equals("vars") && isStringObjectMap(c.getGenericType())) return c;
        }
        return null;
    }

    /**
     * The converted value of one component, falling back to its default; problems are collected
     * under the key the user wrote (so the runner can point at it).
     */
    private static Object value(RecordComponent component, Given given, List<ArgsException.Problem> problems) {
        ArgTable table = table(component);
        if (table != null) return options(table, given, problems);
        String name = component.getName();
        Required required = component.getAnnotation(Required.class);
        if (given == null && required != null) {
            String message = required.value().isEmpty() ? "missing required argument '" + name + "'" : required.value();
            // an action's shared message (src and dest are required) is said once
            if (problems.stream().noneMatch(p -> p.message().equals(message))) {
                problems.add(new ArgsException.Problem(name, message, null, false, !required.value().isEmpty()));
            }
            return ArgConverter.absent(component.getType());
        }
        Object raw = given != null ? given.value() : fallback(component);
        if (raw == null) return ArgConverter.absent(component.getType());
        String key = given != null ? given.key() : name;
        try {
            Object value = ArgConverter.convert(raw, component.getGenericType());
            Choices choices = component.getAnnotation(Choices.class);
            if (choices != null) checkChoice(String.valueOf(value), choices.value());
            return value;
        } catch (ArgConverter.Mismatch e) {
            WrongType own = component.getAnnotation(WrongType.class);
            problems.add(own != null ? new ArgsException.Problem(key, own.value(), null)
                    : new ArgsException.Problem(key, "'" + key + "' " + e.getMessage(), e.hint()));
            return ArgConverter.absent(component.getType());
        }
    }

    /** The table's given arguments, each converted to its type and checked against its choices. */
    @SuppressWarnings("unchecked")
    private static Options options(ArgTable table, Given given, List<ArgsException.Problem> problems) {
        Map<String, Given> values = given == null ? Map.of() : (Map<String, Given>) given.value();
        Map<String, TableArg> byName = new LinkedHashMap<>();
        table.args().forEach(a -> byName.put(a.name(), a));
        Map<String, Object> converted = new LinkedHashMap<>();
        values.forEach((name, g) -> {
            TableArg arg = byName.get(name);
            try {
                Object value = ArgConverter.convert(g.value(), arg.type());
                if (!arg.choices().isEmpty()) checkChoice(String.valueOf(value), arg.choices().toArray(String[]::new));
                converted.put(name, value);
            } catch (ArgConverter.Mismatch e) {
                problems.add(new ArgsException.Problem(g.key(), "'" + g.key() + "' " + e.getMessage(), e.hint()));
            } catch (ArgsException e) {
                e.problems().forEach(p -> problems.add(new ArgsException.Problem(g.key(), "'" + g.key() + "': " + p.message(), p.hint())));
            }
        });
        return new Options(converted);
    }

    /** {@code @Default} as if the user had written it, else the first of {@code @Choices}, else null. */
    private static Object fallback(RecordComponent component) {
        Default fallback = component.getAnnotation(Default.class);
        if (fallback != null) return Default.NONE.equals(fallback.value()) ? null : fallback.value();
        Choices choices = component.getAnnotation(Choices.class);
        return choices != null && choices.value().length > 0 ? choices.value()[0] : null;
    }

    /** Did-you-mean by edit distance, else a known name the key contains ({@code dest_path} → {@code dest}). */
    private static String hint(String key, Class<?> type) {
        Set<String> names = argNames(type);
        String close = Suggest.hint(key, names);
        if (close != null) return close;
        return names.stream().filter(n -> n.length() >= 3 && key.contains(n))
                .min(java.util.Comparator.comparing((String n) -> !key.startsWith(n)))
                .map(n -> "did you mean '" + n + "'?").orElse(null);
    }

    private static void checkChoice(String value, String[] allowed) {
        if (List.of(allowed).contains(value)) return;
        throw new ArgConverter.Mismatch("must be one of: " + String.join(", ", allowed)
                + " (got '" + value + "')", Suggest.hint(value, List.of(allowed)));
    }

    private static <A> A construct(Class<A> type, Object[] values) {
        Class<?>[] types = new Class<?>[values.length];
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) types[i] = components[i].getType();
        try {
            var constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            // a compact constructor rejected the combination: report it like any other problem
            Throwable cause = e.getCause();
            if (cause instanceof ArgsException args) throw args;
            throw new ArgsException(List.of(new ArgsException.Problem(null, String.valueOf(cause.getMessage()), null)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static boolean isStringObjectMap(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == Map.class
                && p.getActualTypeArguments()[1] == Object.class;
    }
}
