package io.swarmplay.template;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code *items} in a call's arguments: the callee takes the items as arguments of their own. */
record Spread(List<?> items) {

    /** The arguments with every spread one replaced by its items. */
    static Object[] expand(Object[] args) {
        if (args == null) return new Object[0];
        List<Object> out = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof Spread s) out.addAll(s.items());
            else out.add(a);
        }
        return out.toArray();
    }
}
