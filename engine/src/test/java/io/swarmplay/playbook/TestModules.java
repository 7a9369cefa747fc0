package io.swarmplay.playbook;

import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.module.Outcome;

import java.util.Map;

/** Small stand-in modules: only their names, free forms and argument records matter to the loader. */
final class TestModules {

    private TestModules() {
    }

    static ModuleRegistry registry() {
        return ModuleRegistry.of(new Copy(), new FileModule(), new CommandModule(), new Shell(), new Debug(),
                new SetFact(), new DockerContainer());
    }

    /** Base that never runs. */
    abstract static class Stub<A> implements Module<A> {
        @Override
        public Change plan(A args, HostView host) {
            throw new UnsupportedOperationException("loader tests do not run modules");
        }

        @Override
        public Outcome apply(A args, Change change, HostSession host) {
            throw new UnsupportedOperationException("loader tests do not run modules");
        }
    }

    @ModuleInfo(name = "copy")
    static final class Copy extends Stub<Copy.Args> {
        record Args(String src, @Alias("path") String dest, String content, String mode) {
        }

        @Override
        public Class<Args> argsType() {
            return Args.class;
        }
    }

    @ModuleInfo(name = "file")
    static final class FileModule extends Stub<FileModule.Args> {
        record Args(String path, String state, String mode) {
        }

        @Override
        public Class<Args> argsType() {
            return Args.class;
        }
    }

    @ModuleInfo(name = "command", freeForm = "cmd")
    static final class CommandModule extends Stub<CommandModule.Args> {
        record Args(String cmd, String chdir, String creates, String removes) {
        }

        @Override
        public Class<Args> argsType() {
            return Args.class;
        }
    }

    @ModuleInfo(name = "shell", freeForm = "cmd")
    static final class Shell extends Stub<Shell.Args> {
        record Args(String cmd, String chdir, String executable) {
        }

        @Override
        public Class<Args> argsType() {
            return Args.class;
        }
    }

    @ModuleInfo(name = "debug")
    static final class Debug extends Stub<Debug.Args> {
        record Args(String msg, String var) {
        }

        @Override
        public Class<Args> argsType() {
            return Args.class;
        }
    }

    @ModuleInfo(name = "set_fact")
    static final class SetFact extends Stub<SetFact.Args> {
        record Args(Map<String, Object> vars) {
        }

        @Override
        public Class<Args> argsType() {
            return Args.class;
        }
    }

    @ModuleInfo(name = "docker_container", aliases = "community.docker.docker_container")
    static final class DockerContainer extends Stub<DockerContainer.Args> {
        record Args(String name, String image, String state) {
        }

        @Override
        public Class<Args> argsType() {
            return Args.class;
        }
    }
}
