package io.swarmplay.modules.docker.container;

import io.swarmplay.module.Choices;
import io.swarmplay.module.Required;

import java.util.List;
import java.util.Map;

/** The sub-options of {@code docker_container}, bound by ArgsBinder like any arguments record. */
public final class Nested {

    private Nested() {
    }

    /** {@code device_read_bps} / {@code device_write_bps}: a rate like {@code 20M}. */
    public record DeviceRate(@Required String path, @Required String rate) {
    }

    /** {@code device_read_iops} / {@code device_write_iops}: operations per second. */
    public record DeviceIops(@Required String path, @Required long rate) {
    }

    public record DeviceRequest(List<Object> capabilities, Long count, List<String> device_ids, String driver,
                                Map<String, Object> options) {
    }

    /** {@code test} is a command line (run by a shell) or a list ({@code [CMD, ...]}, {@code [NONE]}). */
    public record Healthcheck(Object test, String interval, String timeout, String start_period, Long retries) {
    }

    public record Network(@Required String name, String ipv4_address, String ipv6_address, List<String> aliases,
                          List<String> links) {
    }

    public record Mount(@Required String target, String source,
                        @Choices({"volume", "bind", "tmpfs", "npipe"}) String type, Boolean read_only,
                        String consistency,
                        String propagation, Boolean no_copy, Map<String, Object> labels, String volume_driver,
                        Map<String, Object> volume_options, String tmpfs_size, String tmpfs_mode) {
    }
}
