package io.swarmplay.playbook;

import java.nio.file.Path;
import java.util.Map;

/** STUB until the loader branch lands. */
public final class VarsFileLoader {
    public static Map<String, Object> load(Path file) { throw new UnsupportedOperationException(); }
    public static Map<String, Object> parse(String text, String label) { throw new UnsupportedOperationException(); }
}
