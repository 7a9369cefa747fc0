package io.swarmplay.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlReaderTest {

    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();

    private YamlNode read(String yaml) {
        return new YamlReader(diagnostics).read(TestFiles.write(dir, "f.yml", yaml)).orElse(null);
    }

    @Test
    void keepsOneBasedPositionsOfKeysAndValues() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("a: 1\nlist:\n  - x: hello\n");
        YamlNode.Entry list = root.entry("list").orElseThrow();
        assertEquals(new SourcePosition(dir.resolve("f.yml"), 2, 1), list.key().at());
        YamlNode.Mapping item = (YamlNode.Mapping) ((YamlNode.Sequence) list.value()).items().get(0);
        YamlNode.Scalar hello = (YamlNode.Scalar) item.get("x");
        assertEquals(3, hello.at().line());
        assertEquals(8, hello.at().column());
        assertEquals(5, hello.width());
    }

    @Test
    void readsYaml11BooleansButKeepsQuotedOnesAsStrings() {
        Map<String, Object> v = ((YamlNode.Mapping) read(
                "a: yes\nb: no\nc: on\nd: off\ne: True\nf: FALSE\ng: \"yes\"\nh: 'on'\ni: y\n")).value();
        assertEquals(Arrays.asList(true, false, true, false, true, false, "yes", "on", "y"),
                List.copyOf(v.values()));
    }

    @Test
    void typesScalarsAsAnsiblesYaml11Loader() {
        Map<String, Object> v = ((YamlNode.Mapping) read(
                "i: 42\nl: 12345678901\nhex: 0x1f\noct: 0o17\nf: 1.5\nn: null\nt: ~\ns: \"42\"\nmode: 0644\nblock: |\n  text\n")).value();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("i", 42);
        expected.put("l", 12345678901L);
        expected.put("hex", 31);
        expected.put("oct", "0o17");
        expected.put("f", 1.5);
        expected.put("n", null);
        expected.put("t", null);
        expected.put("s", "42");
        expected.put("mode", 420);
        expected.put("block", "text\n");
        assertEquals(expected, v);
    }

    @Test
    void readsYaml11NumbersAsPyYamlDoes() {
        Map<String, Object> v = ((YamlNode.Mapping) read(String.join("\n", "bin: 0b101", "under: 1_000", "sexa: 1:20",
                "sexa2: 190:20:30", "neg: -017", "dec: 09", "zero: -0", "f1: 1.5e+3", "f2: 1e3", "f3: .5", "f4: 190:20:30.15",
                "f5: -.Inf", "f6: .NaN", "f7: 1.", "n1: Null", "n2: NULL", "t1: TRUE", "plus: +12", "quoted: '0777'", ""))).value();
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("bin", 5);
        expected.put("under", 1000);
        expected.put("sexa", 80);
        expected.put("sexa2", 685230);
        expected.put("neg", -15);
        expected.put("dec", "09");
        expected.put("zero", 0);
        expected.put("f1", 1500.0);
        expected.put("f2", "1e3");
        expected.put("f3", 0.5);
        expected.put("f4", 685230.15);
        expected.put("f5", Double.NEGATIVE_INFINITY);
        expected.put("f6", Double.NaN);
        expected.put("f7", 1.0);
        expected.put("n1", null);
        expected.put("n2", null);
        expected.put("t1", true);
        expected.put("plus", 12);
        expected.put("quoted", "0777");
        assertEquals(expected, v);
    }

    @Test
    void unsafeTextIsMarked() {
        Map<String, Object> v = ((YamlNode.Mapping) read("u: !unsafe '{{ x }}'\n")).value();
        assertEquals(new io.swarmplay.source.UnsafeText("{{ x }}"), v.get("u"));
    }

    @Test
    void resolvesMergeKeysWithExplicitKeysWinning() {
        Map<String, Object> v = ((YamlNode.Mapping) read(
                "base: &b {x: 1, y: 2}\nthing:\n  <<: *b\n  y: 3\n")).value();
        assertEquals(Map.of("x", 1, "y", 3), v.get("thing"));
    }

    @Test
    void warnsOnDuplicateKeysAndKeepsTheLater() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("a: 1\na: 2\n");
        assertEquals(2, root.value().get("a"));
        assertEquals("""
                [WARNING]: key 'a' is written twice in this mapping; the later value wins
                 --> f.yml:2:1
                  |
                2 | a: 2
                  | ^
                  = remove one of them""", TestFiles.render(diagnostics, dir));
    }

    @Test
    void emptyFileIsANullDocument() {
        YamlNode root = read("# nothing\n");
        assertInstanceOf(YamlNode.Scalar.class, root);
        assertNull(root.value());
        assertFalse(diagnostics.hasErrors());
    }

    @Test
    void unquotedJinjaValueGetsTheQuoteHint() {
        read("- name: show\n  msg: {{ greeting }}\n");
        assertEquals("""
                ERROR! a value starts with an unquoted '{{'
                 --> f.yml:2:8
                  |
                2 |   msg: {{ greeting }}
                  |        ^^
                  = quote the whole value: key: "{{ var }}\"""", TestFiles.render(diagnostics, dir));
    }

    @Test
    void jinjaFollowedByTextIsASyntaxErrorWithTheQuoteHint() {
        assertTrue(read("msg: {{ name }} is here\n") == null);
        assertEquals("""
                ERROR! yaml syntax error: expected <block end>, but found '<scalar>' (while parsing a block mapping)
                 --> f.yml:1:17
                  |
                1 | msg: {{ name }} is here
                  |                 ^
                  = quote the whole value: key: "{{ var }}\"""", TestFiles.render(diagnostics, dir));
    }

    @Test
    void tabIndentationGetsTheTabHint() {
        assertNull(read("a:\n\tb: 1\n"));
        String out = TestFiles.render(diagnostics, dir);
        assertTrue(out.startsWith("ERROR! yaml syntax error: found character '\\t(TAB)' that cannot start any token"), out);
        assertTrue(out.contains(" --> f.yml:2:1\n"), out);
        assertTrue(out.endsWith("  = indent with spaces; YAML does not allow tabs in indentation"), out);
    }

    @Test
    void missingSpaceAfterColonGetsTheSpaceHint() {
        assertNull(read("- name: x\n  hosts:all\n  tasks: []\n"));
        assertEquals("""
                ERROR! yaml syntax error: could not find expected ':' (while scanning a simple key)
                 --> f.yml:2:3
                  |
                2 |   hosts:all
                  |   ^
                  = put a space after the colon: `key: value`""", TestFiles.render(diagnostics, dir));
    }

    @Test
    void missingFileIsAnErrorAtTheReference() {
        SourcePosition ref = new SourcePosition(dir.resolve("site.yml"), 3, 5);
        assertTrue(new YamlReader(diagnostics).read(dir.resolve("nope.yml"), ref).isEmpty());
        assertEquals("file '" + dir.resolve("nope.yml") + "' does not exist", diagnostics.all().get(0).summary());
        assertEquals(ref, diagnostics.all().get(0).position());
    }

    // the read buffer holds a small text whole (one read, no refill) without 2 MB per parse; a big one is read 1 MiB at a time
    @Test
    void theReadBufferFitsTheTextUpToOneMebibyte() {
        assertEquals(1024, YamlReader.bufferSize(10));
        assertEquals(5001, YamlReader.bufferSize(5000));
        assertEquals(1 << 20, YamlReader.bufferSize(1 << 20));
        assertEquals(1 << 20, YamlReader.bufferSize(50_000_000));
    }
}
