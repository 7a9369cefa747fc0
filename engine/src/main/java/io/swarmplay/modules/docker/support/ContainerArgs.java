package io.swarmplay.modules.docker.support;

import io.swarmplay.module.Alias;
import io.swarmplay.module.ArgTable;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Default;
import io.swarmplay.module.Doc;
import io.swarmplay.module.Options;
import io.swarmplay.module.Required;
import io.swarmplay.modules.docker.container.ContainerOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code docker_container}, with community.docker 3.4.7's names and defaults:
 * the lifecycle ones here, every container setting in {@link ContainerOptions} ({@code options}).
 * {@code copy_in} and {@code wait_for} are swarmplay's own.
 */
public record ContainerArgs(
        @Required @Doc("Name of the container.") String name,
        @Doc("Image to create the container from (pulled when missing).") String image,
        @Choices({"started", "present", "stopped", "absent"}) @Doc("State of the container.") String state,
        @Doc("Comparison per option (strict, ignore, allow_more_present); '*' sets all.") Map<String, Object> comparisons,
        @Choices({"desired-image", "current-image"}) @Doc("Which image's env, labels and ports are expected.") String image_comparison,
        @Choices({"ignore", "fail"}) @Doc("With labels strict: fail when the image has labels the task lacks.") String image_label_mismatch,
        @Choices({"ignore", "recreate"}) @Doc("Recreate when the image name differs (same ID).") String image_name_mismatch,
        @Doc("Deprecated: do not recreate when the image differs.") boolean ignore_image,
        @Doc("Pull the image even when it is on the host.") boolean pull,
        @Doc("Always recreate the container.") boolean recreate,
        @Doc("Restart a running container (when no setting changed).") boolean restart,
        @Alias("forcekill") @Doc("Kill instead of stopping gracefully.") boolean force_kill,
        @Doc("Signal of force_kill (default SIGKILL).") String kill_signal,
        @Default("true") @Doc("Keep anonymous volumes when removing.") boolean keep_volumes,
        @Doc("Seconds to wait for a removal to finish.") Double removal_wait_timeout,
        @Default("true") @Doc("Run in the background; false waits for the exit and returns the output.") boolean detach,
        @Doc("With detach false: remove the container afterwards.") boolean cleanup,
        @Doc("With detach false: log the output.") boolean output_logs,
        @Doc("Pause (true) or unpause (false) a started container.") Boolean paused,
        @Default("true") @Doc("The first of networks is the network mode; the default network is left.") boolean networks_cli_compatible,
        @Doc("Deprecated: disconnect networks not listed.") boolean purge_networks,
        @Choices({"no_defaults", "compatibility"}) @Doc("compatibility gives some options their old defaults.") String container_default_behavior,
        @Choices({"correct", "compatibility"}) @Doc("How command and entrypoint are read.") String command_handling,
        @Doc("Host address of published ports without one.") String default_host_ip,
        @Doc("Files to put into the container after creating it, before starting it: {content|src|inspect_lines, dest, mode}; inspect_lines: [Id, Config.Image, Image] writes those values of the created container, one a line.") List<Object> copy_in,
        @Doc("After starting, wait for: {log, port, healthcheck, timeout}.") Map<String, Object> wait_for,
        @ArgTable.From(ContainerOptions.class) Options options,
            @ArgTable.From(DockerCommonArgs.class) Options connection) implements DockerCommonArgs.Taker {

    /** The defaults of container_default_behavior {@code compatibility}. */
    private static final Map<String, Object> OLD_DEFAULTS = Map.of("auto_remove", false, "init", false, "interactive", false,
            "memory", "0", "privileged", false, "read_only", false, "tty", false);

    /**
     * The options in effect: the declared ones, the old defaults under {@code compatibility}, and
     * with {@code networks_cli_compatible} the first network as network mode.
     */
    public Options effective() {
        Map<String, Object> all = new LinkedHashMap<>(options.asMap());
        if (container_default_behavior.equals("compatibility")) OLD_DEFAULTS.forEach(all::putIfAbsent);
        List<?> networks = options.get("networks");
        if (networks_cli_compatible && networks != null && !networks.isEmpty() && !all.containsKey("network_mode")) {
            all.put("network_mode", ((io.swarmplay.modules.docker.container.Nested.Network) networks.get(0)).name());
        }
        return new Options(all);
    }

    /** {@code paused} as community.docker's compatibility default reads it. */
    public Boolean pausedWanted() {
        return paused == null && container_default_behavior.equals("compatibility") ? Boolean.FALSE : paused;
    }
}
