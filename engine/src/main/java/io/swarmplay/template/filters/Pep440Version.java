package io.swarmplay.template.filters;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 440 versions as Python's {@code packaging.version.Version} reads and orders them: epoch,
 * release (trailing zeros ignored), then pre-release (a &lt; b &lt; rc &lt; none; a dev-only release
 * before all), post-release, dev-release (before its release) and the local label.
 */
final class Pep440Version {

    private static final Pattern FORM = Pattern.compile("^\\s*v?+"
            + "(?:(?:(?<epoch>[0-9]+)!)?+(?<release>[0-9]+(?:\\.[0-9]+)*+)"
            + "(?<pre>[._-]?+(?<prel>alpha|a|beta|b|preview|pre|c|rc)[._-]?+(?<pren>[0-9]+)?)?+"
            + "(?<post>(?:-(?<postn1>[0-9]+))|(?:[._-]?(?<postl>post|rev|r)[._-]?(?<postn2>[0-9]+)?))?+"
            + "(?<dev>[._-]?+(?<devl>dev)[._-]?+(?<devn>[0-9]+)?)?+)"
            + "(?:\\+(?<local>[a-z0-9]+(?:[._-][a-z0-9]+)*+))?+\\s*$", Pattern.CASE_INSENSITIVE);

    /** Pre-release ranks: dev-only, a, b, rc, none. */
    private static final Map<String, Integer> PRE_RANK = Map.of("a", 0, "alpha", 0, "b", 1, "beta", 1,
            "c", 2, "rc", 2, "pre", 2, "preview", 2);
    private static final int DEV_ONLY = -1;
    private static final int NO_PRE = 3;

    private Pep440Version() {
    }

    static int compare(String a, String b) {
        Key x = parse(a);
        Key y = parse(b);
        int c = x.epoch.compareTo(y.epoch);
        if (c == 0) c = Versions.lexicographic(x.release, y.release, Comparator.naturalOrder());
        if (c == 0) c = Versions.lexicographic(x.suffix, y.suffix, Comparator.naturalOrder());
        if (c == 0) c = compareLocal(x.local, y.local);
        return c;
    }

    /** The comparison key: epoch, trimmed release, (pre rank, pre n, has post, post n, no dev, dev n), local parts or null. */
    private record Key(BigInteger epoch, List<BigInteger> release, List<BigInteger> suffix, List<Object> local) {
    }

    private static Key parse(String v) {
        Matcher m = FORM.matcher(v);
        if (!m.matches()) throw new FilterException("Invalid version: " + Values.repr(v));
        BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
        return new Key(epoch, release(m.group("release")), suffix(m), local(m.group("local")));
    }

    private static List<BigInteger> release(String text) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("\\.")) parts.add(new BigInteger(part));
        while (!parts.isEmpty() && parts.get(parts.size() - 1).signum() == 0) parts.remove(parts.size() - 1);
        return parts;
    }

    private static List<BigInteger> suffix(Matcher m) {
        boolean pre = m.group("pre") != null;
        boolean post = m.group("post") != null;
        boolean dev = m.group("dev") != null;
        int preRank = pre ? PRE_RANK.get(m.group("prel").toLowerCase()) : (!post && dev ? DEV_ONLY : NO_PRE);
        String postN = m.group("postn1") != null ? m.group("postn1") : m.group("postn2");
        return List.of(BigInteger.valueOf(preRank), number(pre ? m.group("pren") : null),
                BigInteger.valueOf(post ? 1 : 0), number(post ? postN : null),
                BigInteger.valueOf(dev ? 0 : 1), number(dev ? m.group("devn") : null));
    }

    private static BigInteger number(String digits) {
        return digits == null ? BigInteger.ZERO : new BigInteger(digits);
    }

    /** The local label's parts: numbers, and lower-cased words that sort before any number. */
    private static List<Object> local(String text) {
        if (text == null) return null;
        List<Object> parts = new ArrayList<>();
        for (String part : text.split("[._-]")) {
            parts.add(part.chars().allMatch(Character::isDigit) ? new BigInteger(part) : part.toLowerCase());
        }
        return parts;
    }

    private static int compareLocal(List<Object> x, List<Object> y) {
        if (x == null || y == null) return x == null ? (y == null ? 0 : -1) : 1;
        return Versions.lexicographic(x, y, Pep440Version::compareLocalPart);
    }

    private static int compareLocalPart(Object p, Object q) {
        if (p instanceof BigInteger m && q instanceof BigInteger n) return m.compareTo(n);
        if (p instanceof String s && q instanceof String t) return s.compareTo(t);
        return p instanceof String ? -1 : 1;
    }
}
