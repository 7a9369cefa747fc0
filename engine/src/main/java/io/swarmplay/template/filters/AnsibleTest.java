package io.swarmplay.template.filters;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import io.swarmplay.template.Unknown;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.objects.collections.PyList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Jinja test ({@code x is name(args)}) written as a lambda. An {@link Unknown} input makes it
 * false without running the body (the templar turns the whole condition into UNKNOWN anyway).
 */
public final class AnsibleTest implements ExpTest {

    /** The test's work. */
    @FunctionalInterface
    public interface Body {
        boolean test(Object value, Args args);
    }

    private final String name;
    private final Body body;
    private final boolean handlesUnknown;

    private AnsibleTest(String name, Body body, boolean handlesUnknown) {
        this.name = name;
        this.body = body;
        this.handlesUnknown = handlesUnknown;
    }

    public static AnsibleTest of(String name, Body body) {
        return new AnsibleTest(name, body, false);
    }

    /** For {@code defined} and {@code undefined}, which can answer for an Unknown value. */
    public static AnsibleTest handlingUnknown(String name, Body body) {
        return new AnsibleTest(name, body, true);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean evaluate(Object var, JinjavaInterpreter in, Object... args) {
        if (var instanceof Unknown && !handlesUnknown) return false;
        try {
            return body.test(var, arguments(args, in));
        } catch (FilterException e) {
            throw RenderScope.of(in).fail(e);
        }
    }

    /**
     * Jinjava passes {@code x is t(a, b)} as one tuple argument (a {@link PyTuple}, or a bare PyList
     * when made by Jinjava, where a list literal is a SizeLimitingPyList), with {@code name=value} items as NamedParameters: spread them.
     */
    static Args arguments(Object[] args, JinjavaInterpreter in) {
        Object[] items = args;
        if (args != null && args.length == 1 && args[0] != null && (args[0].getClass() == PyList.class || args[0] instanceof PyTuple)) {
            items = ((PyList) args[0]).toList().toArray();
        }
        List<Object> positional = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        for (Object item : items == null ? new Object[0] : items) {
            if (item instanceof NamedParameter p) named.put(p.getName(), p.getValue());
            else positional.add(item);
        }
        return new Args(positional.toArray(), named, in);
    }
}
