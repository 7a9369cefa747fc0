package io.swarmplay.template;

import io.swarmplay.template.LookupPlugins.Context;
import io.swarmplay.template.LookupPlugins.LookupError;
import io.swarmplay.template.filters.Values;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The lookups that read the control node: {@code first_found}, {@code fileglob}, {@code pipe}, {@code lines}. */
final class LookupFiles {

    private LookupFiles() {
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LookupError("could not read " + path + ": " + e.getMessage(), null);
        }
    }

    /** The first of the candidate files that exists (under {@code files/} of the search path), as a one-item list. */
    static List<Object> firstFound(List<Object> terms, Map<String, Object> options, Context context) {
        List<String> candidates = new ArrayList<>();
        boolean skip = candidates(terms, options, candidates);
        for (String written : candidates) {
            String candidate = context.renderOrNull(written);
            if (candidate == null) continue; // Ansible skips a candidate naming an undefined variable
            Path found = context.find("files", candidate);
            if (found != null) return List.of(found.toString());
        }
        if (skip) return List.of();
        throw new LookupError("No file was found when using first_found.", "list a file that exists, or give skip=True");
    }

    /** Fills {@code out} from the terms (strings, lists, or mappings of files/paths/skip); returns skip. */
    private static boolean candidates(List<?> terms, Map<String, Object> options, List<String> out) {
        boolean skip = Values.truthy(options.get("skip"));
        for (Object term : terms) {
            if (term instanceof List<?> inner) {
                skip = candidates(inner, options, out);
                continue;
            }
            Map<?, ?> config = term instanceof Map<?, ?> m ? m : options;
            List<String> files = split(config.get("files"), ",;");
            List<String> paths = split(config.get("paths"), ",:;");
            skip = Values.truthy(config.get("skip"));
            if (!paths.isEmpty()) {
                for (String path : paths) files.forEach(f -> out.add(path + "/" + f));
            } else if (!files.isEmpty()) {
                out.clear();
                out.addAll(files);
            } else if (term instanceof String s) {
                out.add(s);
            }
        }
        return skip;
    }

    private static List<String> split(Object value, String separators) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            Arrays.stream(s.split("[" + separators + "]")).map(String::strip).filter(x -> !x.isEmpty()).forEach(out::add);
        } else if (value instanceof List<?> list) {
            list.forEach(item -> out.addAll(split(item, separators)));
        }
        return out;
    }

    /** Files (not directories) matching each term's glob, in the first search-path directory holding its folder. */
    static List<Object> fileglob(List<Object> terms, Map<String, Object> options, Context context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String pattern = Values.str(term);
            int slash = pattern.lastIndexOf('/');
            List<Path> dirs = new ArrayList<>();
            if (slash < 0) {
                // a bare pattern: files/ of each search-path directory, then the directory itself
                for (Path dir : context.searchPath()) {
                    dirs.add(dir.resolve("files"));
                    dirs.add(dir);
                }
            } else {
                Path dir = context.find("files", pattern.substring(0, Math.max(slash, 1)));
                if (dir != null) dirs.add(dir);
            }
            for (Path dir : dirs) {
                List<Object> found = files(context, dir, pattern.substring(slash + 1));
                if (found.isEmpty()) continue;
                out.addAll(found);
                break;
            }
        }
        return out;
    }

    /** The regular files of {@code dir} matching {@code glob}; names starting with a dot only when the glob does (Python's glob). */
    private static List<Object> files(Context context, Path dir, String glob) {
        if (!Files.isDirectory(dir)) return List.of();
        List<Object> out = new ArrayList<>();
        for (Path p : context.glob(dir, glob)) {
            boolean hidden = p.getFileName().toString().startsWith(".") && !glob.startsWith(".");
            if (!hidden && Files.isRegularFile(p)) out.add(p.toString());
        }
        return out;
    }

    /** Runs each term with {@code sh -c} in the base directory: its output ({@code lines}: split into lines). */
    static List<Object> pipe(List<Object> terms, Context context, boolean lines) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String command = Values.str(term);
            String stdout = run(command, context.baseDir(), lines ? "lines" : "pipe");
            if (lines) out.addAll(stdout.lines().toList());
            else out.add(stdout.stripTrailing());
        }
        return out;
    }

    private static String run(String command, Path dir, String plugin) {
        try {
            Process process = new ProcessBuilder("/bin/sh", "-c", command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process.getOutputStream().close();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = process.waitFor();
            if (rc != 0) throw new LookupError("lookup_plugin." + plugin + "(" + command + ") returned " + rc, null);
            return stdout;
        } catch (IOException e) {
            throw new LookupError("lookup_plugin." + plugin + "(" + command + ") could not run: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupError("lookup_plugin." + plugin + "(" + command + ") was interrupted", null);
        }
    }
}
