package io.swarmplay.playbook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code loop_control}, as Ansible 2.14 reads it. Every option but {@code label} may be a template:
 * Ansible renders those once per host, with the task's variables, before the first item
 * ({@link #resolve}); {@code label} is rendered per item.
 *
 * @param loopVar          the item's variable name (default {@code item})
 * @param label            template shown instead of the item, or null
 * @param indexVar         variable holding the 0-based index, or null
 * @param extended         {@code extended}: set {@code ansible_loop} (index, revindex, first, last,
 *                         length, previtem, nextitem, allitems); without it Ansible sets none
 * @param extendedAllitems {@code extended_allitems}: with {@code extended}, include {@code allitems}
 * @param pauseSeconds     {@code pause}: seconds to wait between two items (0: none)
 * @param templates        options given as templates (option name → template as written), not resolved yet
 */
public record LoopControl(String loopVar, String label, String indexVar, boolean extended, boolean extendedAllitems,
                          double pauseSeconds, Map<String, String> templates) {

    public static final LoopControl DEFAULT = new LoopControl("item", null, null);

    public LoopControl {
        templates = Map.copyOf(templates);
    }

    public LoopControl(String loopVar, String label, String indexVar) {
        this(loopVar, label, indexVar, false, true, 0, Map.of());
    }

    /**
     * This loop control with its templated options rendered by {@code render}.
     *
     * @throws IllegalArgumentException naming the option when a rendered value has the wrong type
     */
    public LoopControl resolve(Function<String, Object> render) {
        if (templates.isEmpty()) return this;
        Map<String, Object> v = new LinkedHashMap<>();
        templates.forEach((option, template) -> v.put(option, render.apply(template)));
        return new LoopControl(text(v, "loop_var", loopVar), label, text(v, "index_var", indexVar),
                bool(v, "extended", extended, templates), bool(v, "extended_allitems", extendedAllitems, templates),
                number(v, "pause", pauseSeconds), Map.of());
    }

    private static String text(Map<String, Object> rendered, String option, String otherwise) {
        Object value = rendered.get(option);
        return value == null ? otherwise : String.valueOf(value);
    }

    private static boolean bool(Map<String, Object> rendered, String option, boolean otherwise, Map<String, String> written) {
        if (!rendered.containsKey(option)) return otherwise;
        Boolean b = Flag.ansibleBoolean(rendered.get(option));
        if (b == null) throw new IllegalArgumentException(Flag.notABoolean(option, written.get(option), rendered.get(option)));
        return b;
    }

    private static double number(Map<String, Object> rendered, String option, double otherwise) {
        if (!rendered.containsKey(option)) return otherwise;
        try {
            double seconds = Double.parseDouble(String.valueOf(rendered.get(option)).strip());
            if (seconds >= 0) return seconds;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(option, rendered, "it is not a number of seconds");
    }

    private static IllegalArgumentException invalid(String option, Map<String, Object> rendered, String why) {
        return new IllegalArgumentException("the field '" + option + "' has an invalid value ('" + rendered.get(option)
                + "'): " + why);
    }
}
