package io.swarmplay.modules.support;

import java.util.Map;

/**
 * The distribution facts as Ansible names them, from {@code /etc/os-release}'s {@code ID} and
 * {@code VERSION_ID} (and {@code /etc/debian_version}, where Ansible reads the point release):
 * {@code debian} is {@code Debian}, {@code rhel} is {@code RedHat}, an ID Ansible has no special
 * name for is capitalised, as its {@code get_distribution()} does.
 *
 * @param name         {@code ansible_distribution}
 * @param version      {@code ansible_distribution_version}
 * @param majorVersion {@code ansible_distribution_major_version}
 * @param osFamily     {@code ansible_os_family}
 */
public record Distribution(String name, String version, String majorVersion, String osFamily) {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("debian", "Debian"), Map.entry("raspbian", "Debian"), Map.entry("ubuntu", "Ubuntu"),
            Map.entry("linuxmint", "Linux Mint"), Map.entry("pop", "Pop!_OS"), Map.entry("kali", "Kali"),
            Map.entry("devuan", "Devuan"), Map.entry("centos", "CentOS"), Map.entry("rhel", "RedHat"),
            Map.entry("fedora", "Fedora"), Map.entry("rocky", "Rocky"), Map.entry("almalinux", "AlmaLinux"),
            Map.entry("ol", "OracleLinux"), Map.entry("amzn", "Amazon"), Map.entry("alpine", "Alpine"),
            Map.entry("arch", "Archlinux"), Map.entry("opensuse-leap", "openSUSE Leap"),
            Map.entry("opensuse-tumbleweed", "openSUSE Tumbleweed"), Map.entry("sles", "SLES"),
            Map.entry("gentoo", "Gentoo"), Map.entry("clear-linux-os", "Clear Linux OS"));

    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("Ubuntu", "Debian"), Map.entry("Linux Mint", "Debian"), Map.entry("Pop!_OS", "Debian"),
            Map.entry("Kali", "Debian"), Map.entry("Devuan", "Debian"), Map.entry("CentOS", "RedHat"),
            Map.entry("Fedora", "RedHat"), Map.entry("Rocky", "RedHat"), Map.entry("AlmaLinux", "RedHat"),
            Map.entry("OracleLinux", "RedHat"), Map.entry("Amazon", "RedHat"), Map.entry("openSUSE Leap", "Suse"),
            Map.entry("openSUSE Tumbleweed", "Suse"), Map.entry("SLES", "Suse"), Map.entry("Clear Linux OS", "ClearLinux"));

    /** From the os-release {@code ID}, {@code VERSION_ID} and the text of {@code /etc/debian_version} ("" if none). */
    public static Distribution of(String id, String versionId, String debianVersion) {
        String key = id.strip().toLowerCase();
        String name = NAMES.getOrDefault(key, capitalize(key));
        String version = versionId.strip();
        if (name.equals("Debian") && debianVersion.strip().matches("\\d+(\\.\\d+)*")) version = debianVersion.strip();
        return new Distribution(name, version, version.split("\\.")[0], FAMILIES.getOrDefault(name, name));
    }

    // Python's str.capitalize(); an empty ID is Ansible's OtherLinux
    private static String capitalize(String id) {
        if (id.isEmpty() || id.equals("unknown")) return "OtherLinux";
        return id.substring(0, 1).toUpperCase() + id.substring(1);
    }
}
