package io.swarmplay.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Splits the string form of a free-form module ({@code shell: |} blocks, {@code command: ls
 * chdir=/tmp}) the way Ansible's argument splitter does, so that the free form the module gets is
 * the one Ansible's gets: the text is cut into lines, then at single spaces; a token opening a
 * quote or a {@code {{ }}}, {@code {% %}}, {@code {# #}} block is joined with what follows until
 * it closes; a lone {@code \} at the end of a line outside quotes joins the next line (the
 * backslash and the line break go); every other line break and repeated blank is kept.
 * {@link #join} puts the free-form tokens back together.
 */
final class FreeFormSplitter {

    private FreeFormSplitter() {
    }

    /** The arguments written {@code key=value} and the free form, the rest joined; null when there is none. */
    record Parts(Map<String, String> args, String freeForm) {
    }

    /**
     * Ansible's reading of a free-form module's string: a token {@code key=value} (the first
     * {@code =} not after a backslash, past the first character) whose key {@code isArg} accepts is
     * an argument (its value stripped and unquoted); every other token stays in the free form
     * verbatim, except that one with only escaped {@code \=} loses the backslashes.
     */
    static Parts parse(String text, Predicate<String> isArg) {
        Map<String, String> args = new LinkedHashMap<>();
        List<String> free = new ArrayList<>();
        for (String token : split(text)) {
            String decoded = Escapes.decode(token);
            int eq = unescapedEquals(decoded);
            if (eq < 0 && decoded.indexOf('=') >= 0) {
                free.add(decoded.replace("\\=", "="));
            } else if (eq > 0 && isArg.test(decoded.substring(0, eq))) {
                args.put(decoded.substring(0, eq).strip(), KeyValueParser.unquote(decoded.substring(eq + 1).strip()));
            } else {
                free.add(token);
            }
        }
        return new Parts(args, free.isEmpty() ? null : join(free));
    }

    private static int unescapedEquals(String token) {
        for (int i = token.indexOf('=', 1); i > 0; i = token.indexOf('=', i + 1)) {
            if (token.charAt(i - 1) != '\\') return i;
        }
        return -1;
    }

    /** The tokens of {@code text}; unbalanced quotes or blocks leave the rest in the last token. */
    static List<String> split(String text) {
        State state = new State();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            boolean continued = state.line(lines[i]);
            if (lines.length > 1 && i != lines.length - 1 && !continued) state.appendToLast("\n");
        }
        return state.params;
    }

    /** The free-form tokens as one string: a blank between two, none after a line break. */
    static String join(List<String> params) {
        StringBuilder out = new StringBuilder();
        for (String p : params) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append(' ');
            out.append(p);
        }
        return out.toString();
    }

    /** The quote and block depths carried from token to token, and the tokens so far. */
    private static final class State {
        final List<String> params = new ArrayList<>();
        char quote;
        int print;
        int block;
        int comment;

        /** Reads one line's tokens; true when it ends in a line continuation. */
        boolean line(String line) {
            String[] tokens = line.split(" ", -1);
            boolean continued = false;
            for (int idx = 0; idx < tokens.length; idx++) {
                String token = tokens[idx];
                if (token.isEmpty() && idx != 0) {
                    appendToLast(" "); // repeated blanks are kept
                } else if (token.equals("\\") && quote == 0) {
                    continued = true;
                } else {
                    token(token, idx, tokens.length);
                }
            }
            return continued;
        }

        private void token(String token, int idx, int count) {
            boolean wasQuoted = quote != 0;
            quote = quoteAfter(token, quote);
            boolean quoted = quote != 0;
            boolean inBlock = print > 0 || block > 0 || comment > 0;
            boolean appended = false;
            if (quoted && !wasQuoted && !inBlock) {
                params.add(token);
                appended = true;
            } else if ((inBlock || quoted || wasQuoted) && !params.isEmpty()) {
                String spacer = idx == 0 && wasQuoted ? "" : count > 1 ? (idx > 0 ? " " : "") : "\n";
                appendToLast(spacer + token);
                appended = true;
            }
            int[] before = {print, block, comment};
            print = depth(token, print, "{{", "}}");
            block = depth(token, block, "{%", "%}");
            comment = depth(token, comment, "{#", "#}");
            boolean depthChanged = before[0] != print || before[1] != block || before[2] != comment;
            if (!appended && (depthChanged
                    || (print == 0 && block == 0 && comment == 0 && !quoted && !token.isEmpty()))) {
                params.add(token);
            }
        }

        void appendToLast(String text) {
            if (!params.isEmpty()) params.set(params.size() - 1, params.get(params.size() - 1) + text);
        }
    }

    /** The quote still open after {@code token} (0 for none); a quote after a backslash does not count. */
    private static char quoteAfter(String token, char quote) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if ((c == '"' || c == '\'') && (i == 0 || token.charAt(i - 1) != '\\')) {
                if (quote == 0) quote = c;
                else if (c == quote) quote = 0;
            }
        }
        return quote;
    }

    private static int depth(String token, int depth, String open, String close) {
        int opened = count(token, open);
        int closed = count(token, close);
        return opened == closed ? depth : Math.max(0, depth + opened - closed);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) n++;
        return n;
    }
}
