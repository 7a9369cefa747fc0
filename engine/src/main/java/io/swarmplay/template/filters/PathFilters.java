package io.swarmplay.template.filters;

import com.hubspot.jinjava.lib.filter.Filter;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Control-node path filters as Python's {@code os.path}: {@code expanduser}, {@code realpath}, {@code relpath}, {@code splitext}. */
public final class PathFilters {

    private PathFilters() {
    }

    public static List<Filter> all() {
        return List.of(
                AnsibleFilter.of("expanduser", (v, a) -> expandUser(fspath(v))),
                AnsibleFilter.of("realpath", (v, a) -> realpath(fspath(v))),
                AnsibleFilter.of("relpath", (v, a) -> Path.of(a.string(0, "start", ".")).toAbsolutePath().normalize()
                        .relativize(Path.of(fspath(v)).toAbsolutePath().normalize()).toString()),
                AnsibleFilter.of("splitext", (v, a) -> splitext(fspath(v))),
                AnsibleFilter.of("fileglob", (v, a) -> fileglob(Values.str(v))),
                AnsibleFilter.of("expandvars", (v, a) -> expandVars(fspath(v))),
                AnsibleFilter.of("win_basename", (v, a) -> windowsSplit(fspath(v)).get(1)),
                AnsibleFilter.of("win_dirname", (v, a) -> windowsSplit(fspath(v)).get(0)),
                AnsibleFilter.of("win_splitdrive", (v, a) -> windowsDrive(Values.str(v))));
    }

    /** Python's {@code os.fspath}, which every {@code os.path} function calls first: a path is a string. */
    static String fspath(Object v) {
        Object value = Values.unwrap(v);
        if (value instanceof CharSequence s) return s.toString();
        throw FilterException.typeError("expected str, bytes or os.PathLike object, not " + TypeFilters.pythonType(value));
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

    /** Python's {@code glob.glob(pattern)} keeping files only, as Ansible's {@code fileglob} filter; sorted. */
    static List<Object> fileglob(String pattern) {
        boolean absolute = pattern.startsWith("/");
        List<Path> found = List.of(absolute ? Path.of("/") : Path.of(""));
        for (String part : pattern.split("/")) {
            if (part.isEmpty()) continue;
            List<Path> next = new ArrayList<>();
            for (Path dir : found) next.addAll(matching(dir, part));
            found = next;
        }
        return found.stream().filter(Files::isRegularFile).map(Path::toString).sorted().map(s -> (Object) s).toList();
    }

    private static List<Path> matching(Path dir, String part) {
        if (!part.matches(".*[*?\\[].*")) return Files.exists(dir.resolve(part)) ? List.of(dir.resolve(part)) : List.of();
        List<Path> out = new ArrayList<>();
        Path where = dir.toString().isEmpty() ? Path.of(".") : dir;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(where, part)) {
            for (Path p : entries) {
                boolean hidden = p.getFileName().toString().startsWith(".") && !part.startsWith(".");
                if (!hidden) out.add(dir.resolve(p.getFileName()));
            }
        } catch (IOException | IllegalArgumentException e) {
            return List.of(); // an unreadable folder or a bad pattern matches nothing, as in Python
        }
        return out;
    }

    private static final Pattern ENV_VAR = Pattern.compile("\\$(\\w+)|\\$\\{([^}]*)}");

    /** Python's {@code os.path.expandvars}: {@code $NAME} and {@code ${NAME}} from the environment; unknown ones stay. */
    static String expandVars(String text) {
        Matcher m = ENV_VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = System.getenv(m.group(1) != null ? m.group(1) : m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        return m.appendTail(out).toString();
    }

    /** {@code ntpath.split}: folder and last name of a Windows path. */
    private static List<String> windowsSplit(String path) {
        List<Object> drive = windowsDrive(path);
        String rest = (String) drive.get(1);
        int cut = Math.max(rest.lastIndexOf('\\'), rest.lastIndexOf('/')) + 1;
        String head = rest.substring(0, cut);
        String stripped = head.replaceAll("[\\\\/]+$", "");
        return List.of(drive.get(0) + (stripped.isEmpty() ? head : stripped), rest.substring(cut));
    }

    /** {@code ntpath.splitdrive}: {@code ('C:', '\\x')} or a UNC share and the rest. */
    private static List<Object> windowsDrive(String path) {
        String p = path.replace('/', '\\');
        int cut = 0;
        if (p.length() >= 2 && p.charAt(1) == ':') cut = 2;
        else if (p.startsWith("\\\\") && !p.startsWith("\\\\\\")) {
            int server = p.indexOf('\\', 2);
            int share = server < 0 ? -1 : p.indexOf('\\', server + 1);
            cut = server < 0 || server == 2 ? 0 : share < 0 ? p.length() : share;
        }
        return new PyTuple(new ArrayList<>(List.of(path.substring(0, cut), path.substring(cut))));
    }

    /** {@code ('a/b', '.txt')} for {@code a/b.txt}; a leading dot is part of the name, as in Python. */
    private static PyTuple splitext(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        String name = path.substring(slash + 1);
        boolean hasExt = dot > slash + 1 && !name.chars().limit(dot - slash - 1).allMatch(c -> c == '.');
        return new PyTuple(new ArrayList<>(hasExt ? List.of(path.substring(0, dot), path.substring(dot)) : List.of(path, "")));
    }
}
