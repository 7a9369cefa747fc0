package io.swarmplay.playbook;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.template.Templar;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Jinja literals the loader writes for with_ loops read back as the YAML values (quotes, backslashes). */
class JinjaLiteralsTest {

    private static Object rendered(String expression) {
        return Templar.create().render("{{ " + expression + " }}", Map.of("d", "/tmp"), SourcePosition.UNKNOWN);
    }

    @Test
    void stringsWithQuotesAndBackslashesReadBackAsWritten() {
        List<Object> values = List.of("it's", "a \"q\"", "a\\b", "c\\d'e", "end\\");
        assertEquals(values, rendered(JinjaLiterals.of(values)));
        assertEquals(values, rendered(JinjaLiterals.unrendered(values)));
    }

    @Test
    void unrenderedTemplatesWithQuotesStayTemplates() {
        // with_first_found passes its terms as written: Ansible's iterators target
        List<Object> terms = List.of("{{ d + '/does_not_exist' }}", "{{ d ~ \"/x\" }}");
        assertEquals(terms, rendered(JinjaLiterals.unrendered(terms)));
    }

    @Test
    void renderedTemplatesJoinTheirQuotedText() {
        assertEquals(List.of("/tmp\\x'y"), rendered(JinjaLiterals.of(List.of("{{ d }}\\x'y"))));
    }
}
