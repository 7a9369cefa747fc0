package io.swarmplay.modules.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads each section of {@link HostFacts}'s probe into facts named as Ansible names them. */
final class FactSections {

    private FactSections() {
    }

    static void platform(List<String> uname, List<String> fqdn, Map<String, Object> facts) {
        String node = HostFacts.line(uname, 0);
        facts.put("nodename", node);
        facts.put("hostname", node.split("\\.")[0]);
        String full = HostFacts.first(fqdn, node);
        facts.put("fqdn", full);
        facts.put("domain", full.contains(".") ? full.substring(full.indexOf('.') + 1) : "");
        facts.put("system", HostFacts.line(uname, 1));
        facts.put("kernel", HostFacts.line(uname, 2));
        facts.put("machine", HostFacts.line(uname, 3));
        facts.put("architecture", HostFacts.line(uname, 3).matches("i[3-6]86") ? "i386" : HostFacts.line(uname, 3));
        facts.put("kernel_version", HostFacts.line(uname, 4));
    }

    static void user(List<String> user, Map<String, Object> facts) {
        facts.put("user_id", HostFacts.line(user, 0));
        facts.put("user_uid", number(HostFacts.line(user, 1)));
        facts.put("user_gid", number(HostFacts.line(user, 2)));
        String[] passwd = HostFacts.line(user, 3).split(":", -1);
        facts.put("user_gecos", passwd.length > 0 ? passwd[0] : "");
        facts.put("user_dir", passwd.length > 1 ? passwd[1] : "");
        facts.put("user_shell", passwd.length > 2 ? passwd[2] : "");
    }

    static void distribution(List<String> osRelease, List<String> debianVersion, Map<String, Object> facts) {
        Map<String, String> release = new LinkedHashMap<>();
        for (String line : osRelease == null ? List.<String>of() : osRelease) {
            int eq = line.indexOf('=');
            if (eq > 0) release.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^\"|\"$", ""));
        }
        Distribution d = Distribution.of(release.getOrDefault("ID", "unknown"), release.getOrDefault("VERSION_ID", ""),
                HostFacts.first(debianVersion, ""));
        facts.put("distribution", d.name());
        facts.put("distribution_version", d.version());
        facts.put("distribution_major_version", d.majorVersion());
        facts.put("distribution_release", release.getOrDefault("VERSION_CODENAME", "NA"));
        facts.put("os_family", d.osFamily());
    }

    static Map<String, Object> env(List<String> lines) {
        Map<String, Object> env = new LinkedHashMap<>();
        String last = null;
        for (String line : lines == null ? List.<String>of() : lines) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                last = line.substring(0, eq);
                env.put(last, line.substring(eq + 1));
            } else if (last != null) {
                env.put(last, env.get(last) + "\n" + line); // a value that spans lines
            }
        }
        return env;
    }

    /** The interpreter's path and its {@code -V} line, e.g. {@code Python 3.11.2} or {@code Python 3.13.0rc1}. */
    static void python(List<String> lines, Map<String, Object> facts) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Python (\\d+)\\.(\\d+)\\.(\\d+)([a-z]+)?(\\d+)?")
                .matcher(HostFacts.line(lines, 1));
        if (!m.find()) return;
        String level = m.group(4) == null ? "final" : switch (m.group(4)) {
            case "a" -> "alpha";
            case "b" -> "beta";
            case "rc" -> "candidate";
            default -> m.group(4);
        };
        Object serial = m.group(5) == null ? 0L : number(m.group(5));
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("major", number(m.group(1)));
        version.put("minor", number(m.group(2)));
        version.put("micro", number(m.group(3)));
        version.put("releaselevel", level);
        version.put("serial", serial);
        Map<String, Object> python = new LinkedHashMap<>();
        python.put("executable", HostFacts.line(lines, 0));
        python.put("has_sslcontext", true);
        python.put("type", "CPython");
        python.put("version", version);
        python.put("version_info", new ArrayList<>(version.values()));
        facts.put("python", python);
        facts.put("python_version", m.group(1) + "." + m.group(2) + "." + m.group(3));
    }

    /** Ansible's {@code date_time}: every value a string, iso8601 in UTC, the rest local time. */
    static Map<String, Object> dateTime(List<String> lines) {
        String[] f = HostFacts.line(lines, 0).split("\\|", -1);
        String[] utc = HostFacts.line(lines, 1).split("\\|", -1);
        Map<String, Object> d = new LinkedHashMap<>();
        if (f.length < 13 || utc.length < 2) return d;
        String micro = f[12].length() >= 6 ? f[12].substring(0, 6) : "000000";
        d.put("year", f[0]);
        d.put("month", f[1]);
        d.put("weekday", f[9]);
        d.put("weekday_number", f[10]);
        d.put("weeknumber", f[11]);
        d.put("day", f[2]);
        d.put("hour", f[3]);
        d.put("minute", f[4]);
        d.put("second", f[5]);
        d.put("epoch", f[6]);
        d.put("epoch_int", f[6]);
        d.put("date", f[0] + "-" + f[1] + "-" + f[2]);
        d.put("time", f[3] + ":" + f[4] + ":" + f[5]);
        d.put("iso8601_micro", utc[0] + "." + micro + "Z");
        d.put("iso8601", utc[0] + "Z");
        d.put("iso8601_basic", f[0] + f[1] + f[2] + "T" + f[3] + f[4] + f[5] + micro);
        d.put("iso8601_basic_short", f[0] + f[1] + f[2] + "T" + f[3] + f[4] + f[5]);
        d.put("tz", f[7]);
        d.put("tz_dst", f[7]);
        d.put("tz_offset", f[8]);
        return d;
    }

    static void hardware(List<String> lines, Map<String, Object> facts) {
        Object cpus = number(HostFacts.line(lines, 0));
        facts.put("processor_nproc", cpus);
        facts.put("processor_vcpus", cpus);
        Object kb = number(HostFacts.line(lines, 1));
        if (kb instanceof Long k) facts.put("memtotal_mb", k / 1024);
    }

    private static Object number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
