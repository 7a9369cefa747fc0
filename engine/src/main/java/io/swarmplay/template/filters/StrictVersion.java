package io.swarmplay.template.filters;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** distutils' StrictVersion: {@code N.N[.N][{a|b}N]}; a pre-release sorts before its release. */
final class StrictVersion {

    private static final Pattern FORM = Pattern.compile("^(\\d+)\\.(\\d+)(\\.(\\d+))?([ab](\\d+))?$");

    private StrictVersion() {
    }

    static int compare(String a, String b) {
        long[] x = parse(a);
        long[] y = parse(b);
        int core = Arrays.compare(x, 0, 3, y, 0, 3);
        if (core != 0) return core;
        boolean xPre = x[3] != 0;
        boolean yPre = y[3] != 0;
        if (xPre != yPre) return xPre ? -1 : 1;
        return Arrays.compare(x, 3, 5, y, 3, 5);
    }

    /** major, minor, patch, pre-release letter (0 when none), pre-release number. */
    private static long[] parse(String v) {
        Matcher m = FORM.matcher(v);
        if (!m.matches()) throw new FilterException("invalid version number '" + v + "'");
        long patch = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
        long letter = m.group(5) == null ? 0 : m.group(5).charAt(0);
        long number = m.group(6) == null ? 0 : Long.parseLong(m.group(6));
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), patch, letter, number};
    }
}
