package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A template's own Jinja settings: Ansible's templar reads a first line
 * {@code #jinja2:variable_start_string:'<<', trim_blocks: False} (keys and Python literals, comma
 * separated), drops it, and renders the rest with those environment settings.
 *
 * @param settings the keys and their values, as written
 * @param body     the template without the header line
 */
public record JinjaOverrides(Map<String, Object> settings, String body) {

    private static final String PREFIX = "#jinja2:";
    private static final String[] DELIMITER_KEYS = {"block_start_string", "block_end_string", "variable_start_string",
        "variable_end_string", "comment_start_string", "comment_end_string"};

    /** The header of {@code text}, if it has one (Templar.do_template's JINJA2_OVERRIDE). */
    public static JinjaOverrides of(String text) {
        if (!text.startsWith(PREFIX)) return new JinjaOverrides(Map.of(), text);
        int eol = text.indexOf('\n');
        // Python's data[len(prefix):eol] with find() giving -1 drops the last character
        String line = text.substring(PREFIX.length(), Math.max(PREFIX.length(), eol < 0 ? text.length() - 1 : eol));
        String body = text.substring(eol + 1);
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String pair : line.split(",", -1)) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new TemplateException("failed to parse jinja2 override '" + pair.strip()
                        + "'. Did you use something different from colon as key-value separator?", SourcePosition.UNKNOWN, null);
            }
            settings.put(pair.substring(0, colon).strip(), PythonLiteral.valueOrText(pair.substring(colon + 1).strip()));
        }
        return new JinjaOverrides(settings, body);
    }

    /** The six delimiters in {@link TemplateDelimiters#STANDARD}'s order, the header's where it sets them. */
    public String[] delimiters(String[] given) {
        String[] out = given.clone();
        for (int i = 0; i < DELIMITER_KEYS.length; i++) {
            if (settings.get(DELIMITER_KEYS[i]) instanceof String s) out[i] = s;
        }
        return out;
    }

    /** A boolean setting ({@code trim_blocks}, {@code lstrip_blocks}), {@code given} when the header leaves it. */
    public boolean flag(String key, boolean given) {
        return settings.get(key) instanceof Boolean b ? b : given;
    }

    /** A text setting ({@code newline_sequence}), {@code given} when the header leaves it. */
    public String text(String key, String given) {
        return settings.get(key) instanceof String s ? s : given;
    }
}
