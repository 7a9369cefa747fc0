package io.swarmplay.cli;

import io.swarmplay.module.ArgSpec;
import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleRegistry;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code swarmplay doc}: every argument of a module from its record and option table, and the module list. */
class DocCommandTest {

    private record Ran(int code, String out, String err) {
    }

    private static Ran doc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "doc";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Ran(code, out.toString(), err.toString());
    }

    @Test
    void dockerContainerShowsTableOptionsWithTypeChoicesAndDefaults() {
        Ran ran = doc("docker_container");
        assertEquals(0, ran.code());
        assertTrue(ran.out().contains("= name\n"), ran.out());
        assertTrue(ran.out().contains("- blkio_weight\n        Block IO weight (relative, 10 to 1000).\n        type: int\n"), ran.out());
        assertTrue(ran.out().contains("- restart_policy\n        Restart policy.\n        choices: [no, on-failure, always, unless-stopped]"));
        assertTrue(ran.out().contains("- state\n        State of the container.\n        choices: [started, present, stopped, absent]\n"
                + "        default: started\n"), ran.out());
        assertTrue(ran.out().contains("- published_ports\n        Ports to publish: [[ip:]host:]container[/proto], ranges allowed.\n"
                + "        aliases: ports\n        type: list of str\n"), ran.out());
    }

    @Test
    void builtInModulesAndTheListComeFromTheSameMetadata() {
        assertTrue(doc("copy").out().contains("= dest\n        aliases: path\n        type: str\n"));
        String list = doc("--list").out();
        assertTrue(list.contains("docker_container\n") && list.contains("copy\n") && !list.contains("community.docker."), list);
    }

    @Test
    void everyOptionOfEveryDockerModuleIsDescribed() {
        ModuleRegistry registry = ModuleRegistry.load();
        List<String> undescribed = new ArrayList<>();
        for (String name : registry.names()) {
            Module<?> module = registry.find(name).orElseThrow();
            if (!name.startsWith("docker_") || !module.info().name().equals(name)) continue;
            for (ArgSpec arg : ArgsBinder.specs(module.argsType())) {
                if (arg.description().isEmpty()) undescribed.add(name + ": " + arg.name());
            }
        }
        assertEquals(List.of(), undescribed, "swarmplay doc shows these options without a description");
    }

    @Test
    void unknownModuleIsAUsageErrorWithASuggestion() {
        Ran ran = doc("docker_contaner");
        assertEquals(5, ran.code());
        assertTrue(ran.err().contains("no module 'docker_contaner'") && ran.err().contains("docker_container"), ran.err());
    }
}
