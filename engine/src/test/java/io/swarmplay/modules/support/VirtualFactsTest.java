package io.swarmplay.modules.support;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The virtual facts from captured file contents, as ansible-core 2.14's LinuxVirtual gives them
 * (type, role, guest technologies, host technologies).
 */
class VirtualFactsTest {

    private static final String NOTHING = "product_name=\nsys_vendor=\nproduct_family=\nbios_vendor=";

    /** The probe's output: each argument a {@code virt_*} section name and its content. */
    private static List<Object> detect(String... sectionsAndContents) {
        StringBuilder out = new StringBuilder("@@virt_cgroup\n0::/\n@@virt_dmi\n" + NOTHING + "\n");
        for (int i = 0; i < sectionsAndContents.length; i += 2) {
            out.append("@@virt_").append(sectionsAndContents[i]).append('\n').append(sectionsAndContents[i + 1]).append('\n');
        }
        Map<String, Object> facts = HostFacts.parse(out + "@@end\n", null);
        return List.of(facts.get("virtualization_type"), facts.get("virtualization_role"),
                facts.get("virtualization_tech_guest"), facts.get("virtualization_tech_host"));
    }

    @Test
    void noVirtualizationIsNA() {
        assertEquals(List.of("NA", "NA", List.of(), List.of()), detect("modules", "ext4\nloop"));
    }

    @Test
    void dockerFromCgroupOrDockerenv() {
        List<Object> docker = List.of("docker", "guest", List.of("container", "docker"), List.of());
        assertEquals(docker, detect("cgroup", "12:pids:/docker/3f1c2a\n0::/"));
        assertEquals(docker, detect("cgroup", "0::/system.slice/docker-3f1ca0.scope"));
        assertEquals(docker, detect("paths", "/.dockerenv"));
    }

    @Test
    void podmanFromPid1Environment() {
        assertEquals(List.of("podman", "guest", List.of("container", "podman"), List.of()),
                detect("environ", "PATH=/usr/bin\ncontainer=podman\nHOME=/root"));
    }

    @Test
    void containerFoundFirstKeepsTypeButHostModulesAddTechnology() {
        assertEquals(List.of("lxc", "guest", List.of("container", "lxc"), List.of("kvm")),
                detect("cgroup", "1:name=systemd:/lxc/web1", "modules", "kvm\nkvm_intel"));
    }

    @Test
    void kvmGuestFromDmiProductName() {
        assertEquals(List.of("kvm", "guest", List.of("kvm"), List.of()),
                detect("dmi", "product_name=KVM\nsys_vendor=Red Hat\nproduct_family=\nbios_vendor=SeaBIOS"));
        assertEquals(List.of("kvm", "guest", List.of("kvm"), List.of()),
                detect("dmi", "product_name=Standard PC (Q35 + ICH9, 2009)\nsys_vendor=QEMU\nproduct_family=\nbios_vendor="));
    }

    @Test
    void vmwareFromDmiOrDmidecode() {
        assertEquals(List.of("VMware", "guest", List.of("VMware"), List.of()),
                detect("dmi", "product_name=VMware Virtual Platform\nsys_vendor=VMware, Inc.\nproduct_family=\nbios_vendor="));
        assertEquals(List.of("VMware", "guest", List.of("VMware"), List.of()),
                detect("dmidecode", "# SMBIOS entry point\nVMware20,1"));
    }

    @Test
    void kvmHostFromModulesOrDevice() {
        assertEquals(List.of("kvm", "host", List.of(), List.of("kvm")), detect("modules", "kvm_intel\nkvm\nvirtio"));
        assertEquals(List.of("kvm", "host", List.of(), List.of("kvm")), detect("paths", "/dev/kvm"));
        assertEquals(List.of("kvm", "guest", List.of(), List.of("kvm")), detect("modules", "virtio"));
    }

    @Test
    void openvzNamesTheTypeEvenAfterAnEarlierFinding() {
        assertEquals(List.of("openvz", "guest", List.of("container", "docker", "openvz"), List.of()),
                detect("paths", "/.dockerenv\n/proc/vz", "cgroup", "1:cpu:/docker/ab"));
        assertEquals(List.of("openvz", "host", List.of(), List.of("openvz")), detect("paths", "/proc/vz\n/proc/bc"));
    }

    @Test
    void xenHostAndCpuinfoGuests() {
        assertEquals(List.of("xen", "host", List.of(), List.of("xen")),
                detect("paths", "/proc/xen", "xen_capabilities", "control_d"));
        assertEquals(List.of("kvm", "guest", List.of("kvm"), List.of()),
                detect("cpuinfo", "vendor_id\t: GenuineIntel\nmodel name\t: QEMU Virtual CPU version 2.5+"));
        assertEquals(List.of("PR/SM", "LPAR", List.of("PR/SM"), List.of()),
                detect("cpuinfo", "vendor_id       : IBM/S390", "lscpu", "lscpu\nArchitecture: s390x"));
        assertEquals(List.of("ibm_systemz", "guest", List.of("PR/SM", "ibm_systemz"), List.of()),
                detect("cpuinfo", "vendor_id       : IBM/S390"));
    }

    @Test
    void systemdContainerFile() {
        assertEquals(List.of("systemd-nspawn", "guest", List.of("container", "systemd-nspawn"), List.of()),
                detect("systemd_container", "systemd-nspawn"));
    }

    @Test
    void detectionAddsOnlyItsFacts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        VirtualFacts.detect(Map.of(), facts);
        assertEquals(List.of("virtualization_type", "virtualization_role", "virtualization_tech_guest",
                "virtualization_tech_host"), List.copyOf(facts.keySet()));
    }
}
