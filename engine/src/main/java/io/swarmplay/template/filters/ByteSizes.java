package io.swarmplay.template.filters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code human_readable} and {@code human_to_bytes} as Ansible's {@code formatters} define them:
 * units B, K, M, G, T, P, E, Z, Y in powers of 1024; an unknown {@code unit} falls back to bytes;
 * {@code human_to_bytes} reads a leading number and unit (anything after is ignored) and rounds
 * half to even, as Python's {@code round}.
 */
final class ByteSizes {

    private static final String UNITS = "BKMGTPEZY";
    private static final Pattern SIZE = Pattern.compile("^\\s*(\\d*\\.?\\d*)\\s*([A-Za-z]+)?");

    private ByteSizes() {
    }

    /** {@code 1048576 | human_readable} → {@code 1.00 MB}; {@code isbits} → {@code Mb}; {@code unit} fixes the unit. */
    static String humanReadable(Object v, Args a) {
        Object value = Values.unwrap(v);
        if (!(value instanceof Number) && !(value instanceof Boolean)) {
            throw new FilterException("human_readable() failed on bad input: '>=' not supported between instances of '"
                    + TypeFilters.pythonType(value) + "' and 'int'");
        }
        double size = value instanceof Number n ? n.doubleValue() : ((Boolean) value ? 1 : 0);
        String base = a.bool(0, "isbits", false) ? "bits" : "Bytes";
        String unit = a.string(1, "unit", null);
        int power = UNITS.length() - 1;
        while (power > 0 && !(unit == null ? size >= Math.pow(1024, power)
                : !unit.isEmpty() && Character.toUpperCase(unit.charAt(0)) == UNITS.charAt(power))) {
            power--;
        }
        String suffix = power == 0 ? base : UNITS.charAt(power) + base.substring(0, 1);
        return String.format(Locale.ROOT, "%.2f %s", size / Math.pow(1024, power), suffix);
    }

    /** {@code '1.5 KB' | human_to_bytes} → 1536; a bare number takes {@code default_unit}. */
    static long humanToBytes(Object v, Args a) {
        String text = Values.str(Values.unwrap(v));
        Matcher m = SIZE.matcher(text);
        if (!m.find() || m.group(1).isEmpty() || m.group(1).equals(".")) throw cannotInterpret(text);
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) != null ? m.group(2) : a.string(0, "default_unit", null);
        if (unit == null || unit.isEmpty()) return roundHalfEven(amount);
        int power = UNITS.indexOf(Character.toUpperCase(unit.charAt(0)));
        if (power < 0) throw cannotInterpret(text);
        boolean bits = a.bool(1, "isbits", false);
        if (unit.length() > 1 && !unit.toLowerCase(Locale.ROOT).contains(bits ? "bit" : "byte")
                && unit.charAt(1) != (bits ? 'b' : 'B')) {
            throw cannotInterpret(text);
        }
        return roundHalfEven(amount * Math.pow(1024, power));
    }

    private static FilterException cannotInterpret(String text) {
        return new FilterException("human_to_bytes() can't interpret following string: " + text);
    }

    private static long roundHalfEven(double value) {
        return new BigDecimal(value).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
