package io.swarmplay.modules.support;

import io.swarmplay.connection.Command;
import io.swarmplay.module.HostView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts Ansible's {@code setup} gives on Linux that playbooks read most (platform, user,
 * distribution, environment, Python, date and time, processors and memory, package manager,
 * virtualization: {@link VirtualFacts}),
 * gathered with one shell command: POSIX tools only, Python is read when present, never needed.
 * Names are without the {@code ansible_} prefix, as under {@code ansible_facts}; {@code local}
 * holds the local facts of {@code fact_path} ({@link LocalFacts}).
 */
public final class HostFacts {

    /** Each section of the probe's output starts with a line {@code @@name}. */
    static final String PROBE = String.join("\n",
            "echo @@platform; uname -n; uname -s; uname -r; uname -m; uname -v",
            "echo @@fqdn; hostname -f 2>/dev/null || uname -n",
            "echo @@user; id -un; id -u; id -g; getent passwd \"$(id -un)\" | cut -d: -f5-7",
            "echo @@os_release; cat /etc/os-release 2>/dev/null",
            "echo @@debian_version; head -n 1 /etc/debian_version 2>/dev/null",
            "echo @@env; env",
            // python -V does not start the interpreter proper: a tenth of the cost of running code
            "echo @@python; for p in PYTHONS; do e=$(command -v $p 2>/dev/null) && v=$($e -V 2>&1) "
                    + "&& { echo \"$e\"; echo \"$v\"; break; }; done",
            "echo @@date; date '+%Y|%m|%d|%H|%M|%S|%s|%Z|%z|%A|%w|%W|%N'; date -u '+%Y-%m-%dT%H:%M:%S|%Y%m%dT%H%M%S'",
            "echo @@hardware; nproc 2>/dev/null; sed -n 's/^MemTotal: *\\([0-9]*\\).*/\\1/p' /proc/meminfo 2>/dev/null",
            "echo @@pkg_mgr; for m in apt-get dnf yum zypper apk pacman; do command -v $m >/dev/null 2>&1 && echo $m && break; done",
            "echo @@service_mgr; cat /proc/1/comm 2>/dev/null",
            "echo @@fips; cat /proc/sys/crypto/fips_enabled 2>/dev/null",
            VirtualFacts.PROBE,
            LocalFacts.PROBE,
            "echo @@end");

    private HostFacts() {
    }

    /**
     * Runs the probe on the host and reads its output; {@code python} (the host's
     * {@code ansible_python_interpreter}, or null) is the Python described, else the first of
     * /usr/bin/python3, python3, python found; {@code factPath} is where local facts are (null: Ansible's default).
     */
    public static Map<String, Object> gather(HostView host, String python, String factPath) {
        String pythons = (python == null || python.isBlank() ? "" : io.swarmplay.connection.ShellQuote.quote(python) + " ")
                + "/usr/bin/python3 python3 python";
        Command probe = Command.shell(PROBE.replace("PYTHONS", pythons).replace(LocalFacts.PROBE, LocalFacts.probe(factPath)));
        return parse(host.probe(probe).requireSuccess(probe).stdout(), factPath);
    }

    /** The facts from the probe's output ({@code factPath} as given to {@link #gather}). */
    public static Map<String, Object> parse(String output, String factPath) {
        Map<String, List<String>> sections = sections(output);
        Map<String, Object> facts = new LinkedHashMap<>();
        FactSections.platform(sections.get("platform"), sections.get("fqdn"), facts);
        FactSections.user(sections.get("user"), facts);
        FactSections.distribution(sections.get("os_release"), sections.get("debian_version"), facts);
        facts.put("env", FactSections.env(sections.get("env")));
        FactSections.python(sections.get("python"), facts);
        facts.put("date_time", FactSections.dateTime(sections.get("date")));
        FactSections.hardware(sections.get("hardware"), facts);
        facts.put("pkg_mgr", first(sections.get("pkg_mgr"), "unknown").replace("apt-get", "apt"));
        String init = first(sections.get("service_mgr"), "");
        facts.put("service_mgr", init.equals("systemd") ? "systemd" : init.isEmpty() ? "service" : "sysvinit");
        facts.put("fips", first(sections.get("fips"), "0").equals("1"));
        VirtualFacts.detect(sections, facts);
        facts.put("local", LocalFacts.parse(sections.get("local"), factPath));
        return facts;
    }

    private static Map<String, List<String>> sections(String output) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("@@") && line.length() > 2 && line.substring(2).matches("[a-z_]+")) {
                current = new java.util.ArrayList<>();
                sections.put(line.substring(2), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        sections.values().forEach(lines -> {
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        });
        return sections;
    }

    static String first(List<String> lines, String fallback) {
        return lines == null || lines.isEmpty() || lines.get(0).isBlank() ? fallback : lines.get(0).strip();
    }

    static String line(List<String> lines, int i) {
        return lines != null && i < lines.size() ? lines.get(i).strip() : "";
    }
}
