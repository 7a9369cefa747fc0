package io.swarmplay.source;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns snakeyaml-engine nodes into {@link YamlNode}s of one file, reporting suspicious values.
 * An anchored node is converted once and shared by its aliases (YamlNodes are immutable), while
 * {@link AliasBudget} counts what the aliases would come to written out; past a limit, or on an
 * alias inside the value it names, the file is refused and nothing more is converted.
 */
final class NodeConverter {

    private final SourceFile source;
    private final Diagnostics diagnostics;
    private final AliasBudget budget;
    private final Map<Node, YamlNode> converted = new IdentityHashMap<>();
    private final Set<Node> converting = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean refused;

    private final Vault vault;

    NodeConverter(SourceFile source, Diagnostics diagnostics, List<GuardedParser.Alias> aliases, Vault vault) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.vault = vault;
        this.budget = new AliasBudget(source, aliases);
    }

    YamlNode emptyDocument() {
        return new YamlNode.Scalar(null, "", false, new SourcePosition(source.path(), 1, 1), 1);
    }

    /** The converted node, or null after reporting an error (a recursive alias, an unknown tag, a limit). */
    YamlNode convert(Node node) {
        if (refused) return null;
        boolean anchored = node.getAnchor().isPresent();
        if (anchored && (converting.contains(node) || converted.containsKey(node))) {
            return refuseIf(budget.alias(node, converting.contains(node))) ? null : converted.get(node);
        }
        if (refuseIf(budget.enter(node))) return null;
        long[] mark = anchored ? budget.mark() : null;
        if (anchored) converting.add(node);
        try {
            YamlNode result = node instanceof ScalarNode scalar && Tags.isVault(node) ? vaulted(scalar)
                    : Tags.check(node, source, diagnostics) ? build(node) : null;
            if (anchored) converted.put(node, result);
            return refused ? null : result;
        } finally {
            if (anchored) converting.remove(node);
            budget.leave(node, mark);
        }
    }

    private YamlNode build(Node node) {
        if (node instanceof ScalarNode scalar) return scalar(scalar);
        if (node instanceof SequenceNode seq) return sequence(seq);
        return mapping((MappingNode) node);
    }

    private boolean refuseIf(AliasBudget.Excess excess) {
        if (excess == null) return false;
        Diagnostic d = Diagnostic.error(excess.summary(), excess.at());
        diagnostics.add(excess.hint() == null ? d : d.withHint(excess.hint()));
        refused = true;
        return true;
    }

    private YamlNode.Scalar scalar(ScalarNode node) {
        boolean quoted = node.getScalarStyle() != ScalarStyle.PLAIN;
        Object value = Tags.isUnsafe(node) ? new UnsafeText(node.getValue()) : ScalarValues.of(node.getTag(), node.getValue());
        return new YamlNode.Scalar(value, node.getValue(), quoted,
                at(node), width(node));
    }

    /**
     * A {@code !vault} value: its plaintext, a string; kept encrypted ({@link Vault.Encrypted}) when no
     * secret given decrypts it, as Ansible decrypts a vaulted value only when it is used; null after
     * reporting a format swarmplay cannot read.
     */
    private YamlNode.Scalar vaulted(ScalarNode node) {
        try {
            String plain = vault.decryptValue(node.getValue());
            return new YamlNode.Scalar(plain, plain, true, at(node), width(node));
        } catch (Vault.VaultException e) {
            if (Vault.isReadable(node.getValue())) {
                return new YamlNode.Scalar(Vault.Encrypted.undecryptable(node.getValue(), e), node.getValue(), true, at(node), width(node));
            }
            diagnostics.add(Diagnostic.error("cannot decrypt the !vault value: " + e.getMessage(), at(node))
                    .withWidth("!vault".length()).withHint(e.hint()));
            return null;
        }
    }

    private YamlNode.Sequence sequence(SequenceNode node) {
        List<YamlNode> items = new ArrayList<>();
        for (Node item : node.getValue()) {
            YamlNode converted = convert(item);
            if (converted != null) items.add(converted);
        }
        return new YamlNode.Sequence(items, at(node));
    }

    private YamlNode.Mapping mapping(MappingNode node) {
        List<YamlNode.Entry> explicit = new ArrayList<>();
        List<YamlNode.Entry> merged = new ArrayList<>();
        for (NodeTuple tuple : node.getValue()) {
            if (isMergeKey(tuple.getKeyNode())) {
                merged.addAll(mergeEntries(tuple.getValueNode()));
            } else {
                YamlNode.Entry entry = entry(tuple);
                if (entry != null) explicit.add(entry);
            }
        }
        return new YamlNode.Mapping(withMerged(merged, withoutDuplicates(explicit)), at(node));
    }

    private YamlNode.Entry entry(NodeTuple tuple) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode keyScalar)) {
            reportComplexKey(keyNode);
            return null;
        }
        YamlNode value = convert(tuple.getValueNode());
        if (value == null) return null;
        return new YamlNode.Entry(keyScalar.getValue(), scalar(keyScalar), value);
    }

    // `key: {{ var }}` is valid YAML (a flow mapping whose key is a mapping): say what was meant
    private void reportComplexKey(Node keyNode) {
        SourcePosition at = at(keyNode);
        String line = source.line(at.line());
        boolean jinja = line != null && line.indexOf("{{") >= 0;
        Diagnostic d = Diagnostic.error(jinja ? "a value starts with an unquoted '{{'"
                : "a mapping key must be a plain value, not " + (keyNode instanceof MappingNode ? "a mapping" : "a list"),
                jinja ? new SourcePosition(at.file(), at.line(), Math.max(1, at.column() - 1)) : at);
        diagnostics.add(jinja ? d.withHint(SyntaxHints.QUOTE_JINJA).withWidth(2) : d);
    }

    private static boolean isMergeKey(Node key) {
        return key instanceof ScalarNode s && "<<".equals(s.getValue()) && s.getScalarStyle() == ScalarStyle.PLAIN;
    }

    private List<YamlNode.Entry> mergeEntries(Node value) {
        List<YamlNode.Entry> entries = new ArrayList<>();
        List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
        for (Node source : sources) {
            YamlNode converted = convert(source);
            if (converted instanceof YamlNode.Mapping m) {
                entries.addAll(m.entries());
            } else if (converted != null) {
                diagnostics.add(Diagnostic.error("a merge key '<<' needs a mapping (or a list of mappings), not "
                        + converted.kind(), converted.at()));
            }
        }
        return entries;
    }

    /** Explicit keys win over merged ones; the first merged source wins among merged ones. */
    private static List<YamlNode.Entry> withMerged(List<YamlNode.Entry> merged, List<YamlNode.Entry> explicit) {
        if (merged.isEmpty()) return explicit;
        Set<String> taken = new HashSet<>();
        for (YamlNode.Entry e : explicit) taken.add(e.name());
        List<YamlNode.Entry> all = new ArrayList<>();
        for (YamlNode.Entry e : merged) {
            if (taken.add(e.name())) all.add(e);
        }
        all.addAll(explicit);
        return all;
    }

    /** Entries with a key written twice warned about and kept once, where the later one was written (Ansible). */
    private List<YamlNode.Entry> withoutDuplicates(List<YamlNode.Entry> entries) {
        Map<String, Integer> last = new java.util.HashMap<>();
        for (int i = 0; i < entries.size(); i++) last.put(entries.get(i).name(), i);
        if (last.size() == entries.size()) return entries;
        List<YamlNode.Entry> kept = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            YamlNode.Entry e = entries.get(i);
            if (last.get(e.name()) == i) {
                kept.add(e);
                continue;
            }
            YamlNode.Entry later = entries.get(last.get(e.name()));
            diagnostics.add(Diagnostic.warning("key '" + e.name() + "' is written twice in this mapping; the later value wins",
                    later.key().at()).withWidth(e.name().length()).withHint("remove one of them"));
        }
        return kept;
    }


    private SourcePosition at(Node node) {
        return node.getStartMark().map(m -> YamlReader.position(source.path(), m))
                .orElse(SourcePosition.UNKNOWN);
    }

    private int width(Node node) {
        Mark start = node.getStartMark().orElse(null);
        Mark end = node.getEndMark().orElse(null);
        if (start == null || end == null) return 1;
        if (start.getLine() == end.getLine()) return Math.max(1, end.getColumn() - start.getColumn());
        String line = source.line(start.getLine() + 1);
        return line == null ? 1 : Math.max(1, line.length() - start.getColumn());
    }

    /** Scalar typing by resolved tag. */
    static final class ScalarValues {
        private ScalarValues() {
        }

        static Object of(Tag tag, String text) {
            if (Tag.NULL.equals(tag)) return null;
            if (Tag.BOOL.equals(tag)) return bool(text);
            if (Tag.INT.equals(tag)) return integer(text);
            if (Tag.FLOAT.equals(tag)) return floating(text);
            return text;
        }

        private static Boolean bool(String text) {
            String t = text.toLowerCase();
            return t.equals("true") || t.equals("yes") || t.equals("on");
        }

        /** PyYAML's YAML 1.1 integers: {@code 0b101}, octal {@code 0777}, {@code 0x1F}, {@code 1_000}, {@code 1:20} (base 60). */
        private static Object integer(String text) {
            String t = text.replace("_", "");
            boolean negative = t.startsWith("-");
            if (t.startsWith("-") || t.startsWith("+")) t = t.substring(1);
            try {
                long value;
                if (t.startsWith("0b")) value = Long.parseLong(t.substring(2), 2);
                else if (t.startsWith("0x")) value = Long.parseLong(t.substring(2), 16);
                else if (t.startsWith("0o")) value = Long.parseLong(t.substring(2), 8); // !!int 0o17, as YAML 1.2
                else if (t.contains(":")) value = (long) sexagesimal(t);
                else if (t.length() > 1 && t.startsWith("0")) value = Long.parseLong(t, 8);
                else value = Long.parseLong(t);
                if (negative) value = -value;
                if (value == (int) value) return Integer.valueOf((int) value);
                return Long.valueOf(value);
            } catch (NumberFormatException e) {
                return text; // beyond long: keep the digits rather than lose precision
            }
        }

        private static double sexagesimal(String digits) {
            double value = 0;
            for (String part : digits.split(":")) value = value * 60 + Double.parseDouble(part);
            return value;
        }

        /** PyYAML's YAML 1.1 floats: {@code 1.5e+3}, {@code .5}, {@code 1_0.5}, {@code 1:20.5}, {@code .inf}, {@code .nan}. */
        private static Object floating(String text) {
            String t = text.replace("_", "").toLowerCase();
            Map<String, Double> special = Map.of(".inf", Double.POSITIVE_INFINITY, "+.inf", Double.POSITIVE_INFINITY,
                    "-.inf", Double.NEGATIVE_INFINITY, ".nan", Double.NaN);
            Double s = special.get(t);
            if (s != null) return s;
            boolean negative = t.startsWith("-");
            if (t.startsWith("-") || t.startsWith("+")) t = t.substring(1);
            double value = t.contains(":") ? sexagesimal(t) : Double.parseDouble(t);
            return negative ? -value : value;
        }
    }
}
