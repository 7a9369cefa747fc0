package io.swarmplay.modules.docker.support;

import io.swarmplay.connection.docker.CreatedContainer;
import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.connection.docker.DockerObject;
import io.swarmplay.connection.docker.TarFile;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.Options;
import io.swarmplay.modules.docker.container.ApiValues;
import io.swarmplay.modules.docker.container.OptionContext;
import io.swarmplay.modules.docker.support.ContainerComparison.Difference;
import io.swarmplay.modules.support.ControlFiles;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps {@code docker_container} applies, in community.docker's order: remove (stop or kill
 * first), create (pulling a missing image, copy_in), update limits in place, (re)connect
 * networks, start (and wait, or run to the exit with {@code detach: false}), restart, stop, pause.
 */
public final class ContainerLifecycle {

    /** The container afterwards (inspect output, or null), its exit status and output with detach false, a failure, warnings. */
    public record Result(Map<String, Object> container, Long status, String failure, List<String> warnings) {
    }

    private ContainerLifecycle() {
    }

    public static OptionContext context(ContainerArgs args, Options effective, Map<String, Object> image, HostView host,
                                        DockerReader docker) {
        return new OptionContext(effective, args.name(), args.command_handling(), args.image_label_mismatch(),
                args.default_host_ip(), image, host, docker);
    }

    /** The image by ID (and by name with image_name_mismatch recreate), as differences that recreate. */
    public static List<Difference> imageDifferences(ContainerArgs args, Map<String, Object> image, Map<String, Object> current) {
        List<Difference> out = new ArrayList<>();
        Object had = current.get("Image");
        if (image != null && image.get("Id") != null && !image.get("Id").equals(had)) {
            out.add(new Difference("image", had, image.get("Id"), false));
        }
        Object name = ApiValues.get(current, "Config.Image");
        if (args.image_name_mismatch().equals("recreate") && args.image() != null && !args.image().equals(name)) {
            out.add(new Difference("image_name", name, args.image(), false));
        }
        return out;
    }

    /**
     * {@code copy_in} files (swarmplay's own option) as a difference when the container holds
     * other content or mode at a {@code dest} (read back with a copy out; nothing is shown).
     */
    public static List<Difference> copyInDifferences(ContainerArgs args, Map<String, Object> current, DockerReader docker,
                                                     HostView host) {
        String id = String.valueOf(current.get("Id"));
        for (Map<String, Object> file : copyIn(args)) {
            String dest = Specs.required(file, "dest", "copy_in");
            List<TarFile> found;
            try {
                found = docker.copyOut(id, dest);
            } catch (io.swarmplay.connection.docker.DockerException e) {
                found = List.of();
            }
            boolean same = found.size() == 1 && java.util.Arrays.equals(found.get(0).content(), content(file, host, current))
                    && found.get(0).mode() == Specs.mode(file.get("mode"), 0644);
            if (!same) return List.of(new Difference("copy_in", "(differs)", "(from task)", false));
        }
        return List.of();
    }

    public static String status(Map<String, Object> inspect) {
        return String.valueOf(ApiValues.get(inspect, "State.Status"));
    }

    private static boolean running(Map<String, Object> inspect) {
        return Boolean.TRUE.equals(ApiValues.get(inspect, "State.Running"));
    }

    private static boolean paused(Map<String, Object> inspect) {
        return Boolean.TRUE.equals(ApiValues.get(inspect, "State.Paused"));
    }

    /** What the state arguments ask of an existing container: start, restart, stop, pause, unpause. */
    public static List<String> stateSteps(ContainerArgs args, Map<String, Object> current) {
        List<String> steps = new ArrayList<>();
        boolean running = running(current);
        if (args.state().equals("started") && !running) steps.add("start");
        else if (args.state().equals("started") && args.restart()) steps.add("restart");
        else if (args.state().equals("stopped") && running) steps.add("stop");
        Boolean paused = args.pausedWanted();
        if (args.state().equals("started") && paused != null && paused != paused(current)) steps.add(paused ? "pause" : "unpause");
        return steps;
    }

    /** Stops gracefully (SIGKILL after stop_timeout) or, with force_kill, kills; then removes and waits until it is gone. */
    public static Result remove(ContainerArgs args, Map<String, Object> current, DockerEndpoint docker) {
        String id = String.valueOf(current.get("Id"));
        if (running(current)) stop(args, id, docker);
        docker.removeContainer(id, true);
        waitRemoved(args, id, docker);
        return new Result(null, null, null, List.of());
    }

    private static void stop(ContainerArgs args, String id, DockerEndpoint docker) {
        if (paused(docker.inspect(DockerObject.CONTAINER, id).orElse(Map.of()))) docker.unpauseContainer(id);
        if (!args.force_kill()) {
            docker.stopContainer(id, stopTimeout(args));
            return;
        }
        try {
            docker.killContainer(id, args.kill_signal());
        } catch (io.swarmplay.connection.docker.DockerException e) {
            // it exited between inspect and kill: nothing left to kill
            if (!e.getMessage().contains("is not running")) throw e;
        }
    }

    private static Duration stopTimeout(ContainerArgs args) {
        Long seconds = args.options().get("stop_timeout");
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    private static void waitRemoved(ContainerArgs args, String id, DockerEndpoint docker) {
        double seconds = args.removal_wait_timeout() == null ? 60 : args.removal_wait_timeout();
        long limit = System.nanoTime() + (long) (seconds * 1e9);
        while (docker.inspect(DockerObject.CONTAINER, id).isPresent()) {
            if (System.nanoTime() > limit) {
                throw new ModuleException("Timeout of " + seconds + " seconds exceeded while waiting for container \""
                        + id + "\"");
            }
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleException("interrupted");
        }
    }

    /** Creates the container (pulling its image when missing or asked to), puts copy_in files, connects networks, starts. */
    public static Result create(ContainerArgs args, DockerEndpoint docker, HostSession host) {
        Map<String, Object> image = ensureImage(args, docker, host);
        Options effective = args.effective();
        OptionContext ctx = context(args, effective, image, host, docker);
        Map<String, Object> body = ContainerComparison.createBody(args, effective, ctx, args.image());
        CreatedContainer created = docker.createContainer(args.name(), body);
        List<String> warnings = new ArrayList<>(created.warnings().stream().map(w -> "Docker warning: " + w).toList());
        Map<String, Object> now = inspect(docker, created.id());
        for (Map<String, Object> file : copyIn(args)) copyIn(created.id(), file, docker, host, now);
        ContainerNetworks.apply(ContainerNetworks.plan(args, ContainerComparison.modes(args), now, true), created.id(), docker);
        return afterState(args, created.id(), docker, host, warnings);
    }

    /** Applies updatable differences, networks and state steps to an existing container. */
    public static Result update(ContainerArgs args, Map<String, Object> current, List<Difference> diffs, ContainerNetworks.Plan networks,
                                DockerEndpoint docker, HostSession host) {
        String id = String.valueOf(current.get("Id"));
        List<String> warnings = new ArrayList<>();
        if (!diffs.isEmpty()) {
            Options effective = args.effective();
            OptionContext ctx = context(args, effective, null, host, docker);
            docker.updateContainer(id, ContainerComparison.updateBody(diffs, effective, ctx)).forEach(w -> warnings.add("Docker warning: " + w));
        }
        ContainerNetworks.apply(networks, id, docker);
        return afterState(args, id, docker, host, warnings);
    }

    private static Result afterState(ContainerArgs args, String id, DockerEndpoint docker, HostSession host, List<String> warnings) {
        Map<String, Object> now = inspect(docker, id);
        List<String> steps = stateSteps(args, now);
        if (steps.contains("start")) {
            Result started = start(args, id, docker, host, warnings);
            if (started != null) return started;
        }
        if (steps.contains("restart")) docker.restartContainer(id, stopTimeout(args) == null ? Duration.ofSeconds(10) : stopTimeout(args));
        if (steps.contains("stop")) stop(args, id, docker);
        now = docker.inspect(DockerObject.CONTAINER, id).orElse(null);
        if (now == null) return new Result(null, null, null, warnings); // auto_remove: it exited and is gone, as community.docker reports it
        Boolean paused = args.pausedWanted();
        if (args.state().equals("started") && paused != null && paused != paused(now)) {
            if (paused) docker.pauseContainer(id);
            else docker.unpauseContainer(id);
        }
        return new Result(docker.inspect(DockerObject.CONTAINER, id).orElse(null), null, null, warnings);
    }

    /** Starts, then waits for {@code wait_for}; with {@code detach: false} runs to the exit (a Result then, else null). */
    private static Result start(ContainerArgs args, String id, DockerEndpoint docker, HostSession host, List<String> warnings) {
        docker.startContainer(id);
        if (args.wait_for() != null) ReadinessWait.await(args.wait_for(), args.name(), docker, host);
        if (args.detach()) return null;
        long code = docker.waitContainer(id, Duration.ofDays(1)).orElse(-1L);
        boolean autoRemove = Boolean.TRUE.equals(args.effective().get("auto_remove"));
        String output = autoRemove ? "Cannot retrieve result as auto_remove is enabled" : logs(docker.logTail(id, 0));
        if (args.output_logs() && !output.isEmpty()) host.progress(output.stripTrailing());
        if (args.cleanup()) docker.removeContainer(id, true);
        // the engine removes an auto_remove container after its exit, on its own time: the task ends when it is gone
        if (args.cleanup() || autoRemove) waitRemoved(args, id, docker);
        Map<String, Object> after = new LinkedHashMap<>(docker.inspect(DockerObject.CONTAINER, id).orElse(Map.of()));
        after.put("Output", output);
        String failure = code == 0 ? null : !output.isEmpty() ? output
                : "container '" + args.name() + "' on " + host.name() + " exited with code " + code + "; the container printed nothing";
        return new Result(after, code, failure, warnings);
    }

    /** The container's output as the engine gives it: every line ends with its newline. */
    private static String logs(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static Map<String, Object> inspect(DockerEndpoint docker, String id) {
        return docker.inspect(DockerObject.CONTAINER, id).orElseThrow(() -> new ModuleException("container " + id + " vanished"));
    }

    /** The image to create from: inspected, pulled first when missing or with pull. */
    private static Map<String, Object> ensureImage(ContainerArgs args, DockerEndpoint docker, HostView host) {
        Map<String, Object> image = docker.inspect(DockerObject.IMAGE, args.image()).orElse(null);
        if (image != null && !args.pull()) return image;
        String ref = args.image();
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        boolean tagged = colon > slash;
        try {
            docker.pullImage(tagged ? ref.substring(0, colon) : ref, tagged ? ref.substring(colon + 1) : "latest", null);
        } catch (RuntimeException e) {
            if (image != null) return image;
            throw new ModuleException("image " + ref + " is not on " + host.name() + " and pulling it failed: " + e.getMessage());
        }
        return docker.inspect(DockerObject.IMAGE, ref).orElseThrow(() -> new ModuleException("image " + ref + " is not on "
                + host.name() + " (load, build or pull it first with docker_image)"));
    }

    private static List<Map<String, Object>> copyIn(ContainerArgs args) {
        if (args.copy_in() == null) return List.of();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object item : args.copy_in()) out.add(new LinkedHashMap<>(Specs.map(item, "copy_in")));
        return out;
    }

    private static void copyIn(String id, Map<String, Object> file, DockerEndpoint docker, HostSession host,
                               Map<String, Object> created) {
        String[] dest = copyInDest(file);
        TarFile tar = new TarFile(dest[1], content(file, host, created), Specs.mode(file.get("mode"), 0644));
        docker.copyIn(id, dest[0], List.of(tar));
    }

    /**
     * Checks the nested arguments apply would meet half-way ({@code copy_in} entries and their
     * control-node files, {@code wait_for}), so that a plan never shows {@code +} for a step that
     * would fail after creating the container.
     */
    public static void validate(ContainerArgs args, HostView host) {
        for (Map<String, Object> file : copyIn(args)) {
            copyInDest(file);
            Specs.mode(file.get("mode"), 0644);
            source(file, host);
        }
        if (args.wait_for() != null) WaitFor.parse(args.wait_for());
    }

    /** A {@code copy_in} entry's {@code dest}: an absolute file path, split into its directory and file name. */
    private static String[] copyInDest(Map<String, Object> file) {
        String dest = Specs.required(file, "dest", "copy_in");
        int slash = dest.lastIndexOf('/');
        if (!dest.startsWith("/") || slash == dest.length() - 1) {
            throw new ModuleException("copy_in: dest '" + dest + "' must be an absolute file path");
        }
        return new String[] {slash == 0 ? "/" : dest.substring(0, slash), dest.substring(slash + 1)};
    }

    /**
     * {@code content} (already rendered by the runner), a control-node file {@code src} (under
     * files/), or {@code inspect_lines}: values of the container's own inspect output, one a line
     * ({@code [Id, Config.Image, Image]} is HPE's container_info_file: id, image reference, image id),
     * known only once the container exists.
     */
    public static byte[] content(Map<String, Object> file, HostView host) {
        return content(file, host, Map.of());
    }

    /** As {@link #content(Map, HostView)}, {@code inspect_lines} read from {@code container}'s inspect output. */
    public static byte[] content(Map<String, Object> file, HostView host, Map<String, Object> container) {
        if (file.get("inspect_lines") != null) return inspectLines(file, container).getBytes(StandardCharsets.UTF_8);
        java.nio.file.Path src = source(file, host);
        return src == null ? file.get("content").toString().getBytes(StandardCharsets.UTF_8) : ControlFiles.read(src);
    }

    private static String inspectLines(Map<String, Object> file, Map<String, Object> container) {
        StringBuilder out = new StringBuilder();
        for (String path : inspectPaths(file)) {
            Object value = ApiValues.get(container, path);
            if (value == null) throw new ModuleException("copy_in: inspect_lines: the container has no " + path);
            out.append(value).append('\n');
        }
        return out.toString();
    }

    private static List<String> inspectPaths(Map<String, Object> file) {
        if (!(file.get("inspect_lines") instanceof List<?> paths) || paths.isEmpty()) {
            throw new ModuleException("copy_in: inspect_lines must be a list of inspect paths, e.g. [Id, Config.Image, Image]");
        }
        return paths.stream().map(String::valueOf).toList();
    }

    /** The control-node file of a {@code copy_in} entry, or null when it gives {@code content}; exactly one of them. */
    private static java.nio.file.Path source(Map<String, Object> file, HostView host) {
        Object content = file.get("content");
        Object src = file.get("src");
        int given = (content == null ? 0 : 1) + (src == null ? 0 : 1) + (file.get("inspect_lines") == null ? 0 : 1);
        if (given != 1) throw new ModuleException("copy_in: give exactly one of content, src or inspect_lines");
        if (file.get("inspect_lines") != null) {
            inspectPaths(file);
            return null;
        }
        return src == null ? null : ControlFiles.find(host, src.toString(), "files");
    }
}
