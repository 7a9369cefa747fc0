package io.swarmplay.template.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loose version comparison (Python's LooseVersion): numeric parts by value, other parts as text. */
final class Versions {

    private static final Pattern PART = Pattern.compile("\\d+|[a-zA-Z]+");

    private Versions() {
    }

    static int compare(String a, String b) {
        List<String> x = parts(a);
        List<String> y = parts(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = comparePart(x.get(i), y.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(x.size(), y.size());
    }

    private static int comparePart(String p, String q) {
        boolean pn = Character.isDigit(p.charAt(0));
        boolean qn = Character.isDigit(q.charAt(0));
        if (pn && qn) return new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q));
        if (pn != qn) return pn ? 1 : -1; // a release number sorts after a pre-release tag (1.0.1 > 1.0rc1)
        return p.compareTo(q);
    }

    private static List<String> parts(String v) {
        List<String> out = new ArrayList<>();
        Matcher m = PART.matcher(v);
        while (m.find()) out.add(m.group());
        return out;
    }
}
