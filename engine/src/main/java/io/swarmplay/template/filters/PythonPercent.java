package io.swarmplay.template.filters;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code %} string formatting ({@code '%0.4x' % n}, {@code '%s-%d' % (a, b)},
 * {@code '%(name)s' % d}), which Ansible's {@code format} filter and the {@code %} operator on a
 * string use: flags {@code -+ 0#}, width, precision (for integers: the least number of digits)
 * and the conversions {@code d i u o x X e E f F g G c s r a %}.
 */
public final class PythonPercent {

    private static final Pattern SPEC = Pattern.compile(
            "%(?:\\((?<key>[^)]*)\\))?(?<flags>[-+ 0#]*)(?<width>\\*|\\d+)?(?:\\.(?<prec>\\*|\\d*))?[hlL]?(?<conv>[diouxXeEfFgGcrsa%])");

    private PythonPercent() {
    }

    /** {@code format % args}: a list spreads over the specifiers, a map serves {@code %(key)s}, anything else is one value. */
    public static String format(String format, Object args) {
        List<Object> values = args instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(args == null ? "None" : args));
        if (args == null) values = new ArrayList<>(java.util.Collections.singletonList(null));
        Map<?, ?> named = args instanceof Map<?, ?> m ? m : null;
        StringBuilder out = new StringBuilder();
        Matcher m = SPEC.matcher(format);
        int at = 0;
        int next = 0;
        while (m.find()) {
            out.append(format, at, m.start());
            at = m.end();
            String conv = m.group("conv");
            if (conv.equals("%")) {
                out.append('%');
                continue;
            }
            Object value;
            if (m.group("key") != null) {
                if (named == null) throw new FilterException("format requires a mapping");
                value = named.get(m.group("key"));
            } else {
                if (next >= values.size()) throw new FilterException("not enough arguments for format string");
                value = values.get(next++);
            }
            String flags = m.group("flags");
            int width = m.group("width") == null ? 0 : Integer.parseInt(m.group("width"));
            Integer prec = m.group("prec") == null ? null : m.group("prec").isEmpty() ? 0 : Integer.parseInt(m.group("prec"));
            out.append(pad(convert(value, conv, flags, prec), flags, width, "diouxXeEfFgG".contains(conv)));
        }
        if (named == null && next < values.size() && !(args instanceof Map)) {
            throw new FilterException("not all arguments converted during string formatting");
        }
        return out.append(format.substring(at)).toString();
    }

    private static String convert(Object value, String conv, String flags, Integer prec) {
        switch (conv) {
            case "s", "a":
                return cut(Values.str(value), prec);
            case "r":
                return cut(Values.repr(value), prec);
            case "c":
                return value instanceof Number n ? new String(Character.toChars(n.intValue())) : Values.str(value);
            case "d", "i", "u", "o", "x", "X":
                return integer(toInteger(value, conv), conv, flags, prec);
            default:
                return real(toNumber(value, conv).doubleValue(), conv, flags, prec);
        }
    }

    private static String cut(String s, Integer prec) {
        return prec == null || prec >= s.length() ? s : s.substring(0, prec);
    }

    private static BigInteger toInteger(Object value, String conv) {
        if (value instanceof Boolean b) return b ? BigInteger.ONE : BigInteger.ZERO;
        if (value instanceof BigInteger b) return b;
        if (value instanceof BigDecimal d) return d.toBigInteger();
        if (value instanceof Double || value instanceof Float) {
            if (conv.equals("d") || conv.equals("i") || conv.equals("u")) return BigDecimal.valueOf(((Number) value).doubleValue()).toBigInteger();
            throw new FilterException("%" + conv + " format: an integer is required, not float");
        }
        if (value instanceof Number n) return BigInteger.valueOf(n.longValue());
        throw new FilterException("%" + conv + " format: a number is required, not " + Values.typeName(value));
    }

    private static Number toNumber(Object value, String conv) {
        if (value instanceof Boolean b) return b ? 1 : 0;
        if (value instanceof Number n) return n;
        throw new FilterException("must be real number, not " + Values.typeName(value));
    }

    private static String integer(BigInteger n, String conv, String flags, Integer prec) {
        int radix = switch (conv) {
            case "o" -> 8;
            case "x", "X" -> 16;
            default -> 10;
        };
        String digits = n.abs().toString(radix);
        if (conv.equals("X")) digits = digits.toUpperCase(Locale.ROOT);
        if (prec != null && digits.length() < prec) digits = "0".repeat(prec - digits.length()) + digits;
        String prefix = !flags.contains("#") ? "" : conv.equals("o") ? "0o" : conv.equals("x") ? "0x" : conv.equals("X") ? "0X" : "";
        return sign(n.signum() < 0, flags) + prefix + digits;
    }

    private static String real(double d, String conv, String flags, Integer prec) {
        int p = prec == null ? 6 : prec;
        String body = switch (conv) {
            case "e", "E" -> exponent(String.format(Locale.ROOT, "%." + p + "e", Math.abs(d)));
            case "g", "G" -> general(Math.abs(d), p == 0 ? 1 : p, flags.contains("#"));
            default -> String.format(Locale.ROOT, "%." + p + "f", Math.abs(d));
        };
        if (Character.isUpperCase(conv.charAt(0))) body = body.toUpperCase(Locale.ROOT);
        return sign(d < 0 || (d == 0 && 1 / d < 0), flags) + body;
    }

    /** Java writes {@code 1.0e+05}; Python {@code 1.0e+05} too, but at least two exponent digits and no more. */
    private static String exponent(String java) {
        return java.replaceFirst("e([+-])0*(\\d\\d+)$", "e$1$2").replaceFirst("e([+-])(\\d)$", "e$10$2");
    }

    private static String general(double d, int p, boolean keepZeros) {
        if (d == 0) return keepZeros ? String.format(Locale.ROOT, "%." + (p - 1) + "f", 0.0) : "0";
        int exp = (int) Math.floor(Math.log10(d));
        String s = exp < -4 || exp >= p ? exponent(String.format(Locale.ROOT, "%." + (p - 1) + "e", d))
                : String.format(Locale.ROOT, "%." + Math.max(0, p - 1 - exp) + "f", d);
        if (keepZeros) return s;
        String mantissa = s.contains("e") ? s.substring(0, s.indexOf('e')) : s;
        String rest = s.substring(mantissa.length());
        if (mantissa.contains(".")) mantissa = mantissa.replaceFirst("0+$", "").replaceFirst("\\.$", "");
        return mantissa + rest;
    }

    private static String sign(boolean negative, String flags) {
        if (negative) return "-";
        return flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
    }

    private static String pad(String s, String flags, int width, boolean numeric) {
        if (s.length() >= width) return s;
        int fill = width - s.length();
        if (flags.contains("-")) return s + " ".repeat(fill);
        if (flags.contains("0") && numeric) {
            int after = 0;
            while (after < s.length() && "+- ".indexOf(s.charAt(after)) >= 0) after++;
            if (s.startsWith("0x", after) || s.startsWith("0X", after) || s.startsWith("0o", after)) after += 2;
            return s.substring(0, after) + "0".repeat(fill) + s.substring(after);
        }
        return " ".repeat(fill) + s;
    }
}
