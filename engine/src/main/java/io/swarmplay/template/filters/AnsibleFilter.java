package io.swarmplay.template.filters;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import io.swarmplay.template.Unknown;

import java.util.Map;

/**
 * A filter written as a lambda. Before the body runs: an {@link Unknown} input or argument is
 * returned as the result (the outcome is unknown, whatever the filter does), and an {@link
 * Undefined} one too unless the filter handles undefined values itself (so the templar reports
 * it). A {@link FilterException} from the body becomes the render's error.
 */
public final class AnsibleFilter implements Filter {

    /** The filter's work; {@code value} and arguments are Jinjava values (maps may be lazy views). */
    @FunctionalInterface
    public interface Body {
        Object apply(Object value, Args args);
    }

    private final String name;
    private final Body body;
    private final boolean handlesUndefined;

    private AnsibleFilter(String name, Body body, boolean handlesUndefined) {
        this.name = name;
        this.body = body;
        this.handlesUndefined = handlesUndefined;
    }

    public static AnsibleFilter of(String name, Body body) {
        return new AnsibleFilter(name, body, false);
    }

    /** For {@code default}, {@code mandatory}, {@code ternary}: the body sees {@link Undefined} values. */
    public static AnsibleFilter handlingUndefined(String name, Body body) {
        return new AnsibleFilter(name, body, true);
    }

    /** Wraps a filter Jinjava already has, so it gets the same guards. */
    public static Filter guard(Filter builtin) {
        return new Filter() {
            @Override
            public String getName() {
                return builtin.getName();
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter in, Object[] args, Map<String, Object> kwargs) {
                Object blocked = blocked(var, args, kwargs, false);
                if (blocked != null) return blocked;
                TemplateLimits.checkWidths(builtin.getName(), args, in);
                return TemplateLimits.checked(builtin.filter(var, in, args, kwargs), in);
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter in, String... args) {
                return filter(var, in, args, Map.of());
            }
        };
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter in, Object[] args, Map<String, Object> kwargs) {
        Object blocked = blocked(var, args, kwargs, handlesUndefined);
        if (blocked != null) return blocked;
        TemplateLimits.checkWidths(name, args, in);
        try {
            return TemplateLimits.checked(body.apply(var, new Args(args, kwargs, in)), in);
        } catch (FilterException e) {
            throw RenderScope.of(in).fail(e);
        }
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter in, String... args) {
        return filter(var, in, args, Map.of());
    }

    /** The value that decides the result before the filter runs, or null to run it. */
    static Object blocked(Object var, Object[] args, Map<String, Object> kwargs, boolean handlesUndefined) {
        if (var instanceof Unknown) return var;
        Object found = firstUnknown(args, kwargs);
        if (found != null || handlesUndefined) return found;
        if (var instanceof Undefined) return var;
        if (args != null) for (Object a : args) if (a instanceof Undefined) return a;
        if (kwargs != null) for (Object a : kwargs.values()) if (a instanceof Undefined) return a;
        return null;
    }

    private static Object firstUnknown(Object[] args, Map<String, Object> kwargs) {
        if (args != null) for (Object a : args) if (a instanceof Unknown) return a;
        if (kwargs != null) for (Object a : kwargs.values()) if (a instanceof Unknown) return a;
        return null;
    }
}
