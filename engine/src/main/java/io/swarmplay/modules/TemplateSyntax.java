package io.swarmplay.modules;

import io.swarmplay.module.HostView;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template module's Jinja settings ({@code trim_blocks}, {@code lstrip_blocks}, the
 * {@code *_start_string}/{@code *_end_string} delimiters, {@code newline_sequence}) applied around
 * the templar, which knows Ansible's defaults only: the text is rewritten into the default syntax
 * before rendering, and the newlines replaced after.
 */
record TemplateSyntax(boolean trimBlocks, boolean lstripBlocks, String[] custom, String newline) {

    private static final String[] STANDARD = {"{%", "%}", "{{", "}}", "{#", "#}"};

    static TemplateSyntax of(TemplateModule.Args args) {
        String[] custom = {args.block_start_string(), args.block_end_string(), args.variable_start_string(),
            args.variable_end_string(), args.comment_start_string(), args.comment_end_string()};
        String newline = args.newline_sequence().replace("\\r", "\r").replace("\\n", "\n");
        return new TemplateSyntax(args.trim_blocks(), args.lstrip_blocks(), custom, newline);
    }

    String render(HostView host, Path template) {
        String text = host.renderTemplate(template, this::rewrite);
        return newline.equals("\n") ? text : text.replace("\n", newline);
    }

    /** The template in the default syntax, with trim_blocks (the templar's default) undone where off. */
    String rewrite(String text) {
        String out = delimiters(text);
        if (lstripBlocks) out = out.replaceAll("(?m)^[ \\t]+(\\{%(?!\\+))", "$1");
        // the templar always drops the newline after a block tag: give it one more to drop
        if (!trimBlocks) out = out.replaceAll("(%\\}|#\\})(\\r?\\n)", "$1$2$2");
        return out;
    }

    private String delimiters(String text) {
        if (java.util.Arrays.equals(custom, STANDARD)) return text;
        StringBuilder alternation = new StringBuilder();
        for (String d : custom) alternation.append(alternation.length() == 0 ? "" : "|").append(Pattern.quote(d));
        for (String d : STANDARD) alternation.append('|').append(Pattern.quote(d));
        Matcher m = Pattern.compile(alternation.toString()).matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(translate(m.group())));
        m.appendTail(out);
        return out.toString();
    }

    // a custom delimiter becomes its standard counterpart; a standard one that is not in use is literal text
    private String translate(String token) {
        for (int i = 0; i < custom.length; i++) if (custom[i].equals(token)) return STANDARD[i];
        return "{{ '" + token + "' }}";
    }
}
