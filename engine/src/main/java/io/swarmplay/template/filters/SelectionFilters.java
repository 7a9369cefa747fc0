package io.swarmplay.template.filters;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import io.swarmplay.source.Suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** select / reject / selectattr / rejectattr (by test name) and map (attribute= or a filter name). */
public final class SelectionFilters {

    private SelectionFilters() {
    }

    public static List<Filter> all() {
        return List.of(
                AnsibleFilter.of("select", (v, a) -> select(v, a, null, true)),
                AnsibleFilter.of("reject", (v, a) -> select(v, a, null, false)),
                AnsibleFilter.of("selectattr", (v, a) -> select(v, a, a.string(0, null, ""), true)),
                AnsibleFilter.of("rejectattr", (v, a) -> select(v, a, a.string(0, null, ""), false)),
                AnsibleFilter.of("map", SelectionFilters::map));
    }

    /** Items for which the test (first argument after the attribute; truthiness if none) is {@code keep}. */
    static Object select(Object v, Args a, String attribute, boolean keep) {
        Object[] args = a.positional();
        int first = attribute == null ? 0 : 1;
        ExpTest test = args.length > first ? test(a.interpreter(), Values.str(args[first])) : null;
        Object[] testArgs = args.length > first + 1 ? Arrays.copyOfRange(args, first + 1, args.length) : new Object[0];
        List<Object> out = new ArrayList<>();
        for (Object item : CollectionFilters.iterable(v, attribute == null ? "select" : "selectattr")) {
            Object subject = attribute == null ? item : Values.attribute(item, attribute);
            boolean passed = test == null ? Values.truthy(subject) : test.evaluate(subject, a.interpreter(), testArgs);
            if (passed == keep) out.add(item);
        }
        return out;
    }

    static ExpTest test(JinjavaInterpreter in, String name) {
        ExpTest test = in.getContext().getExpTest(name);
        if (test != null) return test;
        List<String> names = in.getContext().getAllExpTests().stream().map(ExpTest::getName).toList();
        throw new FilterException(FilterException.unknownName("test", name), Suggest.hint(name, names));
    }

    /** {@code map(attribute='x', default=..)} or {@code map('filter', args..)}. */
    static Object map(Object v, Args a) {
        List<Object> out = new ArrayList<>();
        if (a.has(-1, "attribute")) {
            String attribute = a.string(-1, "attribute", "");
            for (Object item : CollectionFilters.iterable(v, "map")) out.add(attribute(item, attribute, a));
            return out;
        }
        Object[] args = a.positional();
        if (args.length == 0) throw new FilterException("map needs a filter name or attribute=");
        Filter filter = filter(a.interpreter(), Values.str(args[0]));
        Object[] rest = Arrays.copyOfRange(args, 1, args.length);
        Map<String, Object> named = new LinkedHashMap<>(a.named());
        for (Object item : CollectionFilters.iterable(v, "map")) out.add(filter.filter(item, a.interpreter(), rest, named));
        return out;
    }

    private static Object attribute(Object item, String attribute, Args a) {
        Object value = Values.attribute(item, attribute);
        if (!(value instanceof Undefined)) return value;
        if (a.has(-1, "default")) return a.get(-1, "default");
        throw FilterException.undefined((Undefined) value, "add default=... for items that may lack it");
    }

    static Filter filter(JinjavaInterpreter in, String name) {
        Filter filter = in.getContext().getFilter(name);
        if (filter != null) return filter;
        List<String> names = in.getContext().getAllFilters().stream().map(Filter::getName).toList();
        throw new FilterException(FilterException.unknownName("filter", name), Suggest.hint(name, names));
    }
}
