package io.swarmplay.modules;

import io.swarmplay.module.HostView;

import io.swarmplay.template.TemplateDelimiters;

import java.nio.file.Path;

/**
 * The template module's Jinja settings ({@code trim_blocks}, {@code lstrip_blocks}, the
 * {@code *_start_string}/{@code *_end_string} delimiters, {@code newline_sequence}) applied around
 * the templar, which knows Ansible's defaults only: the text is rewritten into the default syntax
 * before rendering, and the newlines replaced after.
 */
record TemplateSyntax(boolean trimBlocks, boolean lstripBlocks, String[] custom, String newline) {

    static TemplateSyntax of(TemplateModule.Args args) {
        String[] custom = {args.block_start_string(), args.block_end_string(), args.variable_start_string(),
            args.variable_end_string(), args.comment_start_string(), args.comment_end_string()};
        String newline = args.newline_sequence().replace("\\r", "\r").replace("\\n", "\n");
        return new TemplateSyntax(args.trim_blocks(), args.lstrip_blocks(), custom, newline);
    }

    String render(HostView host, Path template, java.util.Map<String, Object> templateVars) {
        int[] sourceNewlines = {0};
        TemplateSyntax[] effective = {this};
        String text = host.renderTemplate(template, source -> {
            sourceNewlines[0] = newlinesAtEnd(source);
            String body = source;
            if (source.startsWith(OVERRIDE)) {
                int eol = source.indexOf('\n');
                effective[0] = overridden(source.substring(OVERRIDE.length(), eol < 0 ? source.length() - 1 : eol));
                body = source.substring(eol + 1);
            }
            return withoutTrailingNewline(effective[0].rewrite(body));
        }, templateVars);
        text = text + "\n".repeat(Math.max(0, sourceNewlines[0] - newlinesAtEnd(text)));
        String nl = effective[0].newline;
        return nl.equals("\n") ? text : text.replace("\n", nl);
    }

    /** Ansible's JINJA2_OVERRIDE: a template's first line {@code #jinja2: key:'value',key:True} overrides the settings. */
    static final String OVERRIDE = "#jinja2:";

    private static final java.util.List<String> DELIMITERS = java.util.List.of("block_start_string", "block_end_string",
            "variable_start_string", "variable_end_string", "comment_start_string", "comment_end_string");

    /** These settings with a {@code #jinja2:} line's pairs (Ansible splits them at every comma) over them. */
    TemplateSyntax overridden(String line) {
        String[] delimiters = custom.clone();
        boolean trim = trimBlocks;
        boolean lstrip = lstripBlocks;
        String nl = newline;
        for (String pair : line.split(",", -1)) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new io.swarmplay.module.ModuleException("failed to parse jinja2 override '" + pair.strip() + "'."
                        + " Did you use something different from colon as key-value separator?");
            }
            String key = pair.substring(0, colon).strip();
            Object value = literal(pair.substring(colon + 1).strip());
            int slot = DELIMITERS.indexOf(key);
            if (slot >= 0) delimiters[slot] = String.valueOf(value);
            else if (key.equals("trim_blocks")) trim = Boolean.TRUE.equals(value);
            else if (key.equals("lstrip_blocks")) lstrip = Boolean.TRUE.equals(value);
            else if (key.equals("newline_sequence")) nl = String.valueOf(value);
        }
        return new TemplateSyntax(trim, lstrip, delimiters, nl);
    }

    // the override's value, as Python's literal_eval reads the simple ones: a quoted string (with \n, \r, \t), True, False
    private static Object literal(String text) {
        if (text.equals("True") || text.equals("False")) return Boolean.valueOf(text);
        boolean quoted = text.length() >= 2 && (text.charAt(0) == '\'' || text.charAt(0) == '"') && text.endsWith(text.substring(0, 1));
        if (!quoted) return text;
        return text.substring(1, text.length() - 1).replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
    }

    /** Jinja (keep_trailing_newline off, as Ansible's environment has it) drops one newline at the end of the source. */
    static String withoutTrailingNewline(String text) {
        if (text.endsWith("\r\n")) return text.substring(0, text.length() - 2);
        if (text.endsWith("\n") || text.endsWith("\r")) return text.substring(0, text.length() - 1);
        return text;
    }

    /** Ansible's templar gives the result back as many trailing newlines as the source had (_count_newlines_from_end). */
    static int newlinesAtEnd(String text) {
        int n = 0;
        while (n < text.length() && text.charAt(text.length() - 1 - n) == '\n') n++;
        return n;
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
        return TemplateDelimiters.rewrite(text, custom);
    }
}
