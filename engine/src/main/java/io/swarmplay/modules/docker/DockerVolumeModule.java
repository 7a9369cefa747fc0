package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.connection.docker.VolumeInfo;
import io.swarmplay.module.ArgTable;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Diff;
import io.swarmplay.module.Doc;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Options;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.docker.support.DockerCommonArgs;
import io.swarmplay.modules.docker.support.DockerModule;
import io.swarmplay.modules.docker.support.VolumeFiles;
import io.swarmplay.modules.support.Results;

import java.util.List;
import java.util.Map;

/**
 * A named volume, present (optionally holding {@code files}) or absent.
 * <pre>{@code
 * - docker_volume:
 *     name: sl-certs
 *     labels: {app: swarm}
 *     files:
 *       - {dest: ca/ca.pem, src: certs/ca.pem, mode: "0644"}
 *       - {dest: node.conf, content: "node={{ inventory_hostname }}\n"}
 * }</pre>
 * Files are compared by SHA-256 through the volume's mountpoint on the host (read-only) and put
 * in through a helper container that is created, never started, from {@code helper_image}
 * (default: the first image on the host), then removed. Label differences are ignored unless
 * {@code recreate: options-changed} (recreating loses the data, as in community.docker).
 */
@ModuleInfo(name = "docker_volume", aliases = "community.docker.docker_volume", checkMode = CheckSupport.FULL, diff = true)
public final class DockerVolumeModule extends DockerModule<DockerVolumeModule.Args> {

    public record Args(@Doc("Name of the volume.") @io.swarmplay.module.Required @io.swarmplay.module.Alias("volume_name") String name,
                       @Doc("Whether the volume exists.") @Choices({"present", "absent"}) String state,
                       @Doc("Volume driver (local by default).") String driver,
                       @Doc("Options of the volume driver (type, device, o).") Map<String, String> driver_options,
                       @Doc("Labels of the volume.") Map<String, String> labels,
                       @Doc("Files the volume holds: {dest, src or content, mode}, put in through a helper container.") List<Object> files,
                       @Doc("Image of the helper container that puts files in (default: the first image on the host).") String helper_image,
                       @Doc("When to recreate the volume (losing its data).") @Choices({"never", "options-changed", "always"}) String recreate,
                       @ArgTable.From(DockerCommonArgs.class) Options connection) implements DockerCommonArgs.Taker {
    }

    @Override
    protected Class<Args> args() {
        return Args.class;
    }

    @Override
    protected Change plan(Args args, HostView host, DockerReader docker) {
        VolumeInfo current = docker.inspectVolume(args.name()).orElse(null);
        if (args.state().equals("absent")) {
            return current == null ? Change.none("volume " + args.name() + " does not exist")
                    : Change.delete("remove volume " + args.name());
        }
        VolumeFiles files = VolumeFiles.of(args.files(), host);
        if (current == null) {
            return Change.create("create volume " + args.name() + files.describe())
                    .withDiff(Diff.fields("volume " + args.name(), List.of(new Diff.FieldChange("exists", "false", "true"))));
        }
        List<Diff.FieldChange> options = optionChanges(args, current, docker);
        if (args.recreate().equals("always") || args.recreate().equals("options-changed") && !options.isEmpty()) {
            String why = options.isEmpty() ? "recreate: always" : options.get(0).field() + " changed";
            return Change.replace("replace: " + why + " (the volume's data is lost)" + files.describe())
                    .withDiff(Diff.fields("volume " + args.name(), options));
        }
        List<String> stale = files.differing(current.mountpoint(), host);
        if (stale.isEmpty()) return Results.none("volume " + args.name() + " exists" + files.upToDate(), registered(docker, args.name()));
        return Change.update("put " + String.join(", ", stale) + " into volume " + args.name())
                .withDiff(Diff.fields("volume " + args.name(), stale.stream()
                        .map(f -> new Diff.FieldChange("files." + f, "(differs)", "(from task)")).toList()));
    }

    @SuppressWarnings("unchecked")
    private static List<Diff.FieldChange> optionChanges(Args args, VolumeInfo current, DockerReader docker) {
        List<Diff.FieldChange> changes = new java.util.ArrayList<>();
        if (args.driver() != null && !args.driver().equals(current.driver())) {
            changes.add(new Diff.FieldChange("driver", current.driver(), args.driver()));
        }
        if (args.driver_options() != null) {
            Map<String, Object> has = docker.inspect(io.swarmplay.connection.docker.DockerObject.VOLUME, args.name())
                    .map(v -> v.get("Options") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of()).orElse(Map.of());
            args.driver_options().forEach((k, v) -> {
                if (!v.equals(has.get(k) == null ? null : String.valueOf(has.get(k)))) {
                    changes.add(new Diff.FieldChange("driver_options." + k, has.get(k) == null ? "(unset)" : String.valueOf(has.get(k)), v));
                }
            });
        }
        if (args.labels() != null) {
            args.labels().forEach((k, v) -> {
                if (!v.equals(current.labels().get(k))) {
                    changes.add(new Diff.FieldChange("labels." + k, current.labels().getOrDefault(k, "(unset)"), v));
                }
            });
        }
        return changes;
    }

    @Override
    protected Outcome apply(Args args, Change change, HostSession host, DockerEndpoint docker) {
        VolumeFiles files = VolumeFiles.of(args.files(), host);
        switch (change.action()) {
            case DELETE -> docker.removeVolume(args.name());
            case REPLACE -> {
                docker.removeVolume(args.name());
                create(args, files, docker);
            }
            case CREATE -> create(args, files, docker);
            default -> files.put(args.name(), args.helper_image(), docker, host);
        }
        return change.action() == io.swarmplay.module.Action.DELETE ? Outcome.changed(change)
                : Outcome.changed(change).withData(registered(docker, args.name()));
    }

    /** {@code volume}: the engine's inspect output, as community.docker returns it. */
    private static Map<String, Object> registered(DockerReader docker, String name) {
        return docker.inspect(io.swarmplay.connection.docker.DockerObject.VOLUME, name)
                .<Map<String, Object>>map(v -> Map.of("volume", v)).orElse(Map.of());
    }

    private static void create(Args args, VolumeFiles files, DockerEndpoint docker) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("Name", args.name());
        body.put("Driver", args.driver() == null ? "local" : args.driver());
        if (args.driver_options() != null) body.put("DriverOpts", args.driver_options());
        body.put("Labels", args.labels() == null ? Map.of() : args.labels());
        docker.createVolume(body);
        if (!files.isEmpty()) files.put(args.name(), args.helper_image(), docker, null);
    }
}
