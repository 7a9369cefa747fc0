package io.swarmplay.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of {@link YamlNode}s for loaders: each either returns the value or reports an error
 * at the node's position into the given {@link Diagnostics} and returns empty / null.
 * {@code what} names the thing in messages ("'vars'", "the arguments of 'copy'").
 */
public final class Nodes {

    /** Hint for the classic "- key: value" under a key that wants a mapping. */
    public static final String LIST_FOR_MAP_HINT = "write `key: value` lines without a leading '- '";

    private Nodes() {
    }

    /** A mapping; null or an empty value is an empty mapping; anything else is an error. */
    public static Optional<YamlNode.Mapping> mapping(YamlNode node, String what, Diagnostics diagnostics) {
        if (node instanceof YamlNode.Mapping m) return Optional.of(m);
        if (node instanceof YamlNode.Scalar s && s.value() == null) return Optional.of(new YamlNode.Mapping(List.of(), s.at()));
        Diagnostic d = Diagnostic.error("expected a mapping for " + what + ", found " + node.kind(), node.at());
        diagnostics.add(node instanceof YamlNode.Sequence ? d.withHint(LIST_FOR_MAP_HINT) : d);
        return Optional.empty();
    }

    /** A sequence; null is empty; anything else is an error. */
    public static Optional<YamlNode.Sequence> sequence(YamlNode node, String what, Diagnostics diagnostics) {
        if (node instanceof YamlNode.Sequence s) return Optional.of(s);
        if (node instanceof YamlNode.Scalar s && s.value() == null) return Optional.of(new YamlNode.Sequence(List.of(), s.at()));
        Diagnostic d = Diagnostic.error("expected a list for " + what + ", found " + node.kind(), node.at());
        diagnostics.add(node instanceof YamlNode.Mapping ? d.withHint("start each entry with '- '") : d);
        return Optional.empty();
    }

    /** A sequence; null is empty; anything else is the error {@code summary} (a message in Ansible's own words). */
    public static Optional<YamlNode.Sequence> sequenceOr(YamlNode node, String summary, Diagnostics diagnostics) {
        if (node instanceof YamlNode.Sequence s) return Optional.of(s);
        if (node instanceof YamlNode.Scalar s && s.value() == null) return Optional.of(new YamlNode.Sequence(List.of(), s.at()));
        Diagnostic d = Diagnostic.error(summary, node.at()).withWidth(width(node));
        diagnostics.add(node instanceof YamlNode.Mapping ? d.withHint("start each entry with '- '") : d);
        return Optional.empty();
    }

    /** A scalar as a string (numbers and booleans as written); null stays null; collections are errors. */
    public static String string(YamlNode node, String what, Diagnostics diagnostics) {
        if (node instanceof YamlNode.Scalar s) return s.string();
        diagnostics.add(Diagnostic.error("expected a string for " + what + ", found " + node.kind(), node.at()));
        return null;
    }

    /** true/false/yes/no (also as quoted strings); null for null; anything else is an error. */
    public static Boolean bool(YamlNode node, String what, Diagnostics diagnostics) {
        if (node instanceof YamlNode.Scalar s) {
            if (s.value() == null || s.value() instanceof Boolean) return (Boolean) s.value();
            String t = s.text().toLowerCase();
            if (List.of("true", "yes", "on", "1").contains(t)) return true;
            if (List.of("false", "no", "off", "0").contains(t)) return false;
        }
        diagnostics.add(Diagnostic.error("expected true or false for " + what + ", found " + describe(node), node.at())
                .withWidth(width(node)));
        return null;
    }

    /** An integer; null for null; anything else is an error. */
    public static Integer integer(YamlNode node, String what, Diagnostics diagnostics) {
        if (node instanceof YamlNode.Scalar s) {
            if (s.value() == null || s.value() instanceof Integer) return (Integer) s.value();
            try {
                return Integer.valueOf(s.text().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        diagnostics.add(Diagnostic.error("expected a whole number for " + what + ", found " + describe(node), node.at())
                .withWidth(width(node)));
        return null;
    }

    /** A string or a list of scalars as strings; null is empty. */
    public static List<String> strings(YamlNode node, String what, Diagnostics diagnostics) {
        List<String> out = new ArrayList<>();
        if (node instanceof YamlNode.Scalar s) {
            if (s.value() != null) out.add(s.string());
            return out;
        }
        if (node instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                String value = string(item, what, diagnostics);
                if (value != null) out.add(value);
            }
            return out;
        }
        diagnostics.add(Diagnostic.error("expected a string or a list for " + what + ", found " + node.kind(), node.at()));
        return out;
    }

    /** The node's kind, with the text for scalars: {@code the string 'maybe'}. */
    public static String describe(YamlNode node) {
        if (node instanceof YamlNode.Scalar s && s.value() != null) return s.kind().substring(2) + " '" + s.text() + "'";
        return node.kind();
    }

    /** Caret width for a node: the scalar's width, 1 for collections. */
    public static int width(YamlNode node) {
        return node instanceof YamlNode.Scalar s ? s.width() : 1;
    }
}
