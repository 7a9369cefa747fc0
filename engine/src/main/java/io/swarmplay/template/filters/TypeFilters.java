package io.swarmplay.template.filters;

import com.hubspot.jinjava.lib.filter.Filter;

import java.util.List;
import java.util.Map;

/** Defaults and types: default/d, mandatory, ternary, bool, int, float, string, type_debug. */
public final class TypeFilters {

    private TypeFilters() {
    }

    public static List<Filter> all() {
        return List.of(
                AnsibleFilter.handlingUndefined("default", TypeFilters::defaultValue),
                AnsibleFilter.handlingUndefined("d", TypeFilters::defaultValue),
                AnsibleFilter.handlingUndefined("mandatory", TypeFilters::mandatory),
                AnsibleFilter.handlingUndefined("ternary", TypeFilters::ternary),
                AnsibleFilter.of("bool", (v, a) -> v == null ? null : bool(v)), // Ansible's to_bool keeps None
                AnsibleFilter.of("int", TypeFilters::toInt),
                AnsibleFilter.of("float", TypeFilters::toFloat),
                AnsibleFilter.of("string", (v, a) -> Values.str(v)),
                AnsibleFilter.of("type_debug", (v, a) -> pythonType(v)));
    }

    /** {@code default(value, boolean=false)}: replaces an undefined value, or with true any falsy one. */
    static Object defaultValue(Object v, Args a) {
        Object fallback = a.get(0, "default_value", "");
        boolean replace = v instanceof Undefined || (a.bool(1, "boolean", false) && !Values.truthy(v));
        if (v instanceof Undefined u) a.scope().consume(u);
        if (!replace && fallback instanceof Undefined unused) a.scope().consume(unused);
        return replace ? fallback : v;
    }

    static Object mandatory(Object v, Args a) {
        if (!(v instanceof Undefined u)) return v;
        a.scope().consume(u);
        String message = a.has(0, "msg") ? a.string(0, "msg", "") : "Mandatory variable '" + u.name() + "'  not defined."; // Ansible's text
        throw new FilterException(message, u.hint());
    }

    /** {@code ternary(true_val, false_val, none_val)}: the value not chosen may be undefined. */
    static Object ternary(Object v, Args a) {
        if (v instanceof Undefined) return v;
        Object chosen;
        if (v == null && a.has(2, "none_val")) chosen = a.get(2, "none_val");
        else chosen = Values.truthy(v) ? a.get(0, "true_val") : a.get(1, "false_val");
        for (Object arg : a.positional()) if (arg != chosen && arg instanceof Undefined u) a.scope().consume(u);
        return chosen;
    }

    /** Ansible's bool: yes/on/1/true (any case) and 1 are true; everything else is false. */
    static boolean bool(Object v) {
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n) return n.doubleValue() == 1;
        if (v == null) return false;
        String s = Values.str(v).trim().toLowerCase();
        return s.equals("yes") || s.equals("on") || s.equals("1") || s.equals("true") || s.equals("y");
    }

    /** Jinja's int(default=0, base=10): numbers truncated, strings parsed, else the default. */
    static Object toInt(Object v, Args a) {
        Object fallback = a.get(0, "default", 0);
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof Number n) return Values.integral(n.longValue());
        String s = Values.str(v).trim().replace("_", "");
        int base = a.integer(1, "base", 10);
        try {
            if (base == 16 && s.toLowerCase().startsWith("0x")) s = s.substring(2);
            return Values.integral(Long.parseLong(s, base));
        } catch (NumberFormatException e) {
            try {
                return base == 10 ? Values.integral((long) Double.parseDouble(s)) : fallback;
            } catch (NumberFormatException e2) {
                return fallback;
            }
        }
    }

    static Object toFloat(Object v, Args a) {
        if (v instanceof Boolean b) return b ? 1.0 : 0.0;
        if (v instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(Values.str(v).trim());
        } catch (NumberFormatException e) {
            return a.get(0, "default", 0.0);
        }
    }

    /** Python's {@code str(type(v))}, as Ansible's messages show it: {@code <class 'bool'>}. */
    public static String pythonClass(Object v) {
        return "<class '" + pythonType(v) + "'>";
    }

    /** Python's name of the type of {@code v} ({@code int}, {@code str}, {@code dict}...). */
    public static String pythonType(Object v) {
        if (v == null) return "NoneType";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Integer || v instanceof Long) return "int";
        if (v instanceof Number) return "float";
        if (v instanceof io.swarmplay.source.Vault.Encrypted || io.swarmplay.source.Vault.isVaultValue(v)) return "AnsibleVaultEncryptedUnicode";
        if (v instanceof CharSequence) return "str";
        if (v instanceof Map) return "dict";
        if (v instanceof PyTuple) return "tuple";
        if (v instanceof List) return "list";
        if (v instanceof PythonObject p) return p.pythonType();
        return Values.typeName(v);
    }
}
