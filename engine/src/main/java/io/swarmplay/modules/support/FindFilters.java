package io.swarmplay.modules.support;

import io.swarmplay.module.ModuleException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filters of Ansible's {@code find}: names by {@code fnmatch} globs or Python regexes (matched
 * at the start), age and size with their units (negative: at most), and content line by line or whole.
 */
public final class FindFilters {

    private static final Pattern AGE = Pattern.compile("^(-?\\d+)([smhdw])?$");
    private static final Pattern SIZE = Pattern.compile("^(-?\\d+)([bkmgt])?$");
    private static final Map<String, Long> SECONDS = Map.of("s", 1L, "m", 60L, "h", 3600L, "d", 86400L, "w", 604800L);
    private static final Map<String, Long> BYTES = Map.of("b", 1L, "k", 1024L, "m", 1024L * 1024, "g", 1024L * 1024 * 1024,
            "t", 1024L * 1024 * 1024 * 1024);

    private final List<Pattern> patterns;
    private final List<Pattern> excludes;
    private final boolean regex;
    private final Long age;
    private final Long size;
    private final Pattern contains;
    private final boolean wholeFile;

    private FindFilters(List<Pattern> patterns, List<Pattern> excludes, boolean regex, Long age, Long size,
                        Pattern contains, boolean wholeFile) {
        this.patterns = patterns;
        this.excludes = excludes;
        this.regex = regex;
        this.age = age;
        this.size = size;
        this.contains = contains;
        this.wholeFile = wholeFile;
    }

    /** The filters from find's arguments; a bad age or size fails as Ansible's does. */
    public static FindFilters of(List<String> patterns, List<String> excludes, boolean useRegex, String age, String size,
                                 String contains, boolean wholeFile) {
        List<String> names = patterns == null || patterns.isEmpty() ? List.of(useRegex ? ".*" : "*") : patterns;
        return new FindFilters(compile(names, useRegex), compile(excludes == null ? List.of() : excludes, useRegex), useRegex,
                amount(age, AGE, SECONDS, "age"), amount(size, SIZE, BYTES, "size"),
                contains == null ? null : PythonRegex.compile(contains, 0), wholeFile);
    }

    private static List<Pattern> compile(List<String> patterns, boolean useRegex) {
        return patterns.stream().map(p -> useRegex ? PythonRegex.compile(p, 0) : glob(p)).toList();
    }

    private static Long amount(String value, Pattern format, Map<String, Long> units, String what) {
        if (value == null) return null;
        Matcher m = format.matcher(value.toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) throw new ModuleException("failed to process " + what, Map.of(what, value));
        return Long.parseLong(m.group(1)) * (m.group(2) == null ? 1 : units.get(m.group(2)));
    }

    /** Python's {@code fnmatch.translate}: the whole name, {@code *} {@code ?} {@code [seq]} {@code [!seq]}. */
    static Pattern glob(String glob) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (c == '*') {
                out.append(".*");
            } else if (c == '?') {
                out.append('.');
            } else if (close > 0) {
                String set = glob.substring(i + 1, close).replace("\\", "\\\\");
                out.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                i = close;
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(out.toString(), Pattern.DOTALL);
    }

    /** A pattern matches the name and no exclude does. */
    public boolean name(String name) {
        if (patterns.stream().noneMatch(p -> matches(p, name))) return false;
        return excludes.stream().noneMatch(p -> matches(p, name));
    }

    private boolean matches(Pattern p, String name) {
        return regex ? p.matcher(name).lookingAt() : p.matcher(name).matches();
    }

    /** At least {@code age} seconds old at {@code now}, or for a negative age at most that old. */
    public boolean age(long now, double stamp) {
        if (age == null) return true;
        double old = now - stamp;
        return age >= 0 ? old >= age : old <= -age;
    }

    public boolean size(long bytes) {
        if (size == null) return true;
        return size >= 0 ? bytes >= size : bytes <= -size;
    }

    /** Whether the content (read only when needed) matches {@code contains}; an unreadable file does not. */
    public boolean content(Supplier<byte[]> read) {
        if (contains == null) return true;
        String text;
        try {
            text = new String(read.get(), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return false;
        }
        if (wholeFile) return contains.matcher(text).find();
        return text.lines().anyMatch(line -> contains.matcher(line).lookingAt());
    }
}
