package io.swarmplay.template.filters;

import com.hubspot.jinjava.lib.filter.Filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** regex_replace, regex_search, regex_findall, regex_escape, with Python's regex and replacement syntax. */
public final class RegexFilters {

    private static final Pattern PY_GROUP_REF = Pattern.compile("\\\\g<(\\w+)>|\\\\(\\d+)");

    private RegexFilters() {
    }

    public static List<Filter> all() {
        return List.of(
                AnsibleFilter.of("regex_replace", RegexFilters::replace),
                AnsibleFilter.of("regex_search", RegexFilters::search),
                AnsibleFilter.of("regex_findall", RegexFilters::findall),
                AnsibleFilter.of("regex_escape", RegexFilters::escapeFilter));
    }

    /** Compiles a Python regex: {@code (?P<n>)} and {@code (?P=n)} become Java's forms. */
    public static Pattern compile(String filter, String regex, boolean ignoreCase, boolean multiline) {
        String java = regex.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
        int flags = (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0) | (multiline ? Pattern.MULTILINE : 0);
        try {
            return Pattern.compile(java, flags);
        } catch (PatternSyntaxException e) {
            throw new FilterException(filter + " got an invalid regular expression '" + regex + "': " + pythonMessage(e));
        }
    }

    /** Python's {@code re.error} text for a pattern Java refuses, where the two name the same mistake. */
    public static String pythonMessage(PatternSyntaxException e) {
        if (e.getDescription().startsWith("Dangling meta character")) return "nothing to repeat at position " + Math.max(e.getIndex(), 0);
        if (e.getDescription().startsWith("Unclosed group")) return "missing ), unterminated subpattern at position 0";
        if (e.getDescription().startsWith("Unclosed character class")) return "unterminated character set at position " + Math.max(e.getIndex(), 0);
        return e.getDescription();
    }

    private static Pattern pattern(String filter, Args a) {
        return compile(filter, a.string(0, "pattern", ""), a.bool(-1, "ignorecase", false), a.bool(-1, "multiline", false));
    }

    /** {@code regex_replace(pattern, replacement='', ignorecase, multiline, count=0)}. */
    static Object replace(Object v, Args a) {
        Matcher m = pattern("regex_replace", a).matcher(Values.str(v));
        String replacement = javaReplacement(a.string(1, "replacement", ""));
        int count = a.integer(-1, "count", 0);
        StringBuilder out = new StringBuilder();
        int done = 0;
        while ((count == 0 || done < count) && m.find()) {
            m.appendReplacement(out, replacement);
            done++;
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Python's {@code \1} / {@code \g<name>} as Java's {@code $1} / {@code ${name}}, other text literal. */
    static String javaReplacement(String python) {
        StringBuilder out = new StringBuilder();
        Matcher m = PY_GROUP_REF.matcher(python);
        int last = 0;
        while (m.find()) {
            out.append(Matcher.quoteReplacement(python.substring(last, m.start())));
            String group = m.group(1) != null ? m.group(1) : m.group(2);
            out.append(group.chars().allMatch(Character::isDigit) ? "$" + group : "${" + group + "}");
            last = m.end();
        }
        return out.append(Matcher.quoteReplacement(python.substring(last))).toString();
    }

    /** The match, or with group arguments ({@code '\\1'}, {@code '\\g<name>'}) the list of those groups; None if no match. */
    static Object search(Object v, Args a) {
        Matcher m = pattern("regex_search", a).matcher(Values.str(v));
        if (!m.find()) return null;
        if (a.count() <= 1) return m.group();
        List<Object> groups = new ArrayList<>();
        Object[] args = a.positional();
        for (int i = 1; i < args.length; i++) {
            Matcher ref = PY_GROUP_REF.matcher(Values.str(args[i]));
            if (!ref.matches()) throw new FilterException("Unknown argument"); // Ansible's regex_search
            groups.add(ref.group(1) != null && !ref.group(1).chars().allMatch(Character::isDigit)
                    ? m.group(ref.group(1)) : m.group(Integer.parseInt(ref.group(1) != null ? ref.group(1) : ref.group(2))));
        }
        return groups;
    }

    /** Every match; with one group the group's text, with several a list per match (Python's findall). */
    static Object findall(Object v, Args a) {
        Matcher m = pattern("regex_findall", a).matcher(Values.str(v));
        List<Object> out = new ArrayList<>();
        while (m.find()) {
            if (m.groupCount() == 0) out.add(m.group());
            else if (m.groupCount() == 1) out.add(nullToEmpty(m.group(1)));
            else {
                List<Object> groups = new ArrayList<>();
                for (int g = 1; g <= m.groupCount(); g++) groups.add(nullToEmpty(m.group(g)));
                out.add(groups);
            }
        }
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Ansible's regex_escape: {@code re_type} python (re.escape) or posix_basic (BRE's specials). */
    static Object escapeFilter(Object v, Args a) {
        String type = a.string(0, "re_type", "python");
        if (type.equals("python")) return escape(Values.str(v));
        if (type.equals("posix_basic")) return Values.str(v).replaceAll("([\\].\\[^$*\\\\])", "\\\\$1");
        if (type.equals("posix_extended")) throw new FilterException("Regex type (" + type + ") not yet implemented");
        throw new FilterException("Invalid regex type (" + type + ")");
    }

    /** Python's re.escape. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != '_' && c < 128) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }
}
