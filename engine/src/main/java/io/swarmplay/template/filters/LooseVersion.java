package io.swarmplay.template.filters;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * distutils' LooseVersion as Ansible ships it: the string split into numbers, runs of lowercase
 * letters and whatever lies between (dots dropped); compared as Python 3 lists, so a number met by
 * text at the first difference is an error ({@code '<' not supported between instances of 'int' and 'str'}).
 */
final class LooseVersion {

    private static final Pattern COMPONENT = Pattern.compile("\\d+|[a-z]+|\\.");

    private LooseVersion() {
    }

    static int compare(String a, String b) {
        return Versions.lexicographic(parse(a), parse(b), LooseVersion::compareParts);
    }

    private static int compareParts(Object p, Object q) {
        if (p.equals(q)) return 0;
        if (p instanceof BigInteger m && q instanceof BigInteger n) return m.compareTo(n);
        if (p instanceof String s && q instanceof String t) return s.compareTo(t);
        throw new FilterException("'<' not supported between instances of '" + type(p) + "' and '" + type(q) + "'");
    }

    private static String type(Object part) {
        return part instanceof BigInteger ? "int" : "str";
    }

    /** Python's {@code component_re.split}: the matches and the text between them, without empty parts and dots. */
    static List<Object> parse(String v) {
        List<Object> parts = new ArrayList<>();
        Matcher m = COMPONENT.matcher(v);
        int last = 0;
        while (m.find()) {
            add(parts, v.substring(last, m.start()));
            add(parts, m.group());
            last = m.end();
        }
        add(parts, v.substring(last));
        return parts;
    }

    private static void add(List<Object> parts, String part) {
        if (part.isEmpty() || part.equals(".")) return;
        parts.add(Character.isDigit(part.charAt(0)) ? new BigInteger(part) : part);
    }
}
