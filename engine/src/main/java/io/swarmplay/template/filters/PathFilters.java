package io.swarmplay.template.filters;

import com.hubspot.jinjava.lib.filter.Filter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Control-node path filters as Python's {@code os.path}: {@code expanduser}, {@code realpath}, {@code relpath}, {@code splitext}. */
public final class PathFilters {

    private PathFilters() {
    }

    public static List<Filter> all() {
        return List.of(
                AnsibleFilter.of("expanduser", (v, a) -> expandUser(Values.str(v))),
                AnsibleFilter.of("realpath", (v, a) -> realpath(Values.str(v))),
                AnsibleFilter.of("relpath", (v, a) -> Path.of(a.string(0, "start", ".")).toAbsolutePath().normalize()
                        .relativize(Path.of(Values.str(v)).toAbsolutePath().normalize()).toString()),
                AnsibleFilter.of("splitext", (v, a) -> splitext(Values.str(v))));
    }

    static String expandUser(String path) {
        if (path.equals("~") || path.startsWith("~/")) return System.getProperty("user.home") + path.substring(1);
        return path;
    }

    private static String realpath(String path) {
        Path p = Path.of(expandUser(path)).toAbsolutePath().normalize();
        try {
            return p.toRealPath().toString();
        } catch (java.io.IOException e) {
            return p.toString(); // Python's realpath of a missing path is its absolute form
        }
    }

    /** {@code ('a/b', '.txt')} for {@code a/b.txt}; a leading dot is part of the name, as in Python. */
    private static List<Object> splitext(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        String name = path.substring(slash + 1);
        boolean hasExt = dot > slash + 1 && !name.chars().limit(dot - slash - 1).allMatch(c -> c == '.');
        return new ArrayList<>(hasExt ? List.of(path.substring(0, dot), path.substring(dot)) : List.of(path, ""));
    }
}
