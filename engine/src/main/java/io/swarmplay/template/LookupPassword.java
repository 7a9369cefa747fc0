package io.swarmplay.template;

import io.swarmplay.template.LookupPlugins.Context;
import io.swarmplay.template.LookupPlugins.LookupError;
import io.swarmplay.template.filters.Values;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The {@code password} lookup ({@code 'path length=20 chars=ascii_letters,digits'}) as ansible-core
 * 2.14's plugin: the plaintext stored in {@code path} on the control node (a relative path from
 * the playbook's directory), else a new random one written there (mode 0600, directories 0700);
 * {@code /dev/null} always gives a new one. {@code seed} makes the choice repeatable (but not the
 * same characters Python's generator picks). {@code encrypt} is refused.
 */
final class LookupPassword {

    private static final Set<String> PARAMS = Set.of("length", "chars", "seed", "encrypt", "ident");
    private static final Map<String, String> CHAR_SETS = Map.of(
            "ascii_letters", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "ascii_lowercase", "abcdefghijklmnopqrstuvwxyz",
            "ascii_uppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "digits", "0123456789",
            "hexdigits", "0123456789abcdefABCDEF",
            "octdigits", "01234567",
            "punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
    private static final String DEFAULT_CHARS = "ascii_letters,digits,.,,:-_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LookupPassword() {
    }

    static List<Object> password(List<Object> terms, Map<String, Object> options, Context context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            Map<String, String> params = params(Values.str(term), options);
            String relpath = params.remove("_path");
            if (params.get("encrypt") != null) throw new LookupError("the password lookup's encrypt option is not supported",
                    "hash the plaintext with the password_hash filter instead");
            out.add(passwordAt(context.baseDir().resolve(relpath), params));
        }
        return out;
    }

    /** The term's path (key {@code _path}) and its parameters over the named options. */
    static Map<String, String> params(String term, Map<String, Object> options) {
        Map<String, String> params = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            Object plain = Values.toPlain(value);
            if (plain instanceof List<?> list) plain = String.join(",", list.stream().map(Values::str).toList());
            if (PARAMS.contains(name) && plain != null) params.put(name, Values.str(plain));
        });
        int space = term.indexOf(' ');
        String path = space < 0 ? term : term.substring(0, space);
        if (space >= 0) {
            LookupKeyValues kv = LookupKeyValues.parse(term.substring(space + 1));
            if (kv.rawParams() != null) {
                path = path + " " + kv.rawParams();
                if (!term.startsWith(path)) {
                    throw new LookupError("Unrecognized value after key=value parameters given to password lookup", null);
                }
            }
            List<String> invalid = kv.options().keySet().stream().filter(k -> !PARAMS.contains(k)).toList();
            if (!invalid.isEmpty()) {
                throw new LookupError("Unrecognized parameter(s) given to password lookup: " + String.join(", ", invalid), null);
            }
            params.putAll(kv.options());
        }
        params.put("_path", path);
        return params;
    }

    private static String passwordAt(Path path, Map<String, String> params) {
        boolean devNull = path.toString().equals("/dev/null");
        if (!devNull && Files.exists(path)) return stored(path);
        String password = generate(Integer.parseInt(params.getOrDefault("length", "20")),
                candidates(params.getOrDefault("chars", DEFAULT_CHARS)), params.get("seed"));
        if (!devNull) write(path, password);
        return password;
    }

    /** The characters {@code chars} names: comma-separated set names or literal characters ({@code ,,} is a comma). */
    static String candidates(String chars) {
        List<String> specs = new ArrayList<>();
        if (chars.contains(",,")) specs.add(",");
        for (String spec : chars.replace(",,", ",").split(",")) {
            if (!spec.isEmpty()) specs.add(spec);
        }
        StringBuilder out = new StringBuilder();
        for (String spec : specs) out.append(CHAR_SETS.getOrDefault(spec, spec));
        return out.toString().replace("\"", "").replace("'", "");
    }

    static String generate(int length, String chars, String seed) {
        if (chars.isEmpty()) throw new LookupError("the password lookup has no characters to choose from", null);
        Random random = seed == null ? RANDOM : new Random(seed.hashCode());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) out.append(chars.charAt(random.nextInt(chars.length())));
        return out.toString();
    }

    private static String stored(Path path) {
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8).stripTrailing();
            int salt = content.lastIndexOf(" salt=");
            return salt < 0 ? content : content.substring(0, salt);
        } catch (IOException e) {
            throw new LookupError("cannot read the password file " + path + ": " + e.getMessage(), null);
        }
    }

    private static void write(Path path, String password) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.writeString(path, password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new LookupError("cannot write the password file " + path + ": " + e.getMessage(), null);
        }
    }
}
