package io.swarmplay.template.filters;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import io.swarmplay.template.Unknown;

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
            return body.test(var, new Args(args, Map.of(), in));
        } catch (FilterException e) {
            throw RenderScope.of(in).fail(e.getMessage(), e.hint());
        }
    }
}
