package io.swarmplay.connection.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.command.ListContainersCmd;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.swarmplay.connection.ExecResult;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link DockerEndpoint} on docker-java. The client is built on the first call (for an SSH host
 * that is also when the socket gets forwarded); images, volumes and networks are in
 * {@link DockerJavaResources}.
 */
final class DockerJavaEndpoint extends DockerJavaResources implements DockerEndpoint {

    private static final Duration LOG_TAIL_LIMIT = Duration.ofSeconds(30);

    DockerJavaEndpoint(DockerTarget target, Supplier<String> dockerHost) {
        super(target, dockerHost);
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public String address() {
        return target.given();
    }

    @Override
    public String serverVersion() {
        return call("read the version", () -> client().versionCmd().exec().getVersion());
    }

    @Override
    public Optional<ContainerState> inspectContainer(String nameOrId) {
        return find("inspect container " + nameOrId,
                () -> Inspections.container(client().inspectContainerCmd(nameOrId).exec()));
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        String id = call("create container " + spec.name(), () -> ContainerCreation.command(client(), spec).exec().getId());
        // the first network is the one it was created on, unless network_mode named another
        int first = spec.networkMode() == null ? Math.min(1, spec.networks().size()) : 0;
        for (NetworkAttachment extra : spec.networks().subList(first, spec.networks().size())) {
            connectNetwork(extra.network(), id, extra);
        }
        return id;
    }

    @Override
    public void startContainer(String id) {
        call("start container " + id, () -> client().startContainerCmd(id).exec());
    }

    @Override
    public void stopContainer(String id, Duration timeout) {
        try {
            call("stop container " + id, () -> {
                var stop = client().stopContainerCmd(id);
                if (timeout != null) stop.withTimeout((int) timeout.toSeconds());
                return stop.exec();
            });
        } catch (DockerException e) {
            if (!(e.getCause() instanceof NotModifiedException || e.getCause() instanceof NotFoundException)) throw e;
        }
    }

    @Override
    public void removeContainer(String id, boolean force) {
        try {
            call("remove container " + id, () -> client().removeContainerCmd(id).withForce(force).withRemoveVolumes(true).exec());
        } catch (DockerException e) {
            // gone already, or an auto-removed container the engine is removing itself
            if (!(e.getCause() instanceof NotFoundException) && !e.getMessage().contains("already in progress")) throw e;
        }
    }

    @Override
    public Optional<Long> waitContainer(String id, Duration timeout) {
        try {
            Integer code = call("wait for container " + id, () -> client().waitContainerCmd(id)
                    .exec(new com.github.dockerjava.core.command.WaitContainerResultCallback())
                    .awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS));
            return Optional.of(code.longValue());
        } catch (DockerException e) {
            if (e.getCause() instanceof DockerClientException) return Optional.empty(); // the timeout passed
            throw e;
        }
    }

    @Override
    public List<ContainerSummary> listContainers(Map<String, String> labels, String ancestor) {
        return call("list containers", () -> {
            ListContainersCmd list = client().listContainersCmd().withShowAll(true);
            if (!labels.isEmpty()) list.withLabelFilter(labels);
            if (ancestor != null) list.withAncestorFilter(List.of(ancestor));
            return list.exec().stream().map(Inspections::summary).toList();
        });
    }

    @Override
    public List<String> logTail(String id, int lines) {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        LineSplitter[] splitters = {new LineSplitter(out::add), new LineSplitter(out::add)};
        call("read the logs of " + id, () -> {
            var logs = client().logContainerCmd(id).withStdOut(true).withStdErr(true);
            var cb = (lines > 0 ? logs.withTail(lines) : logs.withTailAll()).exec(framesTo(splitters, () -> { }));
            return awaitQuietly(cb, LOG_TAIL_LIMIT);
        });
        return List.copyOf(out);
    }

    @Override
    public AutoCloseable followLogs(String id, Consumer<String> onLine, Runnable onEnd) {
        LineSplitter[] splitters = {new LineSplitter(onLine), new LineSplitter(onLine)};
        return call("follow the logs of " + id, () -> client().logContainerCmd(id).withStdOut(true).withStdErr(true)
                .withFollowStream(true).withTailAll().exec(framesTo(splitters, onEnd)));
    }

    /** Frames to line splitters (index 1 for stderr); {@code onEnd} once the stream ends. */
    private static ResultCallback.Adapter<Frame> framesTo(LineSplitter[] splitters, Runnable onEnd) {
        return new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                splitters[frame.getStreamType() == StreamType.STDERR ? 1 : 0].accept(frame.getPayload());
            }

            @Override
            public void onComplete() {
                for (LineSplitter s : splitters) s.flush();
                super.onComplete();
                onEnd.run();
            }
        };
    }

    private static boolean awaitQuietly(ResultCallback.Adapter<?> callback, Duration limit) {
        try {
            return callback.awaitCompletion(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public ExecResult exec(String id, ExecSpec spec) {
        return call("exec in container " + id, () -> execNow(id, spec));
    }

    @Override
    public String execDetached(String id, ExecSpec spec) {
        return call("exec in container " + id, () -> {
            String execId = createExec(id, spec);
            client().execStartCmd(execId).withDetach(true).withTty(spec.tty()).exec(new ResultCallback.Adapter<Frame>());
            return execId;
        });
    }

    private String createExec(String id, ExecSpec spec) {
        var create = client().execCreateCmd(id).withCmd(spec.argv().toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).withTty(spec.tty()).withAttachStdin(spec.stdin() != null);
        if (!spec.env().isEmpty()) create.withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        if (spec.user() != null) create.withUser(spec.user());
        if (spec.workdir() != null) create.withWorkingDir(spec.workdir());
        return create.exec().getId();
    }

    private ExecResult execNow(String id, ExecSpec spec) {
        long start = System.nanoTime();
        String execId = createExec(id, spec);
        if (spec.stdin() != null) {
            HijackedExec.Output o = HijackedExec.run(address(), target.hostName(), execId, spec.stdin(), spec.tty(), spec.timeout());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String stdout = new String(o.stdout(), StandardCharsets.UTF_8);
            String stderr = new String(o.stderr(), StandardCharsets.UTF_8);
            return new ExecResult(o.timedOut() ? -1 : (int) exitCode(execId), stdout, stderr, null, o.timedOut(), took);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cb = client().execStartCmd(execId).withTty(spec.tty()).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame f) {
                (f.getStreamType() == StreamType.STDERR ? err : out).writeBytes(f.getPayload());
            }
        });
        boolean done = awaitQuietly(cb, spec.timeout() == null ? Duration.ofDays(1) : spec.timeout());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!done) {
            closeQuietly(cb);
            return new ExecResult(-1, text(out), text(err), null, true, took);
        }
        return new ExecResult((int) exitCode(execId), text(out), text(err), null, false, took);
    }

    /** The exec's exit code; the engine may take a moment to record it after the stream ends. */
    private long exitCode(String execId) {
        for (int attempt = 0; attempt < 100; attempt++) {
            InspectExecResponse inspect = client().inspectExecCmd(execId).exec();
            if (!Boolean.TRUE.equals(inspect.isRunning()) && inspect.getExitCodeLong() != null) {
                return inspect.getExitCodeLong();
            }
            Thread.onSpinWait();
        }
        throw new DockerException("exec " + execId + " on " + target.hostName() + " ended without an exit code");
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void copyIn(String id, String dir, List<TarFile> files) {
        byte[] tar = Tars.of(files);
        call("copy files into " + id + ":" + dir, () -> client().copyArchiveToContainerCmd(id).withRemotePath(dir)
                .withTarInputStream(new ByteArrayInputStream(tar)).exec());
    }

    @Override
    public List<String> buildImage(Path contextDir, ImageBuild build) {
        java.io.ByteArrayOutputStream context = new java.io.ByteArrayOutputStream();
        Tars.writeContext(contextDir, context);
        List<String> output = new java.util.ArrayList<>();
        EngineApi.postTar(target, client(), "build an image from " + contextDir, "/build", build.query(),
                new ByteArrayInputStream(context.toByteArray()), message -> {
                    Object line = message.get("stream") != null ? message.get("stream") : message.get("status");
                    if (message.containsKey("stream") || message.containsKey("status")) output.add(line == null ? "" : line.toString());
                    if (message.get("error") != null) throw new DockerException(buildError(message, output));
                });
        return output;
    }

    @SuppressWarnings("unchecked")
    private static String buildError(Map<String, Object> message, List<String> output) {
        String logs = output.stream().map(l -> "'" + l.replace("\n", "\\n") + "'").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        if (message.get("errorDetail") instanceof Map<?, ?> detail) {
            return "code: " + ((Map<String, Object>) detail).get("code") + ", message: " + detail.get("message") + ", logs: " + logs;
        }
        return "message: " + message.get("error") + ", logs: " + logs;
    }

    @Override
    public void putArchive(String id, String dir, ArchiveEntry entry) {
        byte[] tar = Tars.of(entry);
        call("copy " + entry.name() + " into " + id + ":" + dir, () -> client().copyArchiveToContainerCmd(id).withRemotePath(dir)
                .withTarInputStream(new ByteArrayInputStream(tar)).exec());
    }

    @Override
    public Optional<PathStat> statPath(String id, String path) {
        return EngineApi.header(target, client(), "stat " + id + ":" + path, "/containers/" + id + "/archive",
                Map.of("path", path), "X-Docker-Container-Path-Stat").map(DockerJavaEndpoint::pathStat);
    }

    @SuppressWarnings("unchecked")
    private static PathStat pathStat(String header) {
        Map<String, Object> stat = (Map<String, Object>) EngineApi.parse(java.util.Base64.getDecoder().decode(header));
        return new PathStat(String.valueOf(stat.get("name")), ((Number) stat.get("size")).longValue(),
                ((Number) stat.get("mode")).longValue(), String.valueOf(stat.getOrDefault("linkTarget", "")));
    }

    @Override
    public Optional<ArchiveEntry> archiveEntry(String id, String path) {
        return DockerClients.find(target, "copy " + id + ":" + path + " out", () -> {
            try (InputStream tar = client().copyArchiveFromContainerCmd(id, path).exec()) {
                return Tars.first(tar);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).flatMap(o -> o);
    }

    @Override
    public List<TarFile> copyOut(String id, String path) {
        return call("copy " + id + ":" + path + " out", () -> {
            try (InputStream tar = client().copyArchiveFromContainerCmd(id, path).exec()) {
                return Tars.read(tar);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Override
    public String buildImage(Path contextDir, String dockerfile, Map<String, String> args, List<String> tags) {
        return build(contextDir, dockerfile, args, tags);
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // releasing a stream we gave up on: nothing to report
        }
    }

    // ---- the Engine API's own answers

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> inspect(DockerObject kind, String nameOrId) {
        return EngineApi.get(target, client(), "inspect " + kind.noun() + " " + nameOrId, kind.inspectPath(nameOrId), Map.of())
                .map(o -> (Map<String, Object>) o);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> prune(DockerObject kind, Map<String, List<String>> filters) {
        Map<String, String> query = filters == null || filters.isEmpty() ? Map.of() : Map.of("filters", EngineApi.filters(filters));
        return (Map<String, Object>) EngineApi.post(target, client(), "prune " + kind.noun() + "s", kind.prunePath(), query);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> pruneBuildCache() {
        return (Map<String, Object>) EngineApi.post(target, client(), "prune the builder cache", "/build/prune", Map.of());
    }

    @Override
    public Object read(String path, Map<String, String> query) {
        return EngineApi.get(target, client(), "read " + path, path, query)
                .orElseThrow(() -> new DockerException("cannot read " + path + " on " + target.hostName() + ": not found"));
    }

    // ---- containers as the Engine API describes them

    @Override
    @SuppressWarnings("unchecked")
    public CreatedContainer createContainer(String name, Map<String, Object> body) {
        Map<String, Object> request = new java.util.LinkedHashMap<>(body);
        Map<String, String> query = new java.util.LinkedHashMap<>(Map.of("name", name));
        Object platform = request.remove(PLATFORM_QUERY);
        if (platform != null) query.put("platform", platform.toString());
        Map<String, Object> answer = (Map<String, Object>) EngineApi.post(target, client(), "create container " + name,
                "/containers/create", query, request);
        return new CreatedContainer(String.valueOf(answer.get("Id")), warnings(answer));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> updateContainer(String id, Map<String, Object> body) {
        return warnings((Map<String, Object>) EngineApi.post(target, client(), "update container " + id,
                "/containers/" + id + "/update", Map.of(), body));
    }

    private static List<String> warnings(Map<String, Object> answer) {
        return answer.get("Warnings") instanceof List<?> w ? w.stream().map(String::valueOf).toList() : List.of();
    }

    @Override
    public void pauseContainer(String id) {
        EngineApi.post(target, client(), "pause container " + id, "/containers/" + id + "/pause", Map.of());
    }

    @Override
    public void unpauseContainer(String id) {
        EngineApi.post(target, client(), "unpause container " + id, "/containers/" + id + "/unpause", Map.of());
    }

    @Override
    public void restartContainer(String id, Duration timeout) {
        EngineApi.post(target, client(), "restart container " + id, "/containers/" + id + "/restart",
                timeout == null ? Map.of() : Map.of("t", String.valueOf(timeout.toSeconds())));
    }

    @Override
    public void killContainer(String id, String signal) {
        EngineApi.post(target, client(), "kill container " + id, "/containers/" + id + "/kill",
                signal == null ? Map.of() : Map.of("signal", signal));
    }

    @Override
    @SuppressWarnings("unchecked")
    public String createNetwork(Map<String, Object> body) {
        Map<String, Object> answer = (Map<String, Object>) EngineApi.post(target, client(), "create network " + body.get("Name"),
                "/networks/create", Map.of(), body);
        return String.valueOf(answer.get("Id"));
    }

    @Override
    public void createVolume(Map<String, Object> body) {
        EngineApi.post(target, client(), "create volume " + body.get("Name"), "/volumes/create", Map.of(), body);
    }
}
