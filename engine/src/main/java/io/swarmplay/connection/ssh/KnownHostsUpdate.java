package io.swarmplay.connection.ssh;

import net.schmizz.sshj.common.KeyType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code swarmplay trust} writes: the keys a host offers, recorded across the known_hosts
 * files that are checked for it. A key the host no longer has — another key of a type it offers
 * now — is replaced, never kept beside the new one: its line gets the new key in place (a hashed
 * or single-host line), or loses the host (a line listing several hosts). Keys a {@code @revoked}
 * line lists are never recorded.
 */
final class KnownHostsUpdate {

    private final List<Path> files;
    private final String pattern;

    /** A key found somewhere: the file and the line. */
    private record Located(Path file, KnownHostsFile.Line line) {
    }

    /** The new text of a line (null: drop it), and whether it now carries the offered key. */
    private record Edit(String text, boolean placesKey) {
    }

    /** The edits per file, the lines replaced, and the keys no line carries yet. */
    private record Plan(Map<Path, Map<Integer, String>> edits, List<HostKeys.Replaced> replaced,
                        List<ScannedKey> append) {
    }

    KnownHostsUpdate(List<Path> files, String pattern) {
        this.files = List.copyOf(files);
        this.pattern = pattern;
    }

    /** The offered keys that a {@code @revoked} line lists for the host, with where. */
    Map<ScannedKey, String> revoked(List<ScannedKey> keys) {
        Map<ScannedKey, String> found = new LinkedHashMap<>();
        for (ScannedKey key : keys) {
            for (Path file : files) {
                for (KnownHostsFile.Line line : KnownHostsFile.read(file).revoked(pattern)) {
                    if (line.key().equals(keyOf(key))) found.putIfAbsent(key, "line " + line.number() + " of " + file);
                }
            }
        }
        return found;
    }

    /** The lines that recording {@code keys} would replace. */
    List<HostKeys.Replaced> changes(List<ScannedKey> keys) {
        return plan(keys).replaced();
    }

    /** Records {@code keys}: replaces changed lines, appends the rest to the first file. */
    HostKeys.Recorded record(List<ScannedKey> keys) throws IOException {
        Plan plan = plan(keys);
        for (Map.Entry<Path, Map<Integer, String>> e : plan.edits().entrySet()) KnownHostsFile.rewrite(e.getKey(), e.getValue());
        List<String> lines = new ArrayList<>();
        plan.append().forEach(k -> lines.add(k.knownHostsLine()));
        if (!lines.isEmpty()) KnownHostsFile.append(files.get(0), lines);
        return new HostKeys.Recorded(files.get(0), plan.replaced(), plan.append());
    }

    private Plan plan(List<ScannedKey> keys) {
        Map<Path, Map<Integer, String>> edits = new LinkedHashMap<>();
        List<HostKeys.Replaced> replaced = new ArrayList<>();
        List<ScannedKey> append = new ArrayList<>();
        for (ScannedKey key : keys) {
            List<Located> same = new ArrayList<>();
            List<Located> other = new ArrayList<>();
            for (Path file : files) {
                for (KnownHostsFile.Line line : KnownHostsFile.read(file).matching(KeyType.fromString(key.type()), pattern)) {
                    (line.key().equals(keyOf(key)) ? same : other).add(new Located(file, line));
                }
            }
            boolean placed = !same.isEmpty();
            for (Located old : other) {
                Edit edit = edit(old, placed ? null : key);
                placed |= edit.placesKey();
                edits.computeIfAbsent(old.file(), f -> new LinkedHashMap<>()).put(old.line().number(), edit.text());
                replaced.add(new HostKeys.Replaced(old.file(), old.line().number(), key.type(), old.line().fingerprint(),
                        key.fingerprint()));
            }
            if (!placed) append.add(key);
        }
        return new Plan(edits, replaced, append);
    }

    /** The old line with {@code key} in place (null: the new key is already elsewhere, so drop the host). */
    private Edit edit(Located old, ScannedKey key) {
        String hosts = old.line().hostPart();
        boolean hashed = hosts.startsWith("|");
        if (hashed || hosts.equalsIgnoreCase(pattern)) {
            return key == null ? new Edit(null, false) : new Edit(hosts + " " + keyOf(key), true);
        }
        List<String> listed = new ArrayList<>(Arrays.asList(hosts.split(",")));
        if (!listed.removeIf(h -> h.toLowerCase(Locale.ROOT).equals(pattern))) {
            throw new UncheckedIOException(new IOException("cannot replace the changed " + key(old) + " key of " + pattern
                    + ": line " + old.line().number() + " of " + old.file() + " lists it through '" + hosts
                    + "'; edit or remove that line by hand"));
        }
        return new Edit(String.join(",", listed) + " " + old.line().key(), false);
    }

    private static String key(Located old) {
        return old.line().key().split(" ")[0];
    }

    /** {@code type base64} of a scanned key. */
    private static String keyOf(ScannedKey key) {
        String[] f = key.knownHostsLine().split(" ");
        return f[1] + " " + f[2];
    }
}
