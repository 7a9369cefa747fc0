package io.swarmplay.modules.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ansible's local facts ({@code ansible_local}): each {@code *.fact} file of {@code fact_path}
 * ({@code /etc/ansible/facts.d} by default), read as it is or, when executable, run for its
 * standard output; the text is JSON, else INI ({@code {section: {option: value}}}, options in
 * lower case as Python's configparser gives them), else Ansible's error text. Keyed by the file's
 * name without {@code .fact}.
 */
public final class LocalFacts {

    /** Ansible's default {@code fact_path}. */
    public static final String DEFAULT_PATH = "/etc/ansible/facts.d";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private static final Base64.Decoder BASE64 = Base64.getMimeDecoder();

    /**
     * The probe's lines, with {@code FACT_PATH} to replace by the quoted directory: one line per file,
     * {@code rc name output error} (the three texts in base64; rc {@code -} for a file that was read).
     */
    static final String PROBE = String.join("\n",
            "echo @@local; d=FACT_PATH; if [ -d \"$d\" ]; then t=$(mktemp); for f in \"$d\"/*.fact; do",
            "  [ -f \"$f\" ] || continue; n=$(printf %s \"$(basename \"$f\" .fact)\" | base64 | tr -d '\\n')",
            "  if [ -x \"$f\" ]; then o=$(\"$f\" 2>\"$t\"); r=$?; else o=$(cat \"$f\" 2>/dev/null); r=-; : >\"$t\"; fi",
            "  printf '%s %s %s %s\\n' \"$r\" \"$n\" \"$(printf %s \"$o\" | base64 | tr -d '\\n')\" "
                    + "\"$(base64 <\"$t\" | tr -d '\\n')\"",
            "done; rm -f \"$t\"; fi");

    private LocalFacts() {
    }

    /** The probe part for {@code factPath} (null: the default). */
    static String probe(String factPath) {
        String path = factPath == null || factPath.isBlank() ? DEFAULT_PATH : factPath;
        return PROBE.replace("FACT_PATH", io.swarmplay.connection.ShellQuote.quote(path));
    }

    /** {@code ansible_local} from the probe's lines ({@code fact_path} names the files in error texts). */
    static Map<String, Object> parse(List<String> lines, String factPath) {
        String path = factPath == null || factPath.isBlank() ? DEFAULT_PATH : factPath;
        Map<String, Object> local = new java.util.TreeMap<>();
        if (lines == null) return local;
        for (String line : lines) {
            String[] f = (line + " ").split(" ", -1);
            if (f.length < 4) continue;
            String name = text(f[1]);
            String file = path + "/" + name + ".fact";
            local.put(name, f[0].equals("-") || f[0].equals("0") ? fact(text(f[2]), file)
                    : "Failure executing fact script (" + file + "), rc: " + f[0] + ", err: " + text(f[3]));
        }
        return local;
    }

    /** One fact file's text: JSON, else INI, else Ansible's error text. */
    static Object fact(String text, String file) {
        Optional<Object> json = json(text);
        if (json.isPresent()) return json.get();
        return ini(text).<Object>map(m -> m)
                .orElse("error loading facts as JSON or ini - please check content: " + file);
    }

    private static Optional<Object> json(String text) {
        if (text.isBlank()) return Optional.empty();
        try {
            return Optional.ofNullable(JSON.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * Python configparser's reading: {@code [section]} headers, {@code key = value} or {@code key: value}
     * (key lower-cased), {@code #}/{@code ;} comments, indented lines continue the value; a line before
     * any section, a key without a value, a repeated section or key is an error (empty).
     */
    static Optional<Map<String, Map<String, String>>> ini(String text) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        String key = null;
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (current != null && key != null && Character.isWhitespace(raw.charAt(0))) {
                current.merge(key, line, (a, b) -> a.isEmpty() ? b : a + "\n" + b);
            } else if (line.startsWith("[") && line.endsWith("]")) {
                String name = line.substring(1, line.length() - 1);
                if (sections.containsKey(name)) return Optional.empty();
                current = new LinkedHashMap<>();
                sections.put(name, current);
                key = null;
            } else {
                int at = firstOf(line, '=', ':');
                if (current == null || at < 0) return Optional.empty();
                key = line.substring(0, at).strip().toLowerCase(java.util.Locale.ROOT);
                if (current.containsKey(key)) return Optional.empty();
                current.put(key, line.substring(at + 1).strip());
            }
        }
        return Optional.of(sections);
    }

    private static int firstOf(String line, char a, char b) {
        int i = line.indexOf(a);
        int j = line.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String text(String base64) {
        return new String(BASE64.decode(base64), StandardCharsets.UTF_8);
    }
}
