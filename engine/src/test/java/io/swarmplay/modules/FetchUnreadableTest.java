package io.swarmplay.modules;

import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.ModuleException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** fetch tells a file the (become) user may not read from a missing one, as Ansible's slurp does. */
class FetchUnreadableTest {

    @Test
    void aFileBehindAnInaccessibleDirectoryIsNotReadable() {
        FakeHostView host = new FakeHostView("web1", FakeHostView.files(),
                Map.of("head -c 0 -- /srv/noaccess/f", FakeHostView.result(1, "", "head: cannot open '/srv/noaccess/f' for reading: Permission denied")),
                Map.of("playbook_dir", "/tmp"), Map.of(), List.of(Path.of(".")));
        FetchModule.Args args = ArgsBinder.bind(FetchModule.Args.class, Map.of("src", "/srv/noaccess/f", "dest", "/tmp/out/"));
        ModuleException e = assertThrows(ModuleException.class, () -> new FetchModule().plan(args, host));
        assertEquals("file is not readable: /srv/noaccess/f", e.getMessage());
    }
}
