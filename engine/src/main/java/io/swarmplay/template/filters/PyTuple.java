package io.swarmplay.template.filters;

import com.hubspot.jinjava.objects.collections.PyList;

import java.util.Collections;
import java.util.List;

/** A Python tuple literal ({@code (1, 2)}, {@code (1,)}, {@code ()}): an unmodifiable list printed in parentheses. */
public final class PyTuple extends PyList {

    public PyTuple(List<Object> items) {
        super(Collections.unmodifiableList(items));
    }

    /** Python's repr: {@code (1, 'a')}, {@code (1,)}, {@code ()}. */
    String repr() {
        StringBuilder sb = new StringBuilder("(");
        for (Object o : this) {
            if (sb.length() > 1) sb.append(", ");
            sb.append(Values.repr(o));
        }
        return sb.append(size() == 1 ? ",)" : ")").toString();
    }
}
