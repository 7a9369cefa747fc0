package io.swarmplay.modules;

import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.ModuleRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleRegistryTest {

    private static final List<String> BUILT_IN = List.of("assert", "command", "copy", "debug", "fail", "file",
            "lineinfile", "meta", "pause", "set_fact", "shell", "slurp", "stat", "template", "wait_for");

    private final ModuleRegistry registry = ModuleRegistry.load();

    @Test
    void serviceLoaderFindsEveryBuiltInModuleUnderBothNames() {
        for (String name : BUILT_IN) {
            Module<?> module = registry.find(name).orElseThrow(() -> new AssertionError("missing module " + name));
            assertSame(module, registry.find("ansible.builtin." + name).orElseThrow(), name);
            assertEquals(name, module.info().name());
        }
    }

    @Test
    void ansibleBuiltinCopyResolvesToCopyModule() {
        assertInstanceOf(CopyModule.class, registry.find("ansible.builtin.copy").orElseThrow());
    }

    @Test
    void everyModuleHasARecordArgsTypeAndMetadata() {
        for (String name : BUILT_IN) {
            Module<?> module = registry.find(name).orElseThrow();
            ModuleInfo info = module.info();
            assertNotNull(info, name);
            assertTrue(module.argsType().isRecord(), name + " args must be a record");
        }
    }

    @Test
    void suggestsCloseNamesForTypos() {
        assertEquals("did you mean 'copy'?", registry.suggest("copyy"));
        assertEquals("did you mean 'lineinfile'?", registry.suggest("lineinfle"));
    }

    @Test
    void freeFormModulesNameTheirKey() {
        assertEquals("cmd", registry.find("command").orElseThrow().info().freeForm());
        assertEquals("cmd", registry.find("shell").orElseThrow().info().freeForm());
        assertEquals("_raw", registry.find("meta").orElseThrow().info().freeForm());
    }
}
