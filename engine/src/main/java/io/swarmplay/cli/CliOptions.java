package io.swarmplay.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Adds options to a picocli {@link CommandSpec} through its programmatic API, each bound to a
 * field by a getter and a setter: the same model picocli's annotations give (types, arity,
 * labels, initial values), without the reflective annotation scan that costs every start-up.
 */
final class CliOptions {

    private final CommandSpec spec;

    CliOptions(CommandSpec spec) {
        this.spec = spec;
    }

    /** A field as picocli reads and writes it. */
    static <T> Binding<T> binding(Supplier<T> get, Consumer<T> set) {
        return new Binding<>(get, set);
    }

    /** A getter and a setter over a field; the setter returns the value it replaced, as picocli expects. */
    record Binding<T>(Supplier<T> read, Consumer<T> write) implements IGetter, ISetter {
        @Override
        @SuppressWarnings("unchecked")
        public <R> R get() {
            return (R) read.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R set(R value) {
            R old = get();
            write.accept((T) value);
            return old;
        }
    }

    void add(OptionSpec.Builder option) {
        spec.addOption(option.build());
    }

    /** A boolean flag; {@code field} names it in picocli's messages ({@code <field>}), as an annotated field would. */
    OptionSpec.Builder flagOption(String field, String description, Consumer<Boolean> set, String... names) {
        boolean[] value = {false};
        Binding<Boolean> flag = binding(() -> value[0], v -> {
            value[0] = v;
            set.accept(v);
        });
        return OptionSpec.builder(names).paramLabel("<" + field + ">").arity("0").type(boolean.class)
                .auxiliaryTypes(boolean.class).initialValue(false).hasInitialValue(true).description(description)
                .descriptionKey("").setter(flag).getter(flag);
    }

    void flag(String field, String description, Consumer<Boolean> set, String... names) {
        add(flagOption(field, description, set, names));
    }

    /** An option with one value of {@code type}, null when not given. */
    <T> OptionSpec.Builder valueOption(Class<T> type, String label, String description, Supplier<T> get,
                                       Consumer<T> set, String... names) {
        Binding<T> field = binding(get, set);
        return OptionSpec.builder(names).paramLabel(label).arity("1").type(type).auxiliaryTypes(type)
                .initialValue(null).hasInitialValue(true).description(description).descriptionKey("")
                .setter(field).getter(field);
    }

    <T> void value(Class<T> type, String label, String description, Supplier<T> get, Consumer<T> set,
                   String... names) {
        add(valueOption(type, label, description, get, set, names));
    }

    /** A repeatable option collecting strings, an empty list when not given. */
    void list(String label, String description, Supplier<List<String>> get, Consumer<List<String>> set,
              String... names) {
        add(listOption(label, description, get, set, names));
    }

    /** As {@link #list}, each value also split at commas. */
    void commaList(String label, String description, Supplier<List<String>> get, Consumer<List<String>> set,
                   String... names) {
        add(listOption(label, description, get, set, names).splitRegex(","));
    }

    private static OptionSpec.Builder listOption(String label, String description, Supplier<List<String>> get,
                                                 Consumer<List<String>> set, String... names) {
        Binding<List<String>> field = binding(get, set);
        return OptionSpec.builder(names).paramLabel(label).arity("1").type(List.class).auxiliaryTypes(String.class)
                .initialValue(new ArrayList<String>()).hasInitialValue(true).description(description).descriptionKey("")
                .setter(field).getter(field);
    }
}
