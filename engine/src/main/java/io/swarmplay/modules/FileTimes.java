package io.swarmplay.modules;

import io.swarmplay.module.ModuleException;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code file} module's {@code access_time}/{@code modification_time} as Ansible's
 * {@code get_timestamp_for_time} reads them: {@code preserve} (null: the default, except for
 * {@code touch}, where it is {@code now}), {@code now} ({@link #NOW}), or a time in
 * {@code %Y%m%d%H%M.%S} read in local time ({@code time.mktime}) as seconds.
 */
final class FileTimes {

    static final String FORMAT = "%Y%m%d%H%M.%S";
    /** {@code now}: Ansible's Sentinel. */
    static final Double NOW = Double.NaN;
    private static final Pattern STAMP = Pattern.compile("(\\d{12})\\.(\\d{1,2})");
    private static final DateTimeFormatter TOUCH = DateTimeFormatter.ofPattern("yyyyMMddHHmm.ss");

    private FileTimes() {
    }

    /** Ansible's {@code keep_backward_compatibility_on_timestamps}, then {@code get_timestamp_for_time}. */
    static Double of(String value, String format, String state) {
        String given = value != null ? value : state.equals("touch") ? "now" : "preserve";
        if (given.equals("preserve")) return null;
        if (given.equals("now")) return NOW;
        if (!format.equals(FORMAT)) throw new ModuleException("time format '" + format + "' is not supported; use " + FORMAT);
        return (double) LocalDateTime.parse(touchStamp(given), TOUCH).atZone(ZoneId.systemDefault()).toEpochSecond();
    }

    /** Seconds as {@code touch -d @} takes them. */
    static String epoch(double seconds) {
        return new BigDecimal(seconds).stripTrailingZeros().toPlainString();
    }

    /** {@code value} read as Python's strptime reads {@link #FORMAT} (one or two digits of seconds), as touch -t takes it. */
    static String touchStamp(String value) {
        Matcher m = STAMP.matcher(value);
        if (!m.matches() || Integer.parseInt(m.group(2)) > 61) {
            throw new ModuleException("Error while obtaining timestamp for time " + value + " using format " + FORMAT);
        }
        return m.group(1) + "." + (m.group(2).length() == 1 ? "0" : "") + m.group(2);
    }
}
