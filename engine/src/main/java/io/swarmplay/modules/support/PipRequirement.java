package io.swarmplay.modules.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One requirement the {@code pip} module is given ({@code passlib}, {@code psutil==5.8.0},
 * {@code 'six>=1.10,<2'}): the canonical package name (PEP 503: lower case, runs of {@code -_.}
 * as one {@code -}) and the version clauses, checked against an installed version as Ansible's
 * {@code _is_present} does with {@code Requirement.is_satisfied_by}.
 */
public record PipRequirement(String text, String packageName, List<Clause> clauses) {

    /** One {@code OP VERSION} clause; {@code ==} may end in {@code .*}. */
    public record Clause(String op, String version) {
    }

    private static final Pattern NAME = Pattern.compile("\\s*([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[[^]]*])?\\s*(.*)");
    private static final Pattern CLAUSE = Pattern.compile("\\s*(===|==|!=|~=|>=|<=|>|<)\\s*([^,;\\s]+)\\s*");

    /** Parses {@code text}; null when it is no plain requirement (a URL, a path, a VCS link). */
    public static PipRequirement parse(String text) {
        Matcher m = NAME.matcher(text);
        if (!m.matches() || text.contains("://") || text.contains("/")) return null;
        String rest = m.group(2).split(";", 2)[0].strip();
        List<Clause> clauses = new ArrayList<>();
        if (!rest.isEmpty()) {
            for (String part : rest.split(",")) {
                Matcher c = CLAUSE.matcher(part);
                if (!c.matches()) return null;
                clauses.add(new Clause(c.group(1), c.group(2)));
            }
        }
        return new PipRequirement(text, canonical(m.group(1)), List.copyOf(clauses));
    }

    public static String canonical(String name) {
        return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }

    /** Whether one of {@code installed} (canonical name → version) satisfies every clause. */
    public boolean isPresentIn(Map<String, String> installed) {
        String version = installed.get(packageName);
        return version != null && clauses.stream().allMatch(c -> satisfies(version, c));
    }

    private static boolean satisfies(String installed, Clause clause) {
        String wanted = clause.version();
        if (clause.op().equals("===")) return installed.equals(wanted);
        if (wanted.endsWith(".*") && (clause.op().equals("==") || clause.op().equals("!="))) {
            String prefix = wanted.substring(0, wanted.length() - 1);
            boolean match = (installed + ".").startsWith(prefix);
            return clause.op().equals("==") == match;
        }
        int cmp = compare(installed, wanted);
        return switch (clause.op()) {
            case "==" -> cmp == 0;
            case "!=" -> cmp != 0;
            case ">=" -> cmp >= 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case "<" -> cmp < 0;
            default -> cmp >= 0 && compare(installed, compatibleBound(wanted)) < 0; // ~=
        };
    }

    // ~=1.4.5 means >=1.4.5, ==1.4.*: below 1.5
    private static String compatibleBound(String version) {
        List<String> parts = new ArrayList<>(List.of(release(version).split("\\.")));
        if (parts.size() > 1) parts.remove(parts.size() - 1);
        int last = parts.size() - 1;
        parts.set(last, String.valueOf(Long.parseLong(parts.get(last)) + 1));
        return String.join(".", parts);
    }

    /** Compares release numbers part by part (missing parts are 0); a pre-release sorts before its release. */
    public static int compare(String a, String b) {
        String[] x = release(a).split("\\.");
        String[] y = release(b).split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? number(x[i]) : 0;
            long q = i < y.length ? number(y[i]) : 0;
            if (p != q) return Long.compare(p, q);
        }
        String sa = a.substring(release(a).length());
        String sb = b.substring(release(b).length());
        if (sa.isEmpty() || sb.isEmpty()) return sa.isEmpty() ? (sb.isEmpty() ? 0 : suffixRank(sb)) : -suffixRank(sa);
        return sa.compareTo(sb);
    }

    // a release without suffix sorts after a pre-release (a, b, rc, dev) and before a post-release
    private static int suffixRank(String suffix) {
        return suffix.matches("[._-]?(post|rev|r)[._-]?\\d*") ? -1 : 1;
    }

    private static String release(String version) {
        Matcher m = Pattern.compile("v?(\\d+(?:\\.\\d+)*)").matcher(version);
        return m.lookingAt() ? version.substring(0, m.end()) : "0";
    }

    private static long number(String part) {
        String digits = part.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
