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
}
