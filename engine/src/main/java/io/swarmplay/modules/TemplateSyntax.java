package io.swarmplay.modules;

import io.swarmplay.module.HostView;

import io.swarmplay.template.JinjaOverrides;
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
            JinjaOverrides header = JinjaOverrides.of(source);
            effective[0] = with(header);
            sourceNewlines[0] = newlinesAtEnd(header.body());
            return withoutTrailingNewline(effective[0].rewrite(header.body()));
        }, templateVars);
        text = text + "\n".repeat(Math.max(0, sourceNewlines[0] - newlinesAtEnd(text)));
        String eol = effective[0].newline();
        return eol.equals("\n") ? text : text.replace("\n", eol);
    }

    /** These settings with a template's own {@code #jinja2:} header applied over them. */
    TemplateSyntax with(JinjaOverrides header) {
        if (header.settings().isEmpty()) return this;
        return new TemplateSyntax(header.flag("trim_blocks", trimBlocks), header.flag("lstrip_blocks", lstripBlocks),
                header.delimiters(custom), header.text("newline_sequence", newline));
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
