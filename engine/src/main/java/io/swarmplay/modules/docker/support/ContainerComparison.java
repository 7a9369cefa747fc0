package io.swarmplay.modules.docker.support;

import io.swarmplay.module.Diff;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Options;
import io.swarmplay.modules.docker.container.ApiValues;
import io.swarmplay.modules.docker.container.Comparison;
import io.swarmplay.modules.docker.container.ContainerOption;
import io.swarmplay.modules.docker.container.ContainerOptions;
import io.swarmplay.modules.docker.container.OptionContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares what a {@code docker_container} task declares with the inspected container the way
 * community.docker does, driven by {@link ContainerOptions}: only declared options, each by its
 * comparison ({@code comparisons:} overrides, {@code '*'} for all); the differences that
 * {@code docker update} can apply are kept apart from those that recreate. Env values never
 * appear in a difference.
 */
public final class ContainerComparison {

    /** Shown instead of env values, which may be secrets. */
    public static final String HIDDEN = "(value hidden)";

    /** One option whose container value differs: {@code before} is the container's, {@code after} the expected. */
    public record Difference(String field, Object before, Object after, boolean updatable) {

        public Diff.FieldChange asField() {
            if (field.equals("env")) return new Diff.FieldChange(field, HIDDEN, HIDDEN);
            return new Diff.FieldChange(field, show(before), show(after));
        }
    }

    private ContainerComparison() {
    }

    /** The comparison of every option: its default, then {@code '*'}, then the named ones, checked as community.docker does. */
    public static Map<String, String> modes(ContainerArgs args) {
        Map<String, String> modes = new LinkedHashMap<>();
        ContainerOptions.ALL.forEach(o -> modes.put(o.name(), o.defaultComparison()));
        modes.put("image", args.ignore_image() ? Comparison.IGNORE : Comparison.STRICT);
        Map<String, Object> given = args.comparisons() == null ? Map.of() : args.comparisons();
        Object all = given.get("*");
        if (all != null) {
            if (!all.equals(Comparison.STRICT) && !all.equals(Comparison.IGNORE)) {
                throw new ModuleException("The wildcard can only be used with comparison modes 'strict' and 'ignore'!");
            }
            modes.replaceAll((name, mode) -> name.equals("networks") && !args.options().has("networks") ? mode : (String) all);
        }
        given.forEach((key, value) -> {
            if (key.equals("*")) return;
            String name = canonical(key);
            if (!modes.containsKey(name)) throw new ModuleException("Unknown module option '" + key + "' in comparisons dict!");
            String mode = String.valueOf(value);
            if (!List.of(Comparison.STRICT, Comparison.IGNORE, Comparison.MORE).contains(mode)) {
                throw new ModuleException("Unknown comparison mode '" + mode + "'!");
            }
            ContainerOption option = ContainerOptions.find(name);
            if (mode.equals(Comparison.MORE) && (option == null || option.kind() == Comparison.Kind.VALUE)) {
                throw new ModuleException("Option '" + key + "' is a value and not a set/list/dict, so its comparison cannot be " + mode);
            }
            modes.put(name, mode);
        });
        return modes;
    }

    private static String canonical(String key) {
        for (ContainerOption o : ContainerOptions.ALL) if (o.arg().aliases().contains(key)) return o.name();
        return key;
    }

    /** The declared options that differ from the container, each by its comparison mode. */
    public static List<Difference> compare(Options effective, Map<String, String> modes, OptionContext ctx,
                                           Map<String, Object> inspect) {
        List<Difference> found = new ArrayList<>();
        for (ContainerOption option : ContainerOptions.ALL) {
            if (!option.isSetting() || !declared(option, effective) && !option.isAlways()) continue;
            Object api = option.toApi(effective.get(option.name()), ctx);
            if (api == null) continue;
            Object wanted = option.expected(api, ctx);
            Object actual = option.read(inspect);
            if (!Comparison.matches(wanted, actual, modes.get(option.name()), option.kind())) {
                option.mismatched(modes.get(option.name()), ctx);
                found.add(new Difference(option.name(), ApiValues.normal(actual), ApiValues.normal(wanted), option.isUpdatable()));
            }
        }
        return found;
    }

    /** The create request: every declared option written where the Engine API wants it, and the image. */
    public static Map<String, Object> createBody(ContainerArgs args, Options effective, OptionContext ctx, String image) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Image", image);
        for (ContainerOption option : ContainerOptions.ALL) {
            if (!option.isSetting() || !declared(option, effective)) continue;
            Object api = option.toApi(effective.get(option.name()), ctx);
            if (api != null) option.write(body, api, ctx);
        }
        boolean interactive = Boolean.TRUE.equals(effective.get("interactive"));
        body.put("AttachStdin", !args.detach() && interactive);
        body.put("AttachStdout", !args.detach());
        body.put("AttachStderr", !args.detach());
        body.put("StdinOnce", !args.detach() && interactive);
        return body;
    }

    /** The {@code docker update} request for the updatable differences. */
    public static Map<String, Object> updateBody(List<Difference> updates, Options effective, OptionContext ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Difference d : updates) {
            if (!d.updatable()) continue;
            ContainerOption option = ContainerOptions.find(d.field());
            option.writeUpdate(body, option.toApi(effective.get(option.name()), ctx));
        }
        if (body.get("RestartPolicy") instanceof Map<?, ?> policy && !policy.containsKey("Name")) {
            // the engine replaces the whole policy: keep the declared name with new retries
            @SuppressWarnings("unchecked") Map<String, Object> p = (Map<String, Object>) policy;
            p.put("Name", effective.get("restart_policy"));
        }
        return body;
    }

    private static boolean declared(ContainerOption option, Options effective) {
        return option.triggers().stream().anyMatch(effective::has);
    }

    static String show(Object value) {
        if (value == null) return "(unset)";
        if (value instanceof List<?> list) return String.join(" ", list.stream().map(String::valueOf).toList());
        return String.valueOf(value);
    }
}
