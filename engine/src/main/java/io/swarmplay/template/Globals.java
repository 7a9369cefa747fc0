package io.swarmplay.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import io.swarmplay.template.filters.Values;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Jinja's and Ansible's global functions Jinjava lacks: {@code dict(...)}, {@code undef(hint)},
 * {@code cycler(...)} and {@code lipsum(...)}. Called by Jinjava with named arguments as
 * {@link NamedParameter}s.
 */
public final class Globals {

    private static final String[] WORDS = ("a ac accumsan ad adipiscing aenean aliquam aliquet amet ante aptent arcu at "
            + "auctor augue bibendum blandit class commodo condimentum congue consectetuer consequat conubia convallis "
            + "cras cubilia curabitur curae cursus dapibus diam dictum dictumst dignissim dis dolor donec dui duis egestas "
            + "eget eleifend elementum elit enim erat eros est et etiam eu euismod facilisi facilisis fames faucibus felis "
            + "fermentum feugiat fringilla fusce gravida habitant habitasse hac hendrerit hymenaeos iaculis id imperdiet in "
            + "inceptos integer interdum ipsum justo lacinia lacus laoreet lectus leo libero ligula litora lobortis lorem "
            + "luctus maecenas magna magnis malesuada massa mattis mauris metus mi molestie mollis montes morbi mus nam "
            + "nascetur natoque nec neque netus nibh nisi nisl non nonummy nostra nulla nullam nunc odio orci ornare "
            + "parturient pede pellentesque penatibus per pharetra phasellus placerat platea porta porttitor posuere "
            + "potenti praesent pretium primis proin pulvinar purus quam quis quisque rhoncus ridiculus risus rutrum "
            + "sagittis sapien scelerisque sed sem semper senectus sit sociis sociosqu sodales sollicitudin suscipit "
            + "suspendisse taciti tellus tempor tempus tincidunt torquent tortor tristique turpis ullamcorper ultrices "
            + "ultricies urna ut varius vehicula vel velit venenatis vestibulum vitae vivamus viverra volutpat vulputate").split(" ");
    private static final Random RANDOM = new SecureRandom();

    private Globals() {
    }

    /** {@code dict(mapping_or_pairs, **kw)}: a new mapping, as Python's {@code dict()}. */
    public static Map<Object, Object> dict(Object... args) {
        Map<Object, Object> out = new LinkedHashMap<>();
        List<Object> positional = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        split(args, positional, named);
        if (positional.size() > 1) throw Ranges.fail("dict expected at most 1 argument, got " + positional.size());
        if (!positional.isEmpty()) addAll(out, Values.unwrap(positional.get(0)));
        out.putAll(named);
        return out;
    }

    private static void addAll(Map<Object, Object> out, Object source) {
        if (source instanceof Map<?, ?> m) {
            out.putAll(m);
            return;
        }
        for (Object pair : Values.list(source, "dict")) {
            List<Object> kv = Values.list(Values.unwrap(pair), "dict");
            if (kv.size() != 2) throw Ranges.fail("dictionary update sequence element has length " + kv.size() + "; 2 is required");
            out.put(kv.get(0), kv.get(1));
        }
    }

    /** Ansible's {@code undef(hint=None)}: an undefined value whose use fails with the hint. */
    public static Object undef(Object... args) {
        List<Object> positional = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        split(args, positional, named);
        Object hint = named.containsKey("hint") ? named.get("hint") : positional.isEmpty() ? null : positional.get(0);
        RenderState state = RenderState.current();
        String text = hint == null ? null : Values.str(hint);
        if (state == null) throw Ranges.fail(text != null ? text : "'undef()' is undefined");
        return state.explicit(text);
    }

    /** Jinja's {@code cycler(*items)}: {@code next()}, {@code reset()} and {@code current}. */
    public static Cycler cycler(Object... items) {
        return new Cycler(List.of(items == null ? new Object[0] : items));
    }

    /** Jinja's {@code lipsum(n=5, html=True, min=20, max=100)}: paragraphs of lorem ipsum. */
    public static String lipsum(Object... args) {
        List<Object> positional = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        split(args, positional, named);
        int n = intArg(positional, named, 0, "n", 5);
        boolean html = Values.truthy(arg(positional, named, 1, "html", true));
        int min = intArg(positional, named, 2, "min", 20);
        int max = intArg(positional, named, 3, "max", 100);
        if (max < min) throw Ranges.fail("lipsum: empty range for randrange() (" + min + ", " + max + ")");
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < n; i++) paragraphs.add(paragraph(min + RANDOM.nextInt(max - min + 1)));
        return html ? String.join("\n", paragraphs.stream().map(p -> "<p>" + p + "</p>").toList()) : String.join("\n\n", paragraphs);
    }

    private static String paragraph(int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = WORDS[RANDOM.nextInt(WORDS.length)];
            if (i == 0) word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            out.append(i == 0 ? "" : " ").append(word);
        }
        return out.append('.').toString();
    }

    private static Object arg(List<Object> positional, Map<String, Object> named, int index, String name, Object fallback) {
        if (named.containsKey(name)) return named.get(name);
        return index < positional.size() ? positional.get(index) : fallback;
    }

    private static int intArg(List<Object> positional, Map<String, Object> named, int index, String name, int fallback) {
        Object value = Values.unwrap(arg(positional, named, index, name, fallback));
        if (value instanceof Number number) return number.intValue();
        throw Ranges.fail("lipsum: '" + name + "' must be an integer, got " + Values.repr(value));
    }

    private static void split(Object[] args, List<Object> positional, Map<String, Object> named) {
        if (args == null) return;
        for (Object a : args) {
            if (a instanceof NamedParameter p) named.put(p.getName(), p.getValue());
            else positional.add(a);
        }
    }

    /** The object {@code cycler()} returns. */
    public static final class Cycler {
        private final List<Object> items;
        private int position;

        Cycler(List<Object> items) {
            this.items = items;
        }

        /** The current item, then moves on (wrapping round). */
        public Object next() {
            Object item = getCurrent();
            position = (position + 1) % Math.max(1, items.size());
            return item;
        }

        public void reset() {
            position = 0;
        }

        /** {@code current}: the item {@code next()} returns next. */
        public Object getCurrent() {
            return items.isEmpty() ? null : items.get(position);
        }
    }
}
