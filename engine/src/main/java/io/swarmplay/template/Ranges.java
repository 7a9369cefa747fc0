package io.swarmplay.template;

import io.swarmplay.template.filters.TemplateLimits;
import io.swarmplay.template.filters.Values;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Python's {@code range()} for templates, replacing Jinjava's, which silently stops at its range
 * limit (1,000 items by default). Ranges are lazy lists, so {@code range(1000000)} costs nothing until
 * iterated; one of more than {@link TemplateLimits#MAX_ITEMS} items is an error, not a shorter list.
 */
public final class Ranges {

    private Ranges() {
    }

    /** {@code range(stop)}, {@code range(start, stop)}, {@code range(start, stop, step)}. Called by Jinjava. */
    public static List<Object> range(Object first, Object... rest) {
        int n = 1 + (rest == null ? 0 : rest.length);
        if (n > 3) throw fail("range() takes at most 3 arguments (" + n + " given)");
        long a = integer(first);
        long start = n == 1 ? 0 : a;
        long stop = n == 1 ? a : integer(rest[0]);
        long step = n == 3 ? integer(rest[1]) : 1;
        if (step == 0) throw fail("range() arg 3 must not be zero");
        long count = count(start, stop, step);
        if (count > TemplateLimits.MAX_ITEMS) {
            throw fail("range() of " + count + " items: at most " + TemplateLimits.MAX_ITEMS + " are allowed");
        }
        return new Span(start, step, (int) count);
    }

    private static long count(long start, long stop, long step) {
        if (step > 0 ? start >= stop : start <= stop) return 0;
        // in double to survive overflow at the ends of long; exact below 2^53, which is all that passes
        return (long) Math.ceil(((double) stop - start) / step);
    }

    private static long integer(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())
                && Math.abs(num.doubleValue()) < 9.0e15) {
            return num.longValue();
        }
        throw fail("range() needs whole numbers, not a " + Values.typeName(value));
    }

    static RuntimeException fail(String message) {
        RenderState state = RenderState.current();
        if (state == null) return new IllegalArgumentException(message);
        return state.fail(message, null);
    }

    /** The lazy list: item i is start + i * step. */
    private static final class Span extends AbstractList<Object> implements RandomAccess {
        private final long start;
        private final long step;
        private final int size;

        Span(long start, long step, int size) {
            this.start = start;
            this.step = step;
            this.size = size;
        }

        @Override
        public Object get(int index) {
            if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
            long v = start + index * step;
            return v == (int) v ? (Object) (int) v : (Object) v;
        }

        @Override
        public int size() {
            return size;
        }
    }
}
