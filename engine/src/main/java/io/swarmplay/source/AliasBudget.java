package io.swarmplay.source;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what a file's values come to once every alias is written out, while {@link NodeConverter}
 * walks the composed nodes in document order (each anchored node converted once, every later
 * occurrence being an alias). The count and depth of the written-out values are what later code
 * pays for, so a "billion laughs" file is refused here, at the alias that passes a limit, before
 * anything expands it. Aliases are found by name after the last position walked, which is the
 * order the parser met them.
 */
final class AliasBudget {

    /** What a limit was passed by: the summary and where. */
    record Excess(String summary, String hint, SourcePosition at) {
    }

    private static final String EXPAND_HINT = "write the values out instead of nesting aliases of aliases";

    private final SourceFile source;
    private final List<GuardedParser.Alias> aliases;
    private final Map<Node, long[]> anchored = new IdentityHashMap<>(); // {values, height} once converted
    private long values;
    private int depth;
    private int maxDepth;
    private int cursor = -1;

    AliasBudget(SourceFile source, List<GuardedParser.Alias> aliases) {
        this.source = source;
        this.aliases = aliases;
    }

    /** Enters a node written in place; null, or what it passed. */
    Excess enter(Node node) {
        node.getStartMark().ifPresent(m -> cursor = Math.max(cursor, m.getIndex()));
        values++;
        maxDepth = Math.max(maxDepth, ++depth);
        if (values > YamlLimits.MAX_VALUES) return new Excess(tooMany(), null, position(node.getStartMark().orElse(null)));
        return null;
    }

    /** A mark to take before converting an anchored node's contents, given back to {@link #leave}. */
    long[] mark() {
        long[] m = {values, depth, maxDepth};
        maxDepth = depth;
        return m;
    }

    /** Leaves a node entered with {@link #enter}; for an anchored one, remembers what it comes to. */
    void leave(Node node, long[] mark) {
        if (mark != null) {
            anchored.put(node, new long[]{values - mark[0] + 1, maxDepth - mark[1] + 1});
            maxDepth = (int) Math.max(maxDepth, mark[2]);
        }
        depth--;
    }

    /**
     * An alias of {@code node} (already converted, or being converted when the alias is inside it).
     * Returns null, or what it passed: recursion, the value count or the depth.
     */
    Excess alias(Node node, boolean recursive) {
        SourcePosition at = nextAlias(node);
        String name = "*" + node.getAnchor().map(a -> a.getValue()).orElse("?");
        if (recursive) return new Excess("recursive alias: '" + name + "' refers to a value that contains it", "an alias can only name a value that is complete before it", at);
        long[] size = anchored.getOrDefault(node, new long[]{1, 1});
        values += size[0];
        if (values > YamlLimits.MAX_VALUES) {
            return new Excess(tooMany() + ": '" + name + "' alone stands for " + size[0] + " values", EXPAND_HINT, at);
        }
        maxDepth = Math.max(maxDepth, (int) Math.min(Integer.MAX_VALUE, depth + size[1]));
        if (depth + size[1] > YamlLimits.MAX_DEPTH) {
            return new Excess("yaml nests more than " + YamlLimits.MAX_DEPTH + " levels deep once '" + name + "' is written out", EXPAND_HINT, at);
        }
        return null;
    }

    private static String tooMany() {
        return "yaml file holds more than " + YamlLimits.MAX_VALUES + " values once its aliases are written out";
    }

    private SourcePosition nextAlias(Node node) {
        String name = node.getAnchor().map(a -> a.getValue()).orElse(null);
        for (GuardedParser.Alias a : aliases) {
            if (a.mark().getIndex() > cursor && a.name().equals(name)) {
                cursor = a.mark().getIndex();
                return position(a.mark());
            }
        }
        return position(node.getStartMark().orElse(null)); // not found: the anchor is the next best place
    }

    private SourcePosition position(Mark mark) {
        return mark == null ? new SourcePosition(source.path(), 1, 1) : YamlReader.position(source.path(), mark);
    }
}
