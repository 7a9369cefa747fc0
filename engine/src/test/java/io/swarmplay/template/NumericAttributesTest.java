package io.swarmplay.template;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Jinja's item.0 (what with_subelements and with_together loops are read with) as item[0]; numbers and strings stay. */
class NumericAttributesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "{{ item.0.name }} {{ item.1 }}      ; {{ item[0].name }} {{ item[1] }}",
        "{{ x.0.1 + 1.5 }}                   ; {{ x[0][1] + 1.5 }}",
        "{{ f(a).2 }}{% if b.0 %}'c.0'{% endif %} ; {{ f(a)[2] }}{% if b[0] %}'c.0'{% endif %}",
        "{{ 'item.0' ~ v2.0 }} text.0        ; {{ 'item.0' ~ v2[0] }} text.0",
        "{{ x.items() }} {{ 10.5 }}          ; {{ x.items() }} {{ 10.5 }}",
    })
    void digitsAfterANameIndex(String template, String expected) {
        assertEquals(expected.strip(), NumericAttributes.rewrite(template.strip()));
    }
}
