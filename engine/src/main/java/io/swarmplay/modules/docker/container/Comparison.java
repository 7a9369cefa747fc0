package io.swarmplay.modules.docker.container;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * community.docker's {@code compare_generic}: whether a container's value satisfies the declared
 * one, by the option's {@link Kind} and the comparison mode ({@code strict}, {@code ignore},
 * {@code allow_more_present}). An absent list or dict equals an empty one; an absent value only
 * equals another absent value.
 */
public final class Comparison {

    /** How values of an option are compared. */
    public enum Kind { VALUE, LIST, SET, SET_OF_DICTS, DICT }

    public static final String STRICT = "strict";
    public static final String IGNORE = "ignore";
    public static final String MORE = "allow_more_present";

    private Comparison() {
    }

    public static boolean matches(Object wanted, Object actual, String mode, Kind kind) {
        if (mode.equals(IGNORE)) return true;
        Object a = ApiValues.normal(wanted);
        Object b = ApiValues.normal(actual);
        if (a == null || b == null) {
            if (Objects.equals(a, b)) return true;
            if (kind == Kind.VALUE) return false;
            if (a == null) a = empty(kind);
            if (b == null) b = empty(kind);
        }
        boolean strict = mode.equals(STRICT);
        return switch (kind) {
            case VALUE -> a.equals(b);
            case LIST -> strict ? a.equals(b) : inOrder(list(a), list(b));
            case SET -> strict ? new HashSet<>(list(a)).equals(new HashSet<>(list(b))) : new HashSet<>(list(b)).containsAll(list(a));
            case SET_OF_DICTS -> setOfDicts(list(a), list(b), strict);
            case DICT -> strict ? a.equals(b) : dictContains(map(a), map(b));
        };
    }

    private static Object empty(Kind kind) {
        return kind == Kind.DICT ? Map.of() : List.of();
    }

    /** Every item of {@code a} appears in {@code b} in the same order (others may come between). */
    private static boolean inOrder(List<Object> a, List<Object> b) {
        int i = 0;
        for (Object item : a) {
            while (i < b.size() && !b.get(i).equals(item)) i++;
            if (i == b.size()) return false;
            i++;
        }
        return true;
    }

    private static boolean setOfDicts(List<Object> a, List<Object> b, boolean strict) {
        for (Object wanted : a) {
            if (b.stream().noneMatch(has -> dictContains(map(wanted), map(has)))) return false;
        }
        if (!strict) return true;
        for (Object has : b) {
            if (a.stream().noneMatch(wanted -> dictContains(map(wanted), map(has)))) return false;
        }
        return true;
    }

    /** {@code b} has every key of {@code a} with an equal value (nested dicts compared the same way). */
    static boolean dictContains(Map<String, Object> a, Map<String, Object> b) {
        for (Map.Entry<String, Object> e : a.entrySet()) {
            if (!b.containsKey(e.getKey())) return false;
            Object av = e.getValue();
            Object bv = b.get(e.getKey());
            if (av instanceof Map<?, ?> && bv instanceof Map<?, ?>) {
                if (!dictContains(map(av), map(bv))) return false;
            } else if (!Objects.equals(av, bv)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : new ArrayList<>(List.of(value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
