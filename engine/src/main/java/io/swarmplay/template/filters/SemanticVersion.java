package io.swarmplay.template.filters;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic Versioning 2.0.0 as Ansible's {@code SemanticVersion}: major.minor.patch, then the
 * pre-release identifiers (a numeric one sorts before an alphanumeric one); build metadata is ignored.
 */
final class SemanticVersion {

    private static final String NUMBER = "(?:0|[1-9]\\d*)";
    private static final String PRE_ID = "(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";
    private static final Pattern FORM = Pattern.compile("^(" + NUMBER + ")\\.(" + NUMBER + ")\\.(" + NUMBER + ")"
            + "(?:-(" + PRE_ID + "(?:\\." + PRE_ID + ")*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    private SemanticVersion() {
    }

    static int compare(String a, String b) {
        Matcher x = parse(a);
        Matcher y = parse(b);
        for (int group = 1; group <= 3; group++) {
            int c = new BigInteger(x.group(group)).compareTo(new BigInteger(y.group(group)));
            if (c != 0) return c;
        }
        if (x.group(4) == null || y.group(4) == null) {
            return x.group(4) == null ? (y.group(4) == null ? 0 : 1) : -1;
        }
        return Versions.lexicographic(List.of(x.group(4).split("\\.")), List.of(y.group(4).split("\\.")),
                SemanticVersion::compareIdentifier);
    }

    private static int compareIdentifier(String p, String q) {
        boolean pNumeric = p.chars().allMatch(Character::isDigit);
        boolean qNumeric = q.chars().allMatch(Character::isDigit);
        if (pNumeric && qNumeric) return new BigInteger(p).compareTo(new BigInteger(q));
        if (pNumeric != qNumeric) return pNumeric ? -1 : 1;
        return p.compareTo(q);
    }

    private static Matcher parse(String v) {
        Matcher m = FORM.matcher(v);
        if (!m.matches()) throw new FilterException("invalid semantic version '" + v + "'");
        return m;
    }
}
