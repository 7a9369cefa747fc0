package io.swarmplay.template;

import com.hubspot.jinjava.el.ext.ExtendedScanner;
import jinjava.de.odysseus.el.tree.impl.Scanner;

import java.util.Set;

/**
 * Python's string literals in expressions: the escapes Python knows ({@code \n}, {@code \t},
 * {@code \x1a}, {@code \u00e9}, octal, ...), and any other backslash kept with its character, as
 * Python does for {@code '^q.*_\d'}. Jinjava's scanner refuses unknown escapes. Keywords after a dot
 * are attribute names, and the words JUEL reserves but Jinja does not are names everywhere.
 */
final class PythonScanner extends ExtendedScanner {

    /** JUEL's operator words that Jinja does not have: plain names there ({@code vars: {mod: debug}}). */
    private static final Set<String> NOT_JINJA_KEYWORDS = Set.of("mod", "div", "lt", "gt", "le", "ge", "eq", "ne",
            "empty", "instanceof");

    PythonScanner(String input) {
        super(input);
    }

    /** After a dot, a word is an attribute name, keywords too ({@code foo.null}, {@code r.true}), as in Python. */
    @Override
    protected Token keyword(String word) {
        Token previous = getToken();
        if (previous != null && previous.getSymbol() == Scanner.Symbol.DOT) return null;
        return NOT_JINJA_KEYWORDS.contains(word) ? null : super.keyword(word);
    }

    /** What ends an operand: a {@code +} right after one adds, as in Jinja. */
    private static final Set<Scanner.Symbol> OPERAND_ENDS = Set.of(Scanner.Symbol.INTEGER, Scanner.Symbol.FLOAT,
            Scanner.Symbol.IDENTIFIER, Scanner.Symbol.STRING, Scanner.Symbol.TRUE, Scanner.Symbol.FALSE,
            Scanner.Symbol.NULL, Scanner.Symbol.RPAREN, Scanner.Symbol.RBRACK);

    /**
     * {@code 5+1}, {@code x+1}: Jinjava scans {@code +1} as a signed number, so a sum written
     * without spaces failed to parse; after an operand a {@code +} is the operator.
     */
    @Override
    protected Token nextToken() throws ScanException {
        String input = getInput();
        int at = getPosition();
        Token previous = getToken();
        if (at + 1 < input.length() && input.charAt(at) == '+' && Character.isDigit(input.charAt(at + 1))
                && previous != null && OPERAND_ENDS.contains(previous.getSymbol())) {
            return fixed(Scanner.Symbol.PLUS);
        }
        return super.nextToken();
    }

    @Override
    protected Token nextString() throws ScanException {
        String input = getInput();
        int start = getPosition();
        char quote = input.charAt(start);
        StringBuilder out = new StringBuilder();
        int i = start + 1;
        while (i < input.length()) {
            char c = input.charAt(i++);
            if (c == quote) return token(Scanner.Symbol.STRING, out.toString(), i - start);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i == input.length()) break;
            i = escape(input, i, out);
        }
        throw new ScanException(start, "unterminated string", quote + " or \\");
    }

    /** Appends the escape whose letter is at {@code i}; returns where the literal goes on. */
    static int escape(String input, int i, StringBuilder out) {
        char e = input.charAt(i);
        switch (e) {
            case '\n' -> { return i + 1; }
            case '\\', '\'', '"' -> out.append(e);
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case 'x' -> { return hex(input, i, 2, out); }
            case 'u' -> { return hex(input, i, 4, out); }
            case 'U' -> { return hex(input, i, 8, out); }
            default -> {
                if (e >= '0' && e <= '7') return octal(input, i, out);
                out.append('\\').append(e);
            }
        }
        return i + 1;
    }

    private static int hex(String input, int i, int digits, StringBuilder out) {
        int end = i + 1 + digits;
        if (end > input.length() || !input.substring(i + 1, end).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            out.append('\\').append(input.charAt(i));
            return i + 1;
        }
        out.appendCodePoint(Integer.parseInt(input.substring(i + 1, end), 16));
        return end;
    }

    private static int octal(String input, int i, StringBuilder out) {
        int end = i;
        while (end < input.length() && end < i + 3 && input.charAt(end) >= '0' && input.charAt(end) <= '7') end++;
        out.append((char) Integer.parseInt(input.substring(i, end), 8));
        return end;
    }
}
