package io.swarmplay.template;

import io.swarmplay.template.filters.GroupTuple;
import io.swarmplay.template.filters.PyType;
import io.swarmplay.template.filters.PythonObject;
import io.swarmplay.template.filters.Undefined;
import io.swarmplay.template.filters.Values;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * First in Jinjava's resolver chain: {@code x.y} and {@code x[i]} on maps and lists. A missing key
 * or index gives an {@link Undefined} that names the map and its keys (instead of Jinjava's silent
 * null); any attribute of an Unknown or Undefined value is that same value.
 */
final class VarResolver extends ELResolver {

    private static final String CLASS = "__class__";

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null || property == null) return null;
        if (base instanceof Unknown || base instanceof Undefined) {
            context.setPropertyResolved(true);
            return base;
        }
        if (base instanceof GroupTuple group && ("grouper".equals(property) || "list".equals(property))) {
            context.setPropertyResolved(true);
            return "grouper".equals(property) ? group.grouper() : group.list();
        }
        RenderState state = RenderState.current();
        Object target = Values.unwrap(base);
        if (state == null) return null;
        if (target instanceof Map<?, ?> map && !(CLASS.equals(property) && !map.containsKey(CLASS))) {
            context.setPropertyResolved(true);
            return entry(state, map, property, base);
        }
        if (CLASS.equals(property)) {
            // Python's x.__class__ (Ansible's templates are not sandboxed)
            context.setPropertyResolved(true);
            return PyType.of(target);
        }
        if (target instanceof PythonObject object && object.attribute(String.valueOf(property)).isPresent()) {
            context.setPropertyResolved(true);
            return object.attribute(String.valueOf(property)).get();
        }
        if (target instanceof CharSequence text && index(property) != null) {
            // Python's str indexing: 'abc'[0] is 'a', 'abc'[-1] is 'c'; out of range is undefined
            context.setPropertyResolved(true);
            int i = index(property) < 0 ? index(property) + text.length() : index(property);
            return i >= 0 && i < text.length() ? String.valueOf(text.charAt(i)) : state.missingAttribute(target, property, base);
        }
        if (target instanceof CharSequence || target instanceof Number || target instanceof Boolean) {
            context.setPropertyResolved(true);
            return state.missingAttribute(target, property, base);
        }
        Integer index = index(property);
        if (target instanceof List<?> list && index != null) {
            context.setPropertyResolved(true);
            int i = index < 0 ? index + list.size() : index;
            return i >= 0 && i < list.size() ? list.get(i) : state.outOfRange(list, index);
        }
        if (target instanceof List<?> && !(target instanceof PythonObject)) {
            // a Python list has no attributes a template can read ('list object' has no attribute 'x')
            context.setPropertyResolved(true);
            return state.missingAttribute(target, property, base);
        }
        return null;
    }

    // Jinjava hands indexes over as strings ("5")
    private static Integer index(Object property) {
        if (property instanceof Number n) return n.intValue();
        String s = property.toString();
        return s.matches("-?\\d{1,9}") ? Integer.valueOf(s) : null;
    }

    private static Object entry(RenderState state, Map<?, ?> map, Object property, Object base) {
        if (map.containsKey(property)) return map.get(property);
        String name = String.valueOf(property);
        if (map.containsKey(name)) return map.get(name);
        if (property instanceof Number n && map.containsKey(n.intValue())) return map.get(n.intValue());
        return state.missingKey(map, property, base);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        RenderState state = RenderState.current();
        if (state != null && base != null) state.methodCalled(base, method);
        if (base == null || base instanceof Unknown || base instanceof Undefined) return null;
        java.util.Optional<Object> python = PythonMethods.invoke(Values.unwrap(base), String.valueOf(method), params);
        if (python.isEmpty()) return null; // not resolved: Jinjava's own resolvers call the method
        context.setPropertyResolved(true);
        return python.get();
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // read-only: Jinjava's own resolvers decide
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return Object.class;
    }
}
