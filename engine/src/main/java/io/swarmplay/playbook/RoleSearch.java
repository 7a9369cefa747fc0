package io.swarmplay.playbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where roles are looked for, in Ansible's order: {@code roles/} beside the playbook, the roles
 * path ({@code ANSIBLE_ROLES_PATH}), for a dependency the directory holding the role that names
 * it, then the playbook's directory; last, the name as a path.
 */
public record RoleSearch(List<Path> dirs) {

    /** Ansible's default {@code roles_path}. */
    public static final String DEFAULT_ROLES_PATH = "~/.ansible/roles:/usr/share/ansible/roles:/etc/ansible/roles";

    public RoleSearch {
        dirs = List.copyOf(dirs);
    }

    /** The search of a playbook in {@code playbookDir} with the configured roles path. */
    /** The playbook's directory: searched last, for roles and for the files a role names. */
    public Path playbookDir() {
        return dirs.get(dirs.size() - 1);
    }

    public static RoleSearch forPlaybook(Path playbookDir, List<Path> rolesPath) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(playbookDir.resolve("roles"));
        dirs.addAll(rolesPath);
        dirs.add(playbookDir);
        return new RoleSearch(dirs);
    }

    /**
     * A {@code roles_path} value ({@code ANSIBLE_ROLES_PATH}): directories separated by {@code :},
     * {@code ~} is the home directory; null or blank gives Ansible's default.
     */
    public static List<Path> rolesPath(String value, String home) {
        String path = value == null || value.isBlank() ? DEFAULT_ROLES_PATH : value;
        List<Path> dirs = new ArrayList<>();
        for (String part : path.split(":")) {
            if (part.isBlank()) continue;
            dirs.add(Path.of(part.startsWith("~") && home != null ? home + part.substring(1) : part));
        }
        return dirs;
    }

    /** The search for the dependencies of the role in {@code roleDir}: its parent directory comes before the playbook's. */
    RoleSearch forDependenciesOf(Path roleDir) {
        Path parent = roleDir.toAbsolutePath().getParent();
        if (parent == null || dirs.contains(parent)) return this;
        List<Path> more = new ArrayList<>(dirs);
        more.add(more.size() - 1, parent);
        return new RoleSearch(more);
    }

    /** The role's directory, if one of the search directories (or the name as a path) holds it. */
    public Optional<Path> find(String name) {
        if (name.isBlank()) return Optional.empty();
        for (Path dir : dirs) {
            Path candidate = dir.resolve(name);
            if (Files.isDirectory(candidate)) return Optional.of(candidate.toAbsolutePath().normalize());
        }
        Path asPath = Path.of(name);
        return Files.isDirectory(asPath) ? Optional.of(asPath.toAbsolutePath().normalize()) : Optional.empty();
    }

    /** The names of the roles the search directories hold (for did-you-mean). */
    List<String> available() {
        List<String> names = new ArrayList<>();
        for (Path dir : dirs) {
            try (var entries = Files.list(dir)) {
                entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).forEach(names::add);
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // a directory that is missing or unreadable holds no roles
            }
        }
        return names;
    }

    /** The directories as Ansible lists them: joined with {@code :}. */
    public String describe() {
        return String.join(":", dirs.stream().map(Path::toString).toList());
    }
}
