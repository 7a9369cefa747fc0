package io.swarmplay.playbook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyValueParserTest {

    private static List<String> texts(String s) {
        return KeyValueParser.tokens(s).stream().map(KeyValueParser.Token::text).toList();
    }

    @Test
    void splitsAtBlanksOutsideQuotesAndTemplates() {
        assertEquals(List.of("a=1", "msg=\"hello world\"", "x='y z'", "t={{ a | default('p q') }}", "free"),
                texts("a=1  msg=\"hello world\" x='y z' t={{ a | default('p q') }} free"));
    }

    @Test
    void keysMustBeIdentifiersAndValuesLoseOneLevelOfQuotes() {
        List<KeyValueParser.Token> tokens = KeyValueParser.tokens("msg=\"say \\\"hi\\\"\" a-b=c =x url=http://h/?q=1");
        assertEquals("say \"hi\"", tokens.get(0).value());
        assertEquals(null, tokens.get(1).key());
        assertEquals(null, tokens.get(2).key());
        assertEquals("url", tokens.get(3).key());
        assertEquals("http://h/?q=1", tokens.get(3).value());
    }

    @Test
    void valuesHavePythonEscapesDecodedAsAnsibleParseKvDoes() {
        List<KeyValueParser.Token> tokens = KeyValueParser.tokens("a='\\b(.+)\\b' b='\\\\b' c=x\\ty d=\\d+ e=\"q\\\"\"");
        assertEquals("\b(.+)\b", tokens.get(0).value());
        assertEquals("\\b", tokens.get(1).value());
        assertEquals("x\ty", tokens.get(2).value());
        assertEquals("\\d+", tokens.get(3).value());
        assertEquals("q\"", tokens.get(4).value());
    }

    @Test
    void aKeyMayBeMadeWithTemplatesAsInSetFactLoops() {
        List<KeyValueParser.Token> tokens = KeyValueParser.tokens("{{ 'x' + item }}=1 user_{{ item.0.name }}={{ item.1 }} {{ a == b }}");
        assertEquals("{{ 'x' + item }}", tokens.get(0).key());
        assertEquals("user_{{ item.0.name }}", tokens.get(1).key());
        assertEquals("{{ item.1 }}", tokens.get(1).value());
        assertEquals(null, tokens.get(2).key(), "an '=' inside a template is no key=value");
    }
}
