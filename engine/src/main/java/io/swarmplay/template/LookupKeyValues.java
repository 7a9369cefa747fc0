package io.swarmplay.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's {@code parse_kv} for the old-style lookup term {@code 'key file=x.csv col=2'}: tokens
 * split at whitespace outside quotes; {@code name=value} tokens are options (one pair of quotes
 * around the value removed), the other tokens, joined by one space and quotes kept, are the
 * search key ({@code _raw_params}).
 */
record LookupKeyValues(String rawParams, Map<String, String> options) {

    static LookupKeyValues parse(String term) {
        List<String> raw = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (String token : tokens(term)) {
            int eq = token.indexOf('=');
            if (eq > 0 && isName(token.substring(0, eq))) options.put(token.substring(0, eq), unquote(token.substring(eq + 1)));
            else raw.add(token);
        }
        return new LookupKeyValues(raw.isEmpty() ? null : String.join(" ", raw), options);
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (!token.isEmpty()) out.add(token.toString());
                token.setLength(0);
                continue;
            }
            if (quote == 0 && (c == '"' || c == '\'')) quote = c;
            else if (c == quote) quote = 0;
            token.append(c);
        }
        if (!token.isEmpty()) out.add(token.toString());
        return out;
    }

    private static boolean isName(String key) {
        return key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
