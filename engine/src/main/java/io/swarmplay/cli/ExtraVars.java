package io.swarmplay.cli;

import io.swarmplay.playbook.VarsFileLoader;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -e} in its three forms: {@code key=value} pairs (values are strings, as in Ansible),
 * {@code @file.yaml}, and an inline JSON or YAML mapping. Later {@code -e} win.
 */
final class ExtraVars {

    private ExtraVars() {
    }

    static Map<String, Object> parse(List<String> values) {
        return parse(values, io.swarmplay.source.Vault.none());
    }

    /** {@code vault}: decrypts an {@code @file} that is vault-encrypted or holds {@code !vault} values. */
    static Map<String, Object> parse(List<String> values, io.swarmplay.source.Vault vault) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (String value : values) vars.putAll(parseOne(value.strip(), vault));
        return vars;
    }

    private static Map<String, Object> parseOne(String value, io.swarmplay.source.Vault vault) {
        if (value.startsWith("@")) return VarsFileLoader.load(Path.of(value.substring(1)), vault);
        if (value.startsWith("{")) return VarsFileLoader.parse(value, "-e " + value);
        Map<String, Object> vars = new LinkedHashMap<>();
        for (String pair : splitPairs(value)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("-e '" + pair + "' is not key=value, @file or a JSON mapping");
            vars.put(pair.substring(0, eq), unquote(pair.substring(eq + 1)));
        }
        return vars;
    }

    /** Splits on spaces outside quotes: {@code a=1 b="two words"}. */
    static List<String> splitPairs(String text) {
        List<String> pairs = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0 && c == quote) quote = 0;
            else if (quote == 0 && (c == '"' || c == '\'')) quote = c;
            if (quote == 0 && Character.isWhitespace(c)) {
                if (current.length() > 0) pairs.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) pairs.add(current.toString());
        return pairs;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
