package io.swarmplay.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits Ansible's {@code key=value} argument strings ({@code copy: src=a dest="b c"}) into tokens
 * at unquoted whitespace outside {@code {{ }}} / {@code {% %}}, keeping each token's place in the
 * string so that messages can point into it. Free-form modules' strings go through {@link FreeFormSplitter}.
 */
final class KeyValueParser {

    /**
     * One token. {@code key} is null when the token is not {@code key=value}; {@code value} is the
     * value with one level of surrounding quotes removed.
     */
    record Token(String text, int start, int end, String key, String value) {
        boolean isKeyValue() {
            return key != null;
        }
    }

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TEMPLATED_KEY = Pattern.compile("(?:[A-Za-z0-9_]|\\{\\{[^=]*?}})*\\{\\{[^=]*?}}(?:[A-Za-z0-9_]|\\{\\{[^=]*?}})*");

    private KeyValueParser() {
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int end = tokenEnd(text, i);
            tokens.add(token(text.substring(i, end), i, end));
            i = end;
        }
        return tokens;
    }

    /** Where the token starting at {@code start} ends: whitespace outside quotes and templates. */
    private static int tokenEnd(String text, int start) {
        char quote = 0;
        int jinja = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
            if (quote != 0) {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = 0;
            } else if (two.equals("{{") || two.equals("{%")) {
                jinja++;
                i++;
            } else if (jinja > 0 && (two.equals("}}") || two.equals("%}"))) {
                jinja--;
                i++;
            } else if (jinja == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (jinja == 0 && Character.isWhitespace(c)) {
                return i;
            }
        }
        return text.length();
    }

    /**
     * Ansible's {@code parse_kv}: the token's backslash escapes are decoded first ({@link Escapes}:
     * {@code regexp='\\b'} is a word boundary, {@code regexp='\b'} a backspace), then it is cut at
     * the first {@code =} not after a backslash and the value loses one pair of surrounding quotes.
     */
    private static Token token(String text, int start, int end) {
        String decoded = Escapes.decode(text);
        int eq = decoded.indexOf('=');
        if (eq <= 0 || !isKey(decoded.substring(0, eq))) return new Token(text, start, end, null, null);
        return new Token(text, start, end, decoded.substring(0, eq), unquote(decoded.substring(eq + 1).strip()));
    }

    // a name, or one made with templates (`set_fact: "{{ 'x' + item }}=moo"`, `user_{{ n }}=x`): Ansible's
    // parse_kv takes the text before the first '=' as the key
    private static boolean isKey(String key) {
        return KEY.matcher(key).matches() || TEMPLATED_KEY.matcher(key).matches();
    }

    /** Python's {@code unquote}: one pair of matching surrounding quotes goes unless the closing one is escaped. */
    static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0) && value.charAt(value.length() - 2) != '\\';
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
