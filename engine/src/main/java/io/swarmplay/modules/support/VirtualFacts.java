package io.swarmplay.modules.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Ansible's {@code virtual} facts on Linux ({@code virtualization_type}, {@code virtualization_role},
 * {@code virtualization_tech_guest}, {@code virtualization_tech_host}): the checks of ansible-core
 * 2.14's {@code LinuxVirtual.get_virtual_facts}, in its order, on what {@link #PROBE} reads from the
 * host. The first check that finds a technology sets type and role; every later one only adds to
 * the guest or host technologies. Nothing found gives {@code NA} for both.
 */
final class VirtualFacts {

    /** The files and commands the detection reads, each in a {@code @@virt_*} section of the host probe. */
    static final String PROBE = String.join("\n",
            "echo @@virt_cgroup; cat /proc/1/cgroup 2>/dev/null",
            "echo @@virt_environ; { tr '\\0' '\\n' < /proc/1/environ; } 2>/dev/null",
            "echo @@virt_paths; for p in /proc/vz /proc/lve /proc/bc /.dockerenv /.dockerinit /proc/xen /dev/kvm; do "
                    + "[ -e $p ] && echo $p; done; [ -d /rhev/ ] && echo /rhev/",
            "echo @@virt_systemd_container; cat /run/systemd/container 2>/dev/null",
            "echo @@virt_xen_capabilities; cat /proc/xen/capabilities 2>/dev/null",
            "echo @@virt_dmi; for f in product_name sys_vendor product_family bios_vendor; do "
                    + "echo \"$f=$(cat /sys/devices/virtual/dmi/id/$f 2>/dev/null | tr '\\n' ' ')\"; done",
            "echo @@virt_vxid; grep '^VxID:' /proc/self/status 2>/dev/null",
            "echo @@virt_cpuinfo; grep -E '^(model name|vendor_id|machine)' /proc/cpuinfo 2>/dev/null",
            "echo @@virt_lscpu; grep -q '^vendor_id.*IBM/S390' /proc/cpuinfo 2>/dev/null && command -v lscpu >/dev/null 2>&1 "
                    + "&& { echo lscpu; lscpu 2>/dev/null; }",
            "echo @@virt_modules; [ -r /proc/modules ] && cut -d' ' -f1 /proc/modules 2>/dev/null",
            "echo @@virt_vdsm; [ -d /rhev/ ] && grep -qxE 'vdsmd?' /proc/[0-9]*/comm 2>/dev/null && echo vdsm",
            "echo @@virt_dmidecode; virt_dmi=$(command -v dmidecode) && virt_out=$($virt_dmi -s system-product-name 2>/dev/null) "
                    + "&& printf '%s\\n' \"$virt_out\"");

    private static final Set<String> CONTAINERS = Set.of("docker", "lxc", "podman", "openvz", "containerd");
    private static final Set<String> KVM_SYS_VENDORS = Set.of("QEMU", "Amazon EC2", "DigitalOcean", "Google", "Scaleway", "Nutanix");

    private final Map<String, List<String>> sections;
    private final Set<String> paths;
    private final Set<String> guestTech = new TreeSet<>();
    private final Set<String> hostTech = new TreeSet<>();
    private String type;
    private String role;
    private boolean found;

    private VirtualFacts(Map<String, List<String>> sections) {
        this.sections = sections;
        this.paths = Set.copyOf(lines("paths"));
    }

    /** The four facts from the probe's {@code virt_*} sections, the technologies as sorted lists. */
    static void detect(Map<String, List<String>> sections, Map<String, Object> facts) {
        VirtualFacts v = new VirtualFacts(sections);
        v.containers();
        v.hypervisorGuest();
        v.cpuinfo();
        v.hostModules();
        v.dmidecode();
        if (v.paths.contains("/dev/kvm")) v.mark(v.hostTech, "kvm", "kvm", "host");
        facts.put("virtualization_type", v.found ? v.type : "NA");
        facts.put("virtualization_role", v.found ? v.role : "NA");
        facts.put("virtualization_tech_guest", new ArrayList<>(v.guestTech));
        facts.put("virtualization_tech_host", new ArrayList<>(v.hostTech));
    }

    /** cgroups of PID 1, its {@code container=} variable, OpenVZ, systemd's container file, Docker's marker files. */
    private void containers() {
        for (String line : lines("cgroup")) {
            if (find("/docker(/|-[0-9a-f]+\\.scope)", line)) mark(guestTech, "docker", "docker", "guest");
            if (line.contains("/lxc/") || line.contains("/machine.slice/machine-lxc")) mark(guestTech, "lxc", "lxc", "guest");
            if (line.contains("/system.slice/containerd.service")) mark(guestTech, "containerd", "containerd", "guest");
        }
        for (String line : lines("environ")) {
            if (line.contains("container=lxc")) mark(guestTech, "lxc", "lxc", "guest");
            if (line.contains("container=podman")) mark(guestTech, "podman", "podman", "guest");
            if (find("^container=.", line)) mark(guestTech, "container", "container", "guest");
        }
        if (paths.contains("/proc/vz") && !paths.contains("/proc/lve")) openvz();
        String systemdContainer = content("systemd_container");
        if (!systemdContainer.isEmpty()) mark(guestTech, systemdContainer, systemdContainer, "guest");
        if (paths.contains("/.dockerenv") || paths.contains("/.dockerinit")) mark(guestTech, "docker", "docker", "guest");
        if (guestTech.stream().anyMatch(CONTAINERS::contains) || !systemdContainer.isEmpty()) guestTech.add("container");
    }

    /** OpenVZ names the type even when an earlier check found something. */
    private void openvz() {
        type = "openvz";
        boolean host = paths.contains("/proc/bc");
        (host ? hostTech : guestTech).add("openvz");
        if (!found) role = host ? "host" : "guest";
        found = true;
    }

    /** Xen's /proc/xen, then the DMI product, vendor, family and BIOS vendor, then Linux-VServer's VxID. */
    private void hypervisorGuest() {
        if (paths.contains("/proc/xen")) {
            boolean xenHost = lines("xen_capabilities").stream().anyMatch(l -> l.contains("control_d"));
            if (xenHost) hostTech.add("xen");
            if (!found) {
                type = "xen";
                role = xenHost ? "host" : "guest";
            }
            found = true;
        }
        Map<String, String> dmi = dmi();
        String product = dmi.getOrDefault("product_name", "");
        String vendor = dmi.getOrDefault("sys_vendor", "");
        String bios = dmi.getOrDefault("bios_vendor", "");
        if (Set.of("KVM", "KVM Server", "Bochs", "AHV").contains(product)) guest("kvm");
        if (vendor.equals("oVirt")) guest("oVirt");
        if (vendor.equals("Red Hat") && dmi.getOrDefault("product_family", "").equals("RHV")) guest("RHV");
        else if (vendor.equals("Red Hat") && product.equals("RHEV Hypervisor")) guest("RHEV");
        if (Set.of("VMware Virtual Platform", "VMware7,1").contains(product)) guest("VMware");
        if (Set.of("OpenStack Compute", "OpenStack Nova").contains(product)) guest("openstack");
        if (bios.equals("Xen")) guest("xen");
        if (bios.equals("innotek GmbH")) guest("virtualbox");
        if (Set.of("Amazon EC2", "DigitalOcean", "Hetzner").contains(bios)) guest("kvm");
        if (KVM_SYS_VENDORS.contains(vendor)) guest("kvm");
        if (vendor.equals("KubeVirt")) guest("KubeVirt");
        if (vendor.equals("Microsoft Corporation")) guest("VirtualPC");
        if (vendor.equals("Parallels Software International Inc.")) guest("parallels");
        if (vendor.equals("OpenStack Foundation")) guest("openstack");
        for (String line : lines("vxid")) {
            if (find("^VxID:\\s+0", line)) mark(hostTech, "linux_vserver", "linux_vserver", "host");
            else if (find("^VxID:\\s+\\d+", line)) mark(guestTech, "linux_vserver", "linux_vserver", "guest");
        }
    }

    /** The CPU's model name, vendor or machine line: QEMU, User Mode Linux, pSeries under qemu, PowerVM Lx86, IBM Z. */
    private void cpuinfo() {
        for (String line : lines("cpuinfo")) {
            if (find("^model name.*QEMU Virtual CPU", line)) guest("kvm");
            else if (find("^vendor_id.*User Mode Linux", line) || find("^model name.*UML", line)) guest("uml");
            else if (find("^machine.*CHRP IBM pSeries .emulated by qemu.", line)) guest("kvm");
            else if (find("^vendor_id.*PowerVM Lx86", line)) guest("powervm_lx86");
            else if (find("^vendor_id.*IBM/S390", line)) ibmZ();
        }
    }

    /** An LPAR of PR/SM, or the hypervisor lscpu names; ibm_systemz when lscpu is missing. */
    private void ibmZ() {
        guestTech.add("PR/SM");
        List<String> lscpu = lines("lscpu");
        String tech = lscpu.isEmpty() ? "ibm_systemz" : "PR/SM";
        for (String line : lscpu.isEmpty() ? List.<String>of() : lscpu.subList(1, lscpu.size())) {
            String[] data = line.split(":", 2);
            if (data[0].strip().equals("Hypervisor") && data.length > 1) {
                tech = data[1].strip();
                guestTech.add(tech);
            }
        }
        if (lscpu.isEmpty()) guestTech.add("ibm_systemz");
        mark(guestTech, tech, tech, tech.equals("PR/SM") ? "LPAR" : "guest");
    }

    /** Loaded kernel modules: kvm (RHEV when vdsm runs under /rhev/), vboxdrv, virtio. */
    private void hostModules() {
        List<String> modules = lines("modules");
        if (modules.contains("kvm")) {
            hostTech.add("kvm");
            if (!found) {
                type = "kvm";
                role = "host";
            }
            if (!lines("vdsm").isEmpty()) {
                hostTech.add("RHEV");
                if (!found) type = "RHEV";
            }
            found = true;
        }
        if (modules.contains("vboxdrv")) mark(hostTech, "virtualbox", "virtualbox", "host");
        if (modules.contains("virtio")) mark(hostTech, "kvm", "kvm", "guest");
    }

    /** {@code dmidecode -s system-product-name}: VMware, bhyve. */
    private void dmidecode() {
        List<String> out = lines("dmidecode");
        String vendorName = String.join("", out.stream().filter(l -> !l.startsWith("#")).map(String::strip).toList());
        if (vendorName.startsWith("VMware")) guest("VMware");
        if (String.join("\n", out).contains("BHYVE")) guest("bhyve");
    }

    private void guest(String tech) {
        mark(guestTech, tech, tech, "guest");
    }

    /** Adds the technology; the first finding also names type and role. */
    private void mark(Set<String> techs, String tech, String type, String role) {
        techs.add(tech);
        if (!found) {
            this.type = type;
            this.role = role;
            found = true;
        }
    }

    private Map<String, String> dmi() {
        Map<String, String> dmi = new LinkedHashMap<>();
        for (String line : lines("dmi")) {
            int eq = line.indexOf('=');
            if (eq > 0) dmi.put(line.substring(0, eq), line.substring(eq + 1).strip());
        }
        return dmi;
    }

    private String content(String section) {
        return String.join("\n", lines(section)).strip();
    }

    private List<String> lines(String section) {
        return sections.getOrDefault("virt_" + section, List.of());
    }

    private static boolean find(String regex, String line) {
        return Pattern.compile(regex).matcher(line).find();
    }
}
