package io.swarmplay.modules.docker.container;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.module.ArgTable;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.TableArg;
import io.swarmplay.modules.docker.container.Comparison.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.swarmplay.modules.docker.container.ContainerOption.config;
import static io.swarmplay.modules.docker.container.ContainerOption.host;
import static io.swarmplay.modules.docker.container.ContainerOption.other;
import static io.swarmplay.modules.docker.container.ContainerOption.top;
import static io.swarmplay.modules.docker.container.Types.DICT;
import static io.swarmplay.modules.docker.container.Types.STRINGS;
import static io.swarmplay.modules.docker.container.Types.listOf;

/**
 * Every {@code docker_container} option that describes the container (community.docker 3.4.7's
 * {@code module_container/base.py} and {@code docker_api.py}), one entry each. The lifecycle
 * arguments ({@code state}, {@code comparisons}, {@code pull}, ...) are the components of
 * {@link io.swarmplay.modules.docker.support.ContainerArgs}.
 */
public final class ContainerOptions implements ArgTable {

    public static final List<ContainerOption> ALL = List.of(
            host("auto_remove", Boolean.class, "AutoRemove").doc("Remove the container when its process exits."),
            host("blkio_weight", Long.class, "BlkioWeight").updatable().doc("Block IO weight (relative, 10 to 1000)."),
            host("capabilities", STRINGS, "CapAdd").kind(Kind.SET).doc("Capabilities to add."),
            host("cap_drop", STRINGS, "CapDrop").kind(Kind.SET).doc("Capabilities to drop."),
            host("cgroupns_mode", String.class, "CgroupnsMode").choices("private", "host").doc("Cgroup namespace mode."),
            host("cgroup_parent", String.class, "CgroupParent").doc("Parent cgroup of the container."),
            config("command", Object.class, "Cmd").kind(Kind.LIST).toApi(Conversions::command)
                    .doc("Command to run: a list, or a command line split like a shell (see command_handling)."),
            host("cpu_period", Long.class, "CpuPeriod").updatable().doc("CPU CFS period in microseconds."),
            host("cpu_quota", Long.class, "CpuQuota").updatable().doc("CPU CFS quota in microseconds."),
            host("cpuset_cpus", String.class, "CpusetCpus").updatable().doc("CPUs the container may use (0-3, 0,1)."),
            host("cpuset_mems", String.class, "CpusetMems").updatable().doc("Memory nodes the container may use."),
            host("cpu_shares", Long.class, "CpuShares").updatable().doc("CPU shares (relative weight)."),
            host("cpus", Double.class, "NanoCpus").toApi((v, c) -> v == null ? null : Math.round((Double) v * 1e9))
                    .doc("Number of CPUs (fractions allowed)."),
            host("devices", STRINGS, "Devices").kind(Kind.SET_OF_DICTS).toApi((v, c) -> Conversions.devices(v))
                    .doc("Host devices: /dev/host[:/dev/container[:rwm]]."),
            host("device_read_bps", listOf(Nested.DeviceRate.class), "BlkioDeviceReadBps").kind(Kind.SET_OF_DICTS)
                    .toApi((v, c) -> Conversions.rates(v, true, "device_read_bps")).doc("Read rate limits: {path, rate: 20M}."),
            host("device_write_bps", listOf(Nested.DeviceRate.class), "BlkioDeviceWriteBps").kind(Kind.SET_OF_DICTS)
                    .toApi((v, c) -> Conversions.rates(v, true, "device_write_bps")).doc("Write rate limits: {path, rate: 20M}."),
            host("device_read_iops", listOf(Nested.DeviceIops.class), "BlkioDeviceReadIOps").kind(Kind.SET_OF_DICTS)
                    .toApi((v, c) -> Conversions.rates(v, false, "device_read_iops")).doc("Read IO/s limits: {path, rate}."),
            host("device_write_iops", listOf(Nested.DeviceIops.class), "BlkioDeviceWriteIOps").kind(Kind.SET_OF_DICTS)
                    .toApi((v, c) -> Conversions.rates(v, false, "device_write_iops")).doc("Write IO/s limits: {path, rate}."),
            host("device_requests", listOf(Nested.DeviceRequest.class), "DeviceRequests").kind(Kind.SET_OF_DICTS)
                    .toApi((v, c) -> Conversions.deviceRequests(v)).doc("Device requests (GPUs): {driver, count, device_ids, capabilities, options}."),
            host("dns_servers", STRINGS, "Dns").kind(Kind.LIST).doc("DNS servers."),
            host("dns_opts", STRINGS, "DnsOptions").kind(Kind.SET).doc("DNS options."),
            host("dns_search_domains", STRINGS, "DnsSearch").kind(Kind.LIST).doc("DNS search domains."),
            config("domainname", String.class, "Domainname").doc("Container domain name."),
            config("entrypoint", STRINGS, "Entrypoint").kind(Kind.LIST).toApi(Conversions::entrypoint).doc("Entrypoint (a list)."),
            config("env", DICT, "Env").kind(Kind.SET).always().alsoWhen("env_file").toApi(Conversions::env).expected(Conversions::expectedEnv)
                    .doc("Environment variables (values must be strings); the image's stay."),
            other("env_file", String.class).doc("A file on the host of KEY=value lines, added before env."),
            host("etc_hosts", DICT, "ExtraHosts").kind(Kind.SET).toApi((v, c) -> Conversions.etcHosts(v))
                    .doc("Extra /etc/hosts entries: {hostname: ip}."),
            config("exposed_ports", STRINGS, "ExposedPorts").aliases("exposed", "expose").kind(Kind.SET)
                    .alsoWhen("published_ports").always().toApi(Conversions::exposed).expected(Conversions::expectedExposed)
                    .fromInspect(Conversions::inspectedExposed).writer((b, v, c) -> Conversions.writeExposed(b, v))
                    .doc("Ports to expose (port[/proto]); published ports are exposed too."),
            host("groups", STRINGS, "GroupAdd").kind(Kind.SET).doc("Additional groups of the container's user."),
            config("healthcheck", Nested.Healthcheck.class, "Healthcheck").kind(Kind.DICT)
                    .toApi((v, c) -> Conversions.healthcheck(v)).fromInspect(Conversions::inspectedHealthcheck)
                    .doc("Health check: {test, interval, timeout, start_period, retries}; no test disables the image's."),
            config("hostname", String.class, "Hostname").doc("Container host name."),
            host("init", Boolean.class, "Init").doc("Run an init process inside the container."),
            config("interactive", Boolean.class, "OpenStdin").doc("Keep stdin open."),
            host("ipc_mode", String.class, "IpcMode").toApi(Conversions::containerRef).doc("IPC namespace: container:NAME, host, ..."),
            host("kernel_memory", String.class, "KernelMemory").updatable().toApi((v, c) -> Conversions.bytes("kernel_memory", v))
                    .doc("Kernel memory limit (512M, 1G)."),
            config("labels", DICT, "Labels").kind(Kind.DICT).toApi((v, c) -> Conversions.stringValues(v))
                    .expected(Conversions::expectedLabels).onMismatch(Conversions::labelsMismatch).doc("Labels; see image_label_mismatch for the image's."),
            host("links", STRINGS, "Links").kind(Kind.SET).toApi(Conversions::links).doc("Links to other containers: name[:alias]."),
            host("log_driver", String.class, "LogConfig.Type").doc("Logging driver (json-file, syslog, none, ...)."),
            host("log_options", DICT, "LogConfig.Config").aliases("log_opt").kind(Kind.DICT)
                    .toApi((v, c) -> Conversions.pythonTexts(v)).doc("Options of the logging driver (needs log_driver)."),
            config("mac_address", String.class, "MacAddress").toApi((v, c) -> v == null ? null : ((String) v).replace('-', ':'))
                    .doc("MAC address of the container."),
            host("memory", String.class, "Memory").updatable().toApi((v, c) -> Conversions.bytes("memory", v))
                    .doc("Memory limit (512M, 1G; 0 for none)."),
            host("memory_reservation", String.class, "MemoryReservation").updatable()
                    .toApi((v, c) -> Conversions.bytes("memory_reservation", v)).doc("Memory soft limit."),
            host("memory_swap", String.class, "MemorySwap").updatable()
                    .toApi((v, c) -> v == null ? null : v.equals("unlimited") || v.equals("-1") ? -1L : Conversions.bytes("memory_swap", v))
                    .doc("Memory plus swap limit; unlimited for none."),
            host("memory_swappiness", Long.class, "MemorySwappiness").doc("Swappiness of the container's memory (0 to 100)."),
            config("stop_timeout", Long.class, "StopTimeout").comparison(Comparison.IGNORE)
                    .doc("Seconds a stop waits before SIGKILL; never recreates by default (comparisons: stop_timeout: strict)."),
            host("network_mode", String.class, "NetworkMode").toApi(Conversions::containerRef)
                    .doc("Network mode (bridge, host, none, container:NAME, or a network); the first of networks by default."),
            other("networks", listOf(Nested.Network.class)).kind(Kind.SET_OF_DICTS)
                    .doc("Networks to connect: {name, aliases, ipv4_address, ipv6_address, links (CONTAINER[:ALIAS])}; a difference reconnects."),
            host("oom_killer", Boolean.class, "OomKillDisable").doc("Disable the OOM killer (true disables it)."),
            host("oom_score_adj", Long.class, "OomScoreAdj").doc("OOM score adjustment (-1000 to 1000)."),
            host("pid_mode", String.class, "PidMode").toApi(Conversions::containerRef).doc("PID namespace: host, container:NAME."),
            host("pids_limit", Long.class, "PidsLimit").doc("Process limit (-1 for none)."),
            top("platform", String.class, "Platform").writer((b, v, c) -> b.put(DockerEndpoint.PLATFORM_QUERY, v))
                    .doc("Platform of the container (linux, linux/amd64); compared with the container's Platform."),
            host("privileged", Boolean.class, "Privileged").doc("Give the container extended privileges."),
            host("published_ports", STRINGS, "PortBindings").aliases("ports").kind(Kind.DICT)
                    .toApi((v, c) -> v == null ? null : Ports.bindings(strings(v), defaultIp(c)))
                    .doc("Ports to publish: [[ip:]host:]container[/proto], ranges allowed."),
            host("publish_all_ports", Boolean.class, "PublishAllPorts").doc("Publish every exposed port to a random host port."),
            host("read_only", Boolean.class, "ReadonlyRootfs").doc("Mount the root file system read-only."),
            host("restart_policy", String.class, "RestartPolicy.Name").updatable().choices("no", "on-failure", "always", "unless-stopped")
                    .doc("Restart policy."),
            host("restart_retries", Long.class, "RestartPolicy.MaximumRetryCount").updatable()
                    .doc("Restarts before giving up (with restart_policy on-failure)."),
            host("runtime", String.class, "Runtime").doc("Runtime of the container (runc, ...)."),
            host("security_opts", STRINGS, "SecurityOpt").kind(Kind.SET).doc("Security options (label=..., seccomp=...)."),
            host("shm_size", String.class, "ShmSize").toApi((v, c) -> Conversions.bytes("shm_size", v)).doc("Size of /dev/shm (64M)."),
            config("stop_signal", String.class, "StopSignal").doc("Signal that stops the container."),
            host("storage_opts", DICT, "StorageOpt").kind(Kind.DICT).toApi((v, c) -> Conversions.stringValues(v))
                    .doc("Storage driver options (size: 10G)."),
            host("sysctls", DICT, "Sysctls").kind(Kind.DICT).toApi((v, c) -> Conversions.stringValues(v)).doc("Kernel parameters."),
            host("tmpfs", STRINGS, "Tmpfs").kind(Kind.DICT).toApi((v, c) -> Conversions.tmpfs(v)).doc("tmpfs mounts: /path[:options]."),
            config("tty", Boolean.class, "Tty").doc("Allocate a pseudo-TTY."),
            host("ulimits", STRINGS, "Ulimits").kind(Kind.SET_OF_DICTS).toApi((v, c) -> Conversions.ulimits(v))
                    .doc("Resource limits: name:soft[:hard]."),
            config("user", String.class, "User").doc("User (and group) the process runs as."),
            host("userns_mode", String.class, "UsernsMode").doc("User namespace mode (host)."),
            host("uts", String.class, "UTSMode").doc("UTS namespace mode (host)."),
            host("volume_driver", String.class, "VolumeDriver").doc("Volume driver of the container's volumes."),
            host("volumes_from", STRINGS, "VolumesFrom").kind(Kind.SET).doc("Containers to take volumes from."),
            config("working_dir", String.class, "WorkingDir").doc("Working directory of the process."),
            host("volumes", STRINGS, "Binds").kind(Kind.SET).toApi((v, c) -> Volumes.binds(v))
                    .writer((b, v, c) -> Volumes.write(b, v, c)).doc("Volumes: /host:/container[:mode], name:/container, or /container."),
            host("mounts", listOf(Nested.Mount.class), "Mounts").kind(Kind.SET_OF_DICTS).toApi((v, c) -> Volumes.mounts(v))
                    .fromInspect(Volumes::inspectedMounts)
                    .doc("Mounts: {target, source, type: volume|bind|tmpfs, read_only, ...}."));

    private static final Map<String, ContainerOption> BY_NAME = byName();

    private static Map<String, ContainerOption> byName() {
        Map<String, ContainerOption> map = new LinkedHashMap<>();
        for (ContainerOption o : ALL) map.put(o.name(), o);
        return map;
    }

    public static ContainerOption find(String name) {
        return BY_NAME.get(name);
    }

    @Override
    public List<TableArg> args() {
        List<TableArg> args = new ArrayList<>();
        ALL.forEach(o -> args.add(o.arg()));
        return args;
    }

    private static List<String> strings(Object value) {
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private static String defaultIp(OptionContext c) {
        return c.defaultHostIp() == null ? "0.0.0.0" : c.defaultHostIp();
    }

    /**
     * community.docker's warnings about the declared options, given on every run: a
     * {@code log_options} value that is not a string (with {@code log_driver}) is sent converted.
     */
    public static List<String> warnings(io.swarmplay.module.Options options) {
        List<String> warnings = new ArrayList<>();
        Map<?, ?> logOptions = options.get("log_options");
        if (logOptions == null || !options.has("log_driver")) return warnings;
        logOptions.forEach((k, v) -> {
            if (v != null && !(v instanceof String)) {
                warnings.add("Non-string value found for log_options option '" + k + "'. The value is automatically converted to '"
                        + Conversions.pythonText(v) + "'. If this is not correct, or you want to avoid such warnings, please quote the value.");
            }
        });
        return warnings;
    }

    /**
     * community.docker's checks across options, before anything is done: log_options needs
     * log_driver, restart_retries restart_policy, and no container path is mounted twice.
     */
    public static void checkTogether(io.swarmplay.module.Options options) {
        Volumes.checkCollisions(options.get("mounts"), options.get("volumes"));
        if (options.has("log_options") && !options.has("log_driver")) {
            throw new ModuleException("missing parameter(s) required by 'log_options': log_driver");
        }
        if (options.has("restart_retries") && !options.has("restart_policy")) {
            throw new ModuleException("missing parameter(s) required by 'restart_retries': restart_policy");
        }
    }
}
