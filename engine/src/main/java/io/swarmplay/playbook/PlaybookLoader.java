package io.swarmplay.playbook;

import io.swarmplay.source.Diagnostics;

import java.nio.file.Path;
import java.util.List;

/** STUB until the loader branch lands. */
public final class PlaybookLoader {
    public static Playbook load(Path file, io.swarmplay.module.ModuleRegistry modules, Diagnostics diagnostics) { throw new UnsupportedOperationException(); }
    public static List<TaskNode> loadTasksFile(Path file, Diagnostics diagnostics) { throw new UnsupportedOperationException(); }
}
