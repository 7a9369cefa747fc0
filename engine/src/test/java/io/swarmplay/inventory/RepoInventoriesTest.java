package io.swarmplay.inventory;

import io.swarmplay.source.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's inventories (every inventory file beside a {@code group_vars/} directory) set
 * no variable at group level that a {@code group_vars/} file also sets: under Ansible's precedence
 * the file would win and the inventory's value would silently be lost.
 */
class RepoInventoriesTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** The inventory files (YAML or INI) that sit beside a {@code group_vars/} directory. */
    static List<Path> repoInventories() throws IOException {
        try (Stream<Path> all = Files.walk(REPO)) {
            List<Path> groupVarsDirs = all.filter(p -> !skipped(REPO.relativize(p)))
                    .filter(p -> p.getFileName().toString().equals("group_vars") && Files.isDirectory(p)).toList();
            return groupVarsDirs.stream().flatMap(RepoInventoriesTest::inventoriesBeside).sorted().toList();
        }
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("target") || name.equals("lab")) return true;
        }
        return false;
    }

    private static Stream<Path> inventoriesBeside(Path groupVars) {
        try (Stream<Path> files = Files.list(groupVars.getParent())) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|ini)")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void noRepositoryInventorySetsAtGroupLevelWhatAGroupVarsFileSets() throws IOException {
        List<Path> inventories = repoInventories();
        assertTrue(inventories.containsAll(List.of(REPO.resolve("inventory/two-hosts.yaml"), REPO.resolve("inventory/local.yaml"),
                REPO.resolve("e2e/inventory/other-ports.yaml"))), inventories.toString());
        for (Path inventory : inventories) {
            assertEquals(Set.of(), ShadowedGroupVars.of(inventory),
                    REPO.relativize(inventory) + ": group vars that group_vars/ overrides (set them on each host instead)");
        }
    }

    @Test
    void aGroupsInventoryVarThatAGroupVarsFileAlsoSetsIsShadowed() {
        Path inventory = TestFiles.write(dir, "inv/hosts.yaml", """
                all:
                  vars: {min_peers: 3, ansible_user: u}
                  children:
                    swarm:
                      hosts:
                        h1: {apls_ip: 10.0.0.1}
                      vars: {apls_ip: 10.0.0.9, sl_base_port: 26000, local_ip: 10.0.0.2}
                    other:
                      hosts:
                        h2:
                      vars: {role: web}
                """);
        TestFiles.write(dir, "inv/group_vars/all.yaml", "min_peers: 2\napls_ip: x\nsl_base_port: 16000\n");
        TestFiles.write(dir, "inv/group_vars/swarm.yaml", "role: db\n");
        assertEquals(Set.of("all: vars: min_peers", "swarm: vars: apls_ip", "swarm: vars: sl_base_port"), ShadowedGroupVars.of(inventory),
                "host vars and group vars no group_vars/ file sets are fine; a file of a group the host is not in does not count");
    }
}
