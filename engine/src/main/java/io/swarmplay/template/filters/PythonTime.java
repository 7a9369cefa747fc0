package io.swarmplay.template.filters;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's {@code strftime} and {@code strptime} directives (C locale) over {@link LocalDateTime}. */
public final class PythonTime {

    private PythonTime() {
    }

    /** {@code time.strftime(fmt, t)}: every {@code %x} directive replaced; unknown ones kept as written. */
    public static String format(String fmt, LocalDateTime t) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 == fmt.length()) {
                out.append(c);
                continue;
            }
            char d = fmt.charAt(++i);
            String v = directive(d, t);
            out.append(v == null ? "%" + d : v);
        }
        return out.toString();
    }

    private static String directive(char d, LocalDateTime t) {
        return switch (d) {
            case 'Y' -> String.valueOf(t.getYear());
            case 'y' -> two(t.getYear() % 100);
            case 'm' -> two(t.getMonthValue());
            case 'd' -> two(t.getDayOfMonth());
            case 'e' -> String.format("%2d", t.getDayOfMonth());
            case 'H' -> two(t.getHour());
            case 'I' -> two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
            case 'M' -> two(t.getMinute());
            case 'S' -> two(t.getSecond());
            case 'f' -> String.format("%06d", t.getNano() / 1000);
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case 'w' -> String.valueOf(t.getDayOfWeek().getValue() % 7);
            case 'u' -> String.valueOf(t.getDayOfWeek().getValue());
            case 's' -> String.valueOf(t.atZone(ZoneId.systemDefault()).toEpochSecond());
            case 'z' -> t.atZone(ZoneId.systemDefault()).getOffset().getId().replace(":", "").replace("Z", "+0000");
            case 'Z' -> t.atZone(ZoneId.systemDefault()).getZone().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case 'F' -> format("%Y-%m-%d", t);
            case 'T' -> format("%H:%M:%S", t);
            case 'D' -> format("%m/%d/%y", t);
            case 'c' -> format("%a %b %e %H:%M:%S %Y", t);
            case 'x' -> format("%m/%d/%y", t);
            case 'X' -> format("%H:%M:%S", t);
            case 'n' -> "\n";
            case 't' -> "\t";
            case '%' -> "%";
            default -> null;
        };
    }

    private static String two(int n) {
        return String.format("%02d", n);
    }

    /** The local time of an epoch second (UTC when {@code utc}). */
    public static LocalDateTime ofEpoch(double seconds, boolean utc) {
        long whole = (long) Math.floor(seconds);
        int nanos = (int) Math.round((seconds - whole) * 1e6) * 1000;
        ZoneId zone = utc ? ZoneOffset.UTC : ZoneId.systemDefault();
        return LocalDateTime.ofEpochSecond(whole, nanos, zone.getRules().getOffset(java.time.Instant.ofEpochSecond(whole)));
    }

    /** The current time, local or UTC. */
    public static LocalDateTime now(boolean utc) {
        return LocalDateTime.now(utc ? ZoneOffset.UTC : ZoneId.systemDefault());
    }

    private static final Pattern DIRECTIVE = Pattern.compile("%(.)");

    /** {@code datetime.strptime(text, fmt)}; throws {@link FilterException} as Python's ValueError does. */
    public static LocalDateTime parse(String text, String fmt) {
        List<Character> order = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = DIRECTIVE.matcher(fmt);
        int from = 0;
        while (m.find()) {
            regex.append(Pattern.quote(fmt.substring(from, m.start())));
            char d = m.group(1).charAt(0);
            String group = parseGroup(d);
            if (group == null) throw new FilterException("'" + d + "' is a bad directive in format '" + fmt + "'");
            regex.append(group);
            if (d != '%') order.add(d);
            from = m.end();
        }
        regex.append(Pattern.quote(fmt.substring(from)));
        Matcher v = Pattern.compile(regex.toString().replace("\\Q\\E", "")).matcher(text);
        if (!v.matches()) throw new FilterException("time data '" + text + "' does not match format '" + fmt + "'");
        return build(order, v, text, fmt);
    }

    private static String parseGroup(char d) {
        return switch (d) {
            case 'Y' -> "(\\d{4})";
            case 'm', 'd', 'H', 'M', 'S', 'y', 'I' -> "(\\d{1,2})";
            case 'f' -> "(\\d{1,6})";
            case 'j' -> "(\\d{1,3})";
            case 'p' -> "(AM|PM|am|pm)";
            case 'b', 'B', 'a', 'A' -> "([A-Za-z]+)";
            case 'z' -> "([+-]\\d{4}|Z)";
            case '%' -> "%";
            default -> null;
        };
    }

    private static LocalDateTime build(List<Character> order, Matcher v, String text, String fmt) {
        int[] f = {1900, 1, 1, 0, 0, 0, 0};
        boolean pm = false;
        for (int g = 0; g < order.size(); g++) {
            String s = v.group(g + 1);
            switch (order.get(g)) {
                case 'Y' -> f[0] = Integer.parseInt(s);
                case 'y' -> f[0] = Integer.parseInt(s) + (Integer.parseInt(s) < 69 ? 2000 : 1900);
                case 'm' -> f[1] = Integer.parseInt(s);
                case 'b', 'B' -> f[1] = month(s, text, fmt);
                case 'd' -> f[2] = Integer.parseInt(s);
                case 'H', 'I' -> f[3] = Integer.parseInt(s);
                case 'M' -> f[4] = Integer.parseInt(s);
                case 'S' -> f[5] = Integer.parseInt(s);
                case 'f' -> f[6] = Integer.parseInt((s + "00000").substring(0, 6));
                case 'p' -> pm = s.equalsIgnoreCase("pm");
                default -> { } // %a, %j, %z: read, not used
            }
        }
        if (pm && f[3] < 12) f[3] += 12;
        try {
            return LocalDateTime.of(f[0], f[1], f[2], f[3], f[4], f[5], f[6] * 1000);
        } catch (java.time.DateTimeException e) {
            throw new FilterException("time data '" + text + "' does not match format '" + fmt + "'");
        }
    }

    private static int month(String name, String text, String fmt) {
        for (java.time.Month mo : java.time.Month.values()) {
            String full = mo.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            if (full.equalsIgnoreCase(name) || full.substring(0, 3).equalsIgnoreCase(name)) return mo.getValue();
        }
        throw new FilterException("time data '" + text + "' does not match format '" + fmt + "'");
    }
}
