package io.swarmplay.template;

import io.swarmplay.template.LookupPlugins.Context;
import io.swarmplay.template.LookupPlugins.LookupError;
import io.swarmplay.template.filters.Values;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ini} lookup: the value of a key in a section of an INI file, or (with
 * {@code type=properties}) of a Java properties file, found under {@code files/} of the search
 * path and read as Ansible 2.14's plugin reads it with Python's {@code configparser}: keys
 * lower-cased unless {@code case_sensitive}, a duplicate key is an error, {@code DEFAULT} values
 * apply to every section, {@code %(name)s} and {@code %%} are interpolated, and with {@code re}
 * the key is a regular expression matched at the start of every key of the section.
 * Options come as named arguments or, the old way, inline in the term ({@code 'user section=db file=my.ini'}).
 */
final class LookupIni {

    private static final Pattern SECTION = Pattern.compile("\\[(?<name>.+)]");
    private static final Pattern OPTION = Pattern.compile("(?<key>.*?)\\s*[=:]\\s*(?<value>.*)");
    private static final Pattern INTERPOLATION = Pattern.compile("%\\(([^)]+)\\)s|%%");
    private static final String SOURCE = "'<???>'";

    private LookupIni() {
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "ini");
        d.put("file", "ansible.ini");
        d.put("section", "global");
        d.put("re", false);
        d.put("encoding", "utf-8");
        d.put("default", "");
        d.put("case_sensitive", false);
        d.put("allow_no_value", false);
        return d;
    }

    static List<Object> ini(List<Object> terms, Map<String, Object> options, Context context) {
        Map<String, Object> base = defaults();
        options.forEach((name, value) -> {
            if (name.equals("wantlist") || name.equals("errors")) return;
            String option = name.equals("allow_none") ? "allow_no_value" : name;
            if (!base.containsKey(option)) throw new LookupError(name + " is not a valid option.", null);
            base.put(option, value);
        });
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            Map<String, Object> params = new LinkedHashMap<>(base);
            String key = inlineKey(Values.str(term), params);
            Object found = value(key, params, context);
            if (found instanceof List<?> list) out.addAll(list);
            else if (found != null) out.add(found);
        }
        return out;
    }

    /** The key of an inline term, its {@code name=value} words put into {@code params} (Ansible's {@code _parse_params}). */
    static String inlineKey(String term, Map<String, Object> params) {
        if (!term.contains("=") && !term.strip().contains(" ")) return term;
        List<String> names = new ArrayList<>(params.keySet());
        Map<String, String> phrases = new LinkedHashMap<>();
        String current = "key";
        String[] words = term.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.contains("=")) for (String name : names) if (word.contains(name + "=")) current = name;
            String sofar = phrases.get(current);
            if (i == 0 || sofar == null || sofar.isEmpty()) phrases.put(current, word);
            else phrases.put(current, sofar + " " + word);
        }
        String key = null;
        for (String phrase : phrases.values()) {
            int eq = phrase.indexOf('=');
            if (eq >= 0) {
                if (phrase.indexOf('=', eq + 1) >= 0) {
                    throw new LookupError("Could not use '" + phrase + "' from '" + term + "': too many values to unpack (expected 2)", null);
                }
                String name = phrase.substring(0, eq);
                if (!params.containsKey(name)) throw new LookupError(name + " is not a valid option.", null);
                params.put(name, phrase.substring(eq + 1));
            } else if (key == null) {
                key = phrase;
            }
        }
        if (key == null) {
            throw new LookupError("No key to lookup was provided as first term with in string inline options: " + term, null);
        }
        return key;
    }

    private static Object value(String key, Map<String, Object> params, Context context) {
        String fileName = Values.str(params.get("file"));
        Path path = context.find("files", fileName);
        if (path == null) throw new LookupError("Unable to find '" + fileName + "' in expected paths", null);
        boolean properties = Values.str(params.get("type")).equals("properties");
        String section = properties ? "java_properties" : Values.str(params.get("section"));
        String text = (properties ? "[java_properties]\n" : "") + read(path, Values.str(params.get("encoding")));
        boolean caseSensitive = Values.truthy(params.get("case_sensitive"));
        Map<String, Map<String, String>> sections = parse(text, caseSensitive, Values.truthy(params.get("allow_no_value")), fileName);
        Map<String, String> items = items(sections, section);
        if (items == null) throw new LookupError("No section '" + section + "' in " + fileName, null);
        if (Values.truthy(params.get("re"))) {
            Pattern pattern = Pattern.compile(key);
            List<Object> out = new ArrayList<>();
            items.forEach((k, v) -> {
                if (pattern.matcher(k).lookingAt()) out.add(interpolate(v, items, section));
            });
            return out;
        }
        String option = caseSensitive ? key : key.toLowerCase(Locale.ROOT);
        if (!items.containsKey(option)) return params.get("default");
        return interpolate(items.get(option), items, section);
    }

    /** The section's options with the {@code DEFAULT} ones under them; null when there is no such section. */
    private static Map<String, String> items(Map<String, Map<String, String>> sections, String section) {
        Map<String, String> own = sections.get(section);
        if (own == null) return null;
        Map<String, String> all = new LinkedHashMap<>(sections.getOrDefault("DEFAULT", Map.of()));
        all.putAll(own);
        return all;
    }

    private static String read(Path path, String encoding) {
        try {
            return new String(Files.readAllBytes(path), charset(encoding));
        } catch (IOException e) {
            throw new LookupError("could not read " + path + ": " + e.getMessage(), null);
        }
    }

    /** A Python codec name as a Java charset ({@code iso8859-15}, {@code latin_1}, {@code utf8} ...). */
    static Charset charset(String encoding) {
        for (String name : new String[]{encoding, encoding.replace('_', '-'), encoding.replaceFirst("(?i)^iso-?8859", "ISO-8859")}) {
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                // try the next spelling
            }
        }
        throw new LookupError("unknown encoding: " + encoding, null);
    }

    /** Sections → options, as {@code configparser} (strict, {@code =} and {@code :}, full-line comments) reads them. */
    static Map<String, Map<String, String>> parse(String text, boolean caseSensitive, boolean allowNoValue, String file) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> section = null;
        String sectionName = null;
        String lastKey = null;
        String[] lines = text.split("\\r?\\n", -1);
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                if (stripped.isEmpty()) lastKey = null;
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (indented && section != null && lastKey != null && section.get(lastKey) != null) {
                section.put(lastKey, section.get(lastKey) + "\n" + stripped);
                continue;
            }
            Matcher header = SECTION.matcher(stripped);
            if (header.matches()) {
                sectionName = header.group("name");
                if (sections.containsKey(sectionName)) {
                    throw new LookupError("While reading from " + SOURCE + " [line " + pad(i + 1) + "]: section '" + sectionName + "' already exists", null);
                }
                section = new LinkedHashMap<>();
                sections.put(sectionName, section);
                lastKey = null;
                continue;
            }
            if (section == null) {
                throw new LookupError("File contains no section headers.\nfile: " + SOURCE + ", line: " + (i + 1) + "\n'" + line + "\\n'", null);
            }
            Matcher option = OPTION.matcher(stripped);
            String key;
            String value;
            if (option.matches()) {
                key = option.group("key").stripTrailing();
                value = option.group("value").strip();
            } else if (allowNoValue) {
                key = stripped;
                value = null;
            } else {
                errors.add("\t[line " + pad(i + 1) + "]: '" + line + "\\n'");
                continue;
            }
            if (!caseSensitive) key = key.toLowerCase(Locale.ROOT);
            if (section.containsKey(key)) {
                throw new LookupError("Duplicate option in '" + file + "': While reading from " + SOURCE + " [line " + pad(i + 1)
                        + "]: option '" + key + "' in section '" + sectionName + "' already exists", null);
            }
            section.put(key, value);
            lastKey = key;
        }
        if (!errors.isEmpty()) throw new LookupError("Source contains parsing errors: " + SOURCE + "\n" + String.join("\n", errors), null);
        return sections;
    }

    private static String pad(int line) {
        return String.format("%2d", line);
    }

    /** {@code configparser}'s basic interpolation: {@code %(name)s} is another option of the section, {@code %%} a percent. */
    private static String interpolate(String value, Map<String, String> items, String section) {
        if (value == null || value.indexOf('%') < 0) return value;
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = "%";
            } else {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                if (!items.containsKey(name)) {
                    throw new LookupError("Bad value substitution: option '" + name + "' in section '" + section
                            + "' contains an interpolation key '" + name + "' which is not a valid option name.", null);
                }
                replacement = interpolate(items.get(name), items, section);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? "" : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
