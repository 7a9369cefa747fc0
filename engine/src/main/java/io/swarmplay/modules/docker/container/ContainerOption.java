package io.swarmplay.modules.docker.container;

import io.swarmplay.module.TableArg;
import io.swarmplay.modules.docker.container.Comparison.Kind;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * One {@code docker_container} option (community.docker's {@code Option} with its Docker API
 * engine): how it is declared (type, aliases, choices, description), where it lives in the Engine
 * API ({@code Config.Hostname}, {@code HostConfig.Memory}: read from inspect at that path, written
 * into the create request without the {@code Config.} prefix and into {@code docker update}
 * without the {@code HostConfig.} one), how it is converted to that API value, what the container
 * is expected to show (e.g. the image's env plus the declared), how it compares by default, and
 * whether a difference is updated in place or recreates. A null path marks an option that is not
 * a container setting (e.g. {@code env_file}, folded into {@code env}; {@code networks}, handled
 * by connecting).
 */
public final class ContainerOption {

    /** The declared value (null when only a trigger was given) as the Engine API value. */
    public interface ToApi {
        Object apply(Object declared, OptionContext ctx);
    }

    /** What the container should show for the API value (default: the value itself). */
    public interface Expected {
        Object apply(Object api, OptionContext ctx);
    }

    /** Called when the container differs from what is wanted, before it counts as a difference: may fail the task. */
    public interface OnMismatch {
        void check(String mode, OptionContext ctx);
    }

    /** Writes the API value into the create request (default: at the option's path). */
    public interface Writer {
        void write(Map<String, Object> body, Object api, OptionContext ctx);
    }

    private final String name;
    private final Type type;
    private final String path;
    private List<String> aliases = List.of();
    private List<String> choices = List.of();
    private List<String> triggers;
    private String description = "";
    private Kind kind = Kind.VALUE;
    private String comparison;
    private boolean updatable;
    private boolean always;
    private ToApi toApi = (declared, ctx) -> declared;
    private Expected expected = (api, ctx) -> api;
    private java.util.function.UnaryOperator<Object> fromInspect = v -> v;
    private Writer writer;
    private OnMismatch onMismatch = (mode, ctx) -> { };

    private ContainerOption(String name, Type type, String path) {
        this.name = name;
        this.type = type;
        this.path = path;
        this.triggers = List.of(name);
        this.writer = (body, api, ctx) -> ApiValues.put(body, createPath(), api);
    }

    /** An option kept in the container's {@code Config} under {@code key}. */
    static ContainerOption config(String name, Type type, String key) {
        return new ContainerOption(name, type, "Config." + key);
    }

    /** An option kept in the container's {@code HostConfig} under {@code key} (dotted for nested keys). */
    static ContainerOption host(String name, Type type, String key) {
        return new ContainerOption(name, type, "HostConfig." + key);
    }

    /** An option kept at the top of the inspect output under {@code key} (not in Config or HostConfig). */
    static ContainerOption top(String name, Type type, String key) {
        return new ContainerOption(name, type, key);
    }

    /** An option that is not a container setting itself (it feeds others, or is handled apart). */
    static ContainerOption other(String name, Type type) {
        return new ContainerOption(name, type, null);
    }

    ContainerOption doc(String text) {
        description = text;
        return this;
    }

    ContainerOption aliases(String... names) {
        aliases = List.of(names);
        return this;
    }

    ContainerOption choices(String... values) {
        choices = List.of(values);
        return this;
    }

    /** Compared as {@code kind}; the default mode follows community.docker (values and lists strict, the rest allow_more_present). */
    ContainerOption kind(Kind k) {
        kind = k;
        return this;
    }

    ContainerOption comparison(String mode) {
        comparison = mode;
        return this;
    }

    /** A difference is applied with {@code docker update} instead of recreating. */
    ContainerOption updatable() {
        updatable = true;
        return this;
    }

    /**
     * Compared even when not declared, against what the image brings (community.docker does so
     * for env and exposed ports: a new image with other env or ports recreates).
     */
    ContainerOption always() {
        always = true;
        return this;
    }

    public boolean isAlways() {
        return always;
    }

    /** The option also takes part when one of {@code names} is given without it. */
    ContainerOption alsoWhen(String... names) {
        triggers = java.util.stream.Stream.concat(java.util.stream.Stream.of(name), java.util.stream.Stream.of(names)).toList();
        return this;
    }

    ContainerOption toApi(ToApi f) {
        toApi = f;
        return this;
    }

    ContainerOption expected(Expected f) {
        expected = f;
        return this;
    }

    ContainerOption fromInspect(java.util.function.UnaryOperator<Object> f) {
        fromInspect = f;
        return this;
    }

    ContainerOption onMismatch(OnMismatch check) {
        onMismatch = check;
        return this;
    }

    /** Lets the option refuse a difference (community.docker's {@code ignore_mismatching_result}). */
    public void mismatched(String mode, OptionContext ctx) {
        onMismatch.check(mode, ctx);
    }

    ContainerOption writer(Writer w) {
        writer = w;
        return this;
    }

    public String name() {
        return name;
    }

    /** Whether this option is a container setting (compared and written). */
    public boolean isSetting() {
        return path != null;
    }

    public Kind kind() {
        return kind;
    }

    public String defaultComparison() {
        if (comparison != null) return comparison;
        return kind == Kind.VALUE || kind == Kind.LIST ? Comparison.STRICT : Comparison.MORE;
    }

    public boolean isUpdatable() {
        return updatable;
    }

    public List<String> triggers() {
        return triggers;
    }

    public Object toApi(Object declared, OptionContext ctx) {
        return toApi.apply(declared, ctx);
    }

    public Object expected(Object api, OptionContext ctx) {
        return expected.apply(api, ctx);
    }

    /** What the inspected container shows for this option. */
    public Object read(Map<String, Object> inspect) {
        return fromInspect.apply(ApiValues.get(inspect, path));
    }

    public void write(Map<String, Object> body, Object api, OptionContext ctx) {
        writer.write(body, api, ctx);
    }

    /** Puts the value into a {@code docker update} request. */
    public void writeUpdate(Map<String, Object> body, Object api) {
        ApiValues.put(body, path.replaceFirst("^HostConfig\\.", ""), api);
    }

    String createPath() {
        return path.replaceFirst("^Config\\.", "");
    }

    public TableArg arg() {
        return new TableArg(name, type, aliases, choices, description);
    }
}
