package io.swarmplay.template;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja's {@code block_start_string} ... {@code comment_end_string} settings (the template module's
 * and the template lookup's), applied by rewriting a template into the default syntax: a custom
 * delimiter becomes its standard counterpart, a standard one not in use becomes literal text.
 */
public final class TemplateDelimiters {

    /** The default delimiters, in the order {@link #rewrite} takes custom ones: block, variable, comment. */
    public static final String[] STANDARD = {"{%", "%}", "{{", "}}", "{#", "#}"};

    private TemplateDelimiters() {
    }

    /** {@code text} in the default syntax; {@code custom} holds the six delimiters in {@link #STANDARD}'s order. */
    public static String rewrite(String text, String[] custom) {
        if (Arrays.equals(custom, STANDARD)) return text;
        StringBuilder alternation = new StringBuilder();
        for (String d : custom) alternation.append(alternation.length() == 0 ? "" : "|").append(Pattern.quote(d));
        for (String d : STANDARD) alternation.append('|').append(Pattern.quote(d));
        Matcher m = Pattern.compile(alternation.toString()).matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(translate(m.group(), custom)));
        m.appendTail(out);
        return out.toString();
    }

    private static String translate(String token, String[] custom) {
        for (int i = 0; i < custom.length; i++) if (custom[i].equals(token)) return STANDARD[i];
        return "{{ '" + token + "' }}";
    }
}
