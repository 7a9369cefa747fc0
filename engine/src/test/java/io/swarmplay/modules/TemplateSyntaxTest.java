package io.swarmplay.modules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The template module's Jinja settings rewritten into the templar's default syntax (outputs checked against ansible-playbook). */
class TemplateSyntaxTest {

    private static final String[] STANDARD = {"{%", "%}", "{{", "}}", "{#", "#}"};

    @Test
    void customDelimitersBecomeStandardAndStandardOnesBecomeText() {
        TemplateSyntax syntax = new TemplateSyntax(true, false, new String[] {"[%", "%]", "[[", "]]", "{#", "#}"}, "\n");
        assertEquals("{% if x %}{{ x }}{{ '{{' }} y {{ '}}' }}{% endif %}", syntax.rewrite("[% if x %][[ x ]]{{ y }}[% endif %]"));
    }

    @Test
    void lstripBlocksDropsTheIndentOfBlockTagsOnly() {
        TemplateSyntax syntax = new TemplateSyntax(true, true, STANDARD, "\n");
        assertEquals("a\n{% if x %}\n  {{ x }}\n", syntax.rewrite("a\n  {% if x %}\n  {{ x }}\n"));
    }

    @Test
    void trimBlocksOffKeepsTheNewlineAfterABlockTag() {
        TemplateSyntax syntax = new TemplateSyntax(false, false, STANDARD, "\n");
        assertEquals("{% if x %}\n\nb\n{# c #}\n\n", syntax.rewrite("{% if x %}\nb\n{# c #}\n"));
    }

    @Test
    void aJinja2FirstLineOverridesTheSettingsAndIsDropped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("t.j2"),
                "#jinja2: variable_start_string:'<<', variable_end_string:'>>', trim_blocks:False, newline_sequence:'\\r\\n'\n"
                        + "{% if x %}\n<< x >> {{ y }}\n");
        FakeHostView host = new FakeHostView("web1", new java.util.LinkedHashMap<>(), java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of(), java.util.List.of(dir)) {
            @Override
            public String renderTemplate(java.nio.file.Path template, java.util.function.UnaryOperator<String> syntax,
                                         java.util.Map<String, Object> templateVars) {
                try {
                    return syntax.apply(java.nio.file.Files.readString(template)); // the rewritten source, unrendered
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        TemplateSyntax syntax = new TemplateSyntax(true, false, STANDARD, "\n");
        assertEquals("{% if x %}\r\n\r\n{{ x }} {{ '{{' }} y {{ '}}' }}\r\n", syntax.render(host, file, java.util.Map.of()));
    }

    @Test
    void aJinja2LineWithoutAColonIsAnError() {
        io.swarmplay.template.TemplateException e = org.junit.jupiter.api.Assertions.assertThrows(io.swarmplay.template.TemplateException.class,
                () -> io.swarmplay.template.JinjaOverrides.of("#jinja2: trim_blocks=False\n{{ x }}\n"));
        assertEquals("failed to parse jinja2 override 'trim_blocks=False'. Did you use something different from colon as key-value separator?",
                e.getMessage());
    }
}
