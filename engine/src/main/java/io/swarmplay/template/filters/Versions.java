package io.swarmplay.template.filters;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * Ansible 2.14's {@code version} test ({@code version_compare}): {@code value is version(other,
 * operator='eq', strict=None, version_type=None)} with its operator names, its version types
 * (loose, strict, semver/semantic, pep440) and its error messages.
 */
final class Versions {

    /** How one version type orders two version strings; parse errors are FilterExceptions. */
    @FunctionalInterface
    interface Scheme {
        int compare(String a, String b);
    }

    private static final Map<String, IntPredicate> OPERATORS = operators();
    private static final Map<String, Scheme> TYPES = types();

    private Versions() {
    }

    static boolean test(Object value, Object version, Object operator, Object strict, Object versionType) {
        if (strict != null && versionType != null) throw new FilterException("Cannot specify both 'strict' and 'version_type'");
        if (!Values.truthy(value)) throw new FilterException("Input version value cannot be empty");
        if (!Values.truthy(version)) throw new FilterException("Version parameter to compare against cannot be empty");
        Scheme scheme = scheme(strict, versionType);
        IntPredicate op = OPERATORS.get(Values.str(operator));
        if (op == null) {
            throw new FilterException("Invalid operator type (" + Values.str(operator) + "). Must be one of " + quoted(OPERATORS));
        }
        try {
            return op.test(scheme.compare(Values.str(value), Values.str(version)));
        } catch (FilterException e) {
            throw new FilterException("Version comparison failed: " + e.getMessage());
        }
    }

    private static Scheme scheme(Object strict, Object versionType) {
        if (Values.truthy(strict)) return StrictVersion::compare;
        if (!Values.truthy(versionType)) return LooseVersion::compare;
        Scheme scheme = TYPES.get(Values.str(versionType));
        if (scheme == null) {
            throw new FilterException("Invalid version type (" + Values.str(versionType) + "). Must be one of " + quoted(TYPES));
        }
        return scheme;
    }

    /** Python's ordering of two lists: the first unequal pair decides, else the shorter list is smaller. */
    static <T> int lexicographic(List<T> x, List<T> y, Comparator<? super T> order) {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = order.compare(x.get(i), y.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(x.size(), y.size());
    }

    private static String quoted(Map<String, ?> table) {
        return table.keySet().stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "));
    }

    private static Map<String, IntPredicate> operators() {
        Map<String, IntPredicate> ops = new LinkedHashMap<>();
        alias(ops, c -> c == 0, "==", "=", "eq");
        alias(ops, c -> c < 0, "<", "lt");
        alias(ops, c -> c <= 0, "<=", "le");
        alias(ops, c -> c > 0, ">", "gt");
        alias(ops, c -> c >= 0, ">=", "ge");
        alias(ops, c -> c != 0, "!=", "<>", "ne");
        return ops;
    }

    private static void alias(Map<String, IntPredicate> ops, IntPredicate op, String... names) {
        Arrays.stream(names).forEach(name -> ops.put(name, op));
    }

    private static Map<String, Scheme> types() {
        Map<String, Scheme> types = new LinkedHashMap<>();
        types.put("loose", LooseVersion::compare);
        types.put("strict", StrictVersion::compare);
        types.put("semver", SemanticVersion::compare);
        types.put("semantic", SemanticVersion::compare);
        types.put("pep440", Pep440Version::compare);
        return types;
    }
}
