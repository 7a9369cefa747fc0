package io.swarmplay.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A parsed host pattern, as Ansible reads them: terms separated by {@code ,} or {@code :}; a term is
 * a group or host name, {@code all} / {@code *}, a glob ({@code web*}), a regex ({@code ~web\d+}),
 * optionally with a subscript ({@code web[0]}, {@code web[-1]}, {@code web[0:2]} — the end is
 * <em>inclusive</em>, {@code web[1:]} runs to the last host). {@code &term} intersects and
 * {@code !term} excludes; like Ansible, plain terms are applied first, then intersections, then
 * exclusions, whatever order they were written in. A pattern with only {@code &}/{@code !} terms
 * starts from {@code all}. A pattern that matches nothing selects no hosts.
 */
public final class HostPattern {

    private enum Op { UNION, INTERSECT, EXCLUDE }

    /** One term; {@code start}/{@code end} form the subscript (end null: single index). */
    private record Term(Op op, String text, Pattern matcher, boolean literal, Integer index, Integer start, Integer end) {
    }

    private static final Pattern SPLIT = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");
    private static final Pattern SUBSCRIPT = Pattern.compile("^(.+)\\[(?:(-?[0-9]+)|([0-9]+)[:-]([0-9]*))\\]$");

    private final String text;
    private final List<Term> terms;

    private HostPattern(String text, List<Term> terms) {
        this.text = text;
        this.terms = List.copyOf(terms);
    }

    /**
     * Parses {@code text} once.
     *
     * @throws IllegalArgumentException "bad host pattern '...': ..." for an empty pattern, a lone
     *                                  {@code &}/{@code !} or an invalid regex
     */
    public static HostPattern parse(String text) {
        if (text == null || text.isBlank()) throw bad(String.valueOf(text), "it is empty; use 'all' for every host");
        List<Term> terms = new ArrayList<>();
        for (String part : split(text)) terms.add(term(text, part));
        terms.sort(Comparator.comparing(Term::op));
        if (terms.get(0).op() != Op.UNION) terms.add(0, term(text, Inventory.ALL));
        return new HostPattern(text, terms);
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        for (String piece : text.split(",")) {
            Matcher m = SPLIT.matcher(piece.strip());
            while (m.find()) parts.add(m.group());
        }
        if (parts.isEmpty()) throw bad(text, "it has no terms");
        return parts;
    }

    private static Term term(String whole, String part) {
        Op op = part.startsWith("&") ? Op.INTERSECT : part.startsWith("!") ? Op.EXCLUDE : Op.UNION;
        String body = op == Op.UNION ? part : part.substring(1);
        if (body.isEmpty()) throw bad(whole, "'" + part + "' needs a group or host name after it");
        if (body.startsWith("~")) return new Term(op, body, regex(whole, body.substring(1)), false, null, null, null);
        Matcher sub = SUBSCRIPT.matcher(body);
        if (!sub.matches()) return new Term(op, body, glob(body), isLiteral(body), null, null, null);
        String name = sub.group(1);
        if (sub.group(2) != null) {
            return new Term(op, name, glob(name), isLiteral(name), index(whole, sub.group(2)), null, null);
        }
        Integer end = sub.group(4).isEmpty() ? -1 : index(whole, sub.group(4));
        return new Term(op, name, glob(name), isLiteral(name), null, index(whole, sub.group(3)), end);
    }

    private static Integer index(String whole, String digits) {
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            throw bad(whole, "index " + digits + " is too large");
        }
    }

    private static Pattern regex(String whole, String expression) {
        try {
            return Pattern.compile(expression);
        } catch (PatternSyntaxException e) {
            throw bad(whole, "'~" + expression + "' is not a valid regular expression (" + e.getDescription() + ")");
        }
    }

    private static boolean isLiteral(String name) {
        return name.chars().noneMatch(c -> c == '*' || c == '?' || c == '[' || c == '.');
    }

    /** fnmatch's translation: {@code *}, {@code ?}, {@code [..]} and {@code [!..]}. */
    private static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (c == '*') re.append(".*");
            else if (c == '?') re.append('.');
            else if (close > 0) {
                String set = glob.substring(i + 1, close);
                re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                i = close;
            } else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }

    private static IllegalArgumentException bad(String pattern, String why) {
        return new IllegalArgumentException("bad host pattern '" + pattern + "': " + why);
    }

    /** The hosts of {@code inventory} this pattern selects, in inventory order. */
    List<Host> select(Inventory inventory) {
        Set<Host> selected = new LinkedHashSet<>();
        for (Term t : terms) {
            List<Host> matched = match(t, inventory);
            switch (t.op()) {
                case UNION -> selected.addAll(matched);
                case INTERSECT -> selected.retainAll(matched);
                case EXCLUDE -> matched.forEach(selected::remove);
            }
        }
        List<Host> ordered = new ArrayList<>(selected);
        ordered.sort(Comparator.comparingInt(inventory::order));
        return ordered;
    }

    /**
     * The terms, as written without {@code &}/{@code !} and subscript, that match no host of
     * {@code inventory}: the likely typos of a {@code --limit}.
     */
    public List<String> unmatchedTerms(Inventory inventory) {
        return terms.stream().filter(t -> match(t, inventory).isEmpty()).map(Term::text).distinct().toList();
    }

    private static List<Host> match(Term t, Inventory inventory) {
        Set<Host> found = new LinkedHashSet<>();
        List<String> groups = matching(t, inventory.groups().keySet());
        if (t.text().equals("*")) groups = List.of(Inventory.ALL);
        for (String g : groups) found.addAll(inventory.hostsOf(g));
        if (groups.isEmpty() || !t.literal()) {
            List<String> names = matching(t, inventory.hosts().stream().map(Host::name).toList());
            for (String n : names) inventory.host(n).ifPresent(found::add);
        }
        if (found.isEmpty() && Inventory.LOCALHOST_NAMES.contains(t.text())) inventory.host(t.text()).ifPresent(found::add);
        return subscript(t, new ArrayList<>(found));
    }

    private static List<String> matching(Term t, Iterable<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            boolean hit = t.literal() ? name.equals(t.text())
                    : t.text().startsWith("~") ? t.matcher().matcher(name).lookingAt() : t.matcher().matcher(name).matches();
            if (hit) out.add(name);
        }
        return out;
    }

    /** Ansible's {@code _apply_subscript}: {@code [i]} picks one host, {@code [a:b]} includes b. */
    private static List<Host> subscript(Term t, List<Host> hosts) {
        if (t.index() != null) {
            int i = t.index() < 0 ? hosts.size() + t.index() : t.index();
            return i >= 0 && i < hosts.size() ? List.of(hosts.get(i)) : List.of();
        }
        if (t.start() == null) return hosts;
        if (t.end() == 0) return t.start() < hosts.size() ? List.of(hosts.get(t.start())) : List.of();
        int end = t.end() == -1 ? hosts.size() - 1 : t.end();
        int from = Math.min(t.start(), hosts.size());
        return hosts.subList(from, Math.max(from, Math.min(end + 1, hosts.size())));
    }
}
