package io.swarmplay.template.filters;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.lib.filter.Filter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ansible's time filters ({@code to_datetime}, {@code strftime}) and its {@code now()} global. */
public final class DateFilters {

    private DateFilters() {
    }

    public static List<Filter> all() {
        return List.of(
                AnsibleFilter.of("to_datetime", (v, a) ->
                        new PyDateTime(PythonTime.parse(Values.str(v), a.string(0, "format", "%Y-%m-%d %H:%M:%S")))),
                AnsibleFilter.of("strftime", DateFilters::strftime));
    }

    /** {@code fmt | strftime(second=None, utc=False)}: the epoch second (default now) formatted. */
    static String strftime(Object fmt, Args a) {
        Object second = a.get(0, "second");
        boolean utc = a.bool(1, "utc", false);
        if (second == null) return PythonTime.format(Values.str(fmt), PythonTime.now(utc));
        double epoch;
        try {
            epoch = second instanceof Number n ? n.doubleValue() : Double.parseDouble(Values.str(second).strip());
        } catch (NumberFormatException e) {
            throw new FilterException("Invalid value for epoch value (" + Values.str(second) + ")");
        }
        return PythonTime.format(Values.str(fmt), PythonTime.ofEpoch(epoch, utc));
    }

    /** Ansible's {@code now(utc=False, fmt=None)}: a datetime, or with {@code fmt} the formatted string. Called by Jinjava. */
    public static Object now(Object... args) {
        Map<String, Object> named = new LinkedHashMap<>();
        int position = 0;
        for (Object arg : args == null ? new Object[0] : args) {
            if (arg instanceof NamedParameter p) named.put(p.getName(), p.getValue());
            else named.put(position++ == 0 ? "utc" : "fmt", arg);
        }
        PyDateTime now = new PyDateTime(PythonTime.now(Values.truthy(named.get("utc"))));
        Object fmt = named.get("fmt");
        return fmt == null ? now : PythonTime.format(Values.str(fmt), now.value());
    }
}
