package io.swarmplay.modules.python;

import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.source.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where Python modules and action plugins are found, and which one a name means. */
class PythonPluginModulesTest {

    @TempDir
    Path dir;

    private PythonPluginModules plugins(List<Path> library, List<Path> actions) {
        return new PythonPluginModules(ModuleRegistry.of(), Optional::empty, library, actions);
    }

    @Test
    void aModuleBesideTheRoleIsFoundAndAnActionPluginOfTheSameNameShadowsIt() {
        TestFiles.write(dir, "role/library/thing.py", "# module\n");
        Path tasks = TestFiles.write(dir, "role/tasks/main.yml", "- thing:\n");
        assertInstanceOf(PythonModule.class, plugins(List.of(), List.of()).find("thing", tasks).orElseThrow());
        TestFiles.write(dir, "role/action_plugins/thing.py", "# action\n");
        Module<?> found = plugins(List.of(), List.of()).find("ansible.legacy.thing", tasks).orElseThrow();
        assertInstanceOf(PythonAction.class, found);
    }

    @Test
    void theConfiguredPathsAreSearchedAfterTheFilesOwnFoldersAndCollectionNamesAreNot() {
        Path library = dir.resolve("lib");
        TestFiles.write(dir, "lib/thing.py", "# module\n");
        Path tasks = TestFiles.write(dir, "play/site.yml", "- thing:\n");
        assertTrue(plugins(List.of(), List.of()).find("thing", tasks).isEmpty());
        assertInstanceOf(PythonModule.class, plugins(List.of(library), List.of()).find("thing", tasks).orElseThrow());
        assertTrue(plugins(List.of(library), List.of()).find("my.collection.thing", tasks).isEmpty());
    }

    @Test
    void theRegistryKnowsAFoundPluginByNameForTheRestOfTheRun() {
        TestFiles.write(dir, "library/thing.py", "# module\n");
        Path playbook = TestFiles.write(dir, "site.yml", "- thing:\n");
        ModuleRegistry registry = ModuleRegistry.of();
        registry.withPlugins(new PythonPluginModules(registry, Optional::empty, List.of(), List.of()));
        assertTrue(registry.find("thing").isEmpty());
        Module<?> found = registry.plugin("thing", playbook).orElseThrow();
        assertEquals(found, registry.find("thing").orElseThrow());
    }

    @Test
    void aModuleWithoutThePyExtensionIsFoundAfterAnyNamePyAndIgnoredExtensionsAreNot() {
        Path tasks = TestFiles.write(dir, "play/site.yml", "- bad_json:\n");
        TestFiles.write(dir, "play/library/bad_json.txt", "notes\n");
        assertTrue(plugins(List.of(), List.of()).find("bad_json", tasks).isEmpty());
        TestFiles.write(dir, "play/library/bad_json", "#!/bin/bash\necho '{}'\n");
        PythonModule shell = (PythonModule) plugins(List.of(), List.of()).find("bad_json", tasks).orElseThrow();
        assertEquals("bad_json", shell.file.getFileName().toString());
        TestFiles.write(dir, "lib/bad_json.py", "# module\n");
        PythonModule py = (PythonModule) plugins(List.of(dir.resolve("lib")), List.of()).find("bad_json", tasks).orElseThrow();
        assertEquals("bad_json.py", py.file.getFileName().toString());
    }

    @Test
    void ansibleCoresModuleFilesComeAfterTheUsersLibraryAndAnsibleBuiltinNamesOnlyThem() {
        Path tasks = TestFiles.write(dir, "play/site.yml", "- known_hosts:\n");
        PythonModule core = (PythonModule) plugins(List.of(), List.of()).find("known_hosts", tasks).orElseThrow();
        assertEquals(Path.of("ansible", "modules", "known_hosts.py"), core.file);
        TestFiles.write(dir, "play/library/known_hosts.py", "# module\n");
        for (String name : List.of("known_hosts", "ansible.legacy.known_hosts")) {
            PythonModule user = (PythonModule) plugins(List.of(), List.of()).find(name, tasks).orElseThrow();
            assertEquals(dir.resolve("play/library/known_hosts.py"), user.file, name);
        }
        PythonModule builtin = (PythonModule) plugins(List.of(), List.of()).find("ansible.builtin.known_hosts", tasks).orElseThrow();
        assertEquals(Path.of("ansible", "modules", "known_hosts.py"), builtin.file);
        TestFiles.write(dir, "play/action_plugins/cron.py", "# action\n");
        assertInstanceOf(PythonAction.class, plugins(List.of(), List.of()).find("cron", tasks).orElseThrow());
    }

    @Test
    void onlyAnsibleCoresModuleFilesAreKnownNotItsActionOnlyNamesNorUnknownOnes() {
        Path tasks = TestFiles.write(dir, "site.yml", "- x:\n");
        for (String name : List.of("debconf", "ansible.builtin.systemd", "ansible.legacy.service_facts", "git", "apt")) {
            assertTrue(plugins(List.of(), List.of()).find(name, tasks).isPresent(), name);
        }
        for (String name : List.of("known_hostz", "validate_argument_spec", "include_tasks", "ansible.builtin.debug", "community.general.cron")) {
            assertTrue(plugins(List.of(), List.of()).find(name, tasks).isEmpty(), name);
        }
    }

    @Test
    void anAnsibleCoreModuleWithoutAnsibleCoreOnTheControlNodeFailsWhenItRunsSayingSo() {
        Path tasks = TestFiles.write(dir, "site.yml", "- known_hosts:\n");
        plugins(List.of(), List.of()).find("known_hosts", tasks).orElseThrow(); // known at load without a Python
        ModuleException e = assertThrows(ModuleException.class,
                () -> CoreModules.file("known_hosts", () -> { throw new ModuleException("no Python 3 was found"); }));
        assertEquals("the module ansible.builtin.known_hosts is not built into swarmplay: it runs ansible-core's module file, "
                + "and needs ansible-core on the control node: no Python 3 was found", e.getMessage());
    }
}
