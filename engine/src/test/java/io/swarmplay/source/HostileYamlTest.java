package io.swarmplay.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files written to hurt the loader: each is refused in bounded time and memory with its position,
 * and nothing escapes as an exception. Before the limits, the alias cases ran out of a 6 GB heap
 * and the nesting cases overflowed the stack.
 */
@Timeout(120)
class HostileYamlTest {

    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();

    private YamlNode read(String yaml) {
        return new YamlReader(diagnostics).read(TestFiles.write(dir, "f.yml", yaml)).orElse(null);
    }

    private String rendered() {
        return TestFiles.render(diagnostics, dir);
    }

    /** {@code levels} anchors, each a list of two aliases of the one before: 2^levels values, 2 aliases a level. */
    private static String doublingBomb(int levels) {
        StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol]\n");
        for (int i = 1; i < levels; i++) yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1)
                .append(", *l").append(i - 1).append("]\n");
        return yaml.toString();
    }

    @Test
    void anAliasBombUnderSnakeyamlsAliasCountIsRefusedAtTheAliasThatPassesTheLimit() {
        assertNull(read(doublingBomb(25)));
        assertEquals("""
                ERROR! yaml file holds more than 250000 values once its aliases are written out: '*l14' alone stands for 65535 values
                  --> f.yml:16:18
                   |
                16 | l15: &l15 [*l14, *l14]
                   |                  ^
                   = write the values out instead of nesting aliases of aliases""", rendered());
    }

    @Test
    void aClassicBillionLaughsIsRefused() {
        StringBuilder yaml = new StringBuilder("a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            String prev = "*" + (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        assertNull(read(yaml.toString()));
        assertTrue(rendered().startsWith("ERROR! yaml file holds more than 250000 values once its aliases are written out: '*e'"), rendered());
    }

    @Test
    void aRecursiveAliasIsRefusedAtTheAlias() {
        assertNull(read("x: &a [*a, *a]\n"));
        assertEquals("""
                ERROR! recursive alias: '*a' refers to a value that contains it
                 --> f.yml:1:8
                  |
                1 | x: &a [*a, *a]
                  |        ^
                  = an alias can only name a value that is complete before it""", rendered());
    }

    @Test
    void aRecursiveAliasInAMappingIsRefused() {
        assertNull(read("x: &m\n  self: *m\n"));
        assertTrue(rendered().startsWith("ERROR! recursive alias: '*m' refers to a value that contains it\n --> f.yml:2:9"), rendered());
    }

    @Test
    void aRecursiveMergeKeyIsRefused() {
        assertNull(read("base: &b\n  x: 1\n  <<: *b\n"));
        assertTrue(rendered().startsWith("ERROR! recursive alias: '*b' refers to a value that contains it\n --> f.yml:3:7"), rendered());
    }

    @Test
    void mergeKeysMultiplyingAliasesAreBounded() {
        StringBuilder yaml = new StringBuilder("m0: &m0 {a: [x, x, x, x, x, x, x, x]}\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("m").append(i).append(": &m").append(i).append(" {k").append(i).append(": [*m").append(i - 1)
                    .append(", *m").append(i - 1).append(", *m").append(i - 1).append(", *m").append(i - 1).append("], <<: *m").append(i - 1).append("}\n");
        }
        assertNull(read(yaml.toString()));
        assertTrue(rendered().startsWith("ERROR! yaml file holds more than 250000 values once its aliases are written out"), rendered());
    }

    @Test
    void aliasesReusedWithinTheLimitStillWork() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("d: &d {user: app, port: 80}\n"
                + "a: {<<: *d, name: a}\nb: {<<: *d, name: b}\nl: &l [1, 2]\nm: [*l, *l]\n");
        assertFalse(diagnostics.hasErrors(), rendered());
        assertEquals(Map.of("user", "app", "port", 80, "name", "b"), root.value().get("b"));
        assertEquals(List.of(List.of(1, 2), List.of(1, 2)), root.value().get("m"));
    }

    @Test
    void moreThanFiftyCollectionAliasesAreFine() {
        StringBuilder yaml = new StringBuilder("base: &base {a: 1}\nitems:\n");
        for (int i = 0; i < 120; i++) yaml.append("  - {<<: *base, i: ").append(i).append("}\n");
        read(yaml.toString());
        assertFalse(diagnostics.hasErrors(), rendered());
    }

    @Test
    void deepFlowNestingIsRefusedWhereItPassesTheLimit() {
        assertNull(read("x: " + "[".repeat(5000) + "]".repeat(5000) + "\n"));
        String out = rendered();
        assertTrue(out.startsWith("ERROR! yaml nests more than 200 levels deep\n --> f.yml:1:203\n"), out);
        assertTrue(out.contains("1 | ...[[[["), "the 10,000-character line is cut around the caret: " + out);
        assertTrue(out.lines().allMatch(l -> l.length() < 200), out);
    }

    @Test
    void deepBlockNestingIsRefused() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 3000; i++) yaml.append(" ".repeat(i)).append("k:\n");
        assertNull(read(yaml.toString()));
        assertTrue(rendered().startsWith("ERROR! yaml nests more than 200 levels deep\n   --> f.yml:201:"), rendered());
    }

    @Test
    void nestingAtTheLimitIsRead() {
        YamlNode root = read("x: " + "[".repeat(199) + "1" + "]".repeat(199) + "\n");
        assertFalse(diagnostics.hasErrors(), rendered());
        assertTrue(root instanceof YamlNode.Mapping);
    }

    @Test
    void aliasesThatNestPastTheLimitAreRefused() {
        String deep = "[".repeat(150) + "1" + "]".repeat(150);
        assertNull(read("a: &a " + deep + "\nb: " + "[".repeat(100) + "*a" + "]".repeat(100) + "\n"));
        assertTrue(rendered().startsWith("ERROR! yaml nests more than 200 levels deep once '*a' is written out\n --> f.yml:2:104"), rendered());
    }

    @Test
    void aVaultValueWithoutPasswordStaysEncryptedAndFailsOnlyWhenUsedAsText() {
        YamlNode root = read("user: app\npassword: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162636465\n");
        assertEquals("", rendered());
        Object password = ((Map<?, ?>) root.value()).get("password");
        Vault.Encrypted encrypted = assertInstanceOf(Vault.Encrypted.class, password);
        assertTrue(encrypted.undecryptable());
        Vault.NotDecrypted e = assertThrows(Vault.NotDecrypted.class, password::toString);
        assertEquals("Attempting to decrypt but no vault secrets found", e.getMessage());
    }

    @Test
    void aVaultValueInAFormatSwarmplayCannotReadIsAnErrorAtItsTag() {
        read("password: !vault |\n  $ANSIBLE_VAULT;9.9;AES256\n  6162636465\n");
        assertTrue(rendered().startsWith("ERROR! cannot decrypt the !vault value: unsupported vault format '$ANSIBLE_VAULT;9.9;AES256'\n --> f.yml:1:11"), rendered());
    }

    @Test
    void aVaultEncryptedFileWithoutPasswordIsAnError() {
        assertNull(read("$ANSIBLE_VAULT;1.1;AES256\n6162636465\n"));
        assertTrue(rendered().startsWith("ERROR! cannot decrypt 'f.yml': attempting to decrypt but no vault secrets found\n --> f.yml:1:1"), rendered());
    }

    @Test
    void unknownTagsAreErrorsNotDropped() {
        read("obj: !!python/object:os.system {}\ncustom: !mytag hello\nseq: !!python/tuple [1, 2]\n");
        assertEquals("""
                ERROR! unknown yaml tag '!!python/object:os.system'
                 --> f.yml:1:6
                  |
                1 | obj: !!python/object:os.system {}
                  |      ^^^^^^^^^^^^^^^^^^^^^^^^^
                  = remove the tag: swarmplay reads plain YAML values, Ansible's !unsafe and !vault

                ERROR! unknown yaml tag '!mytag'
                 --> f.yml:2:9
                  |
                2 | custom: !mytag hello
                  |         ^^^^^^
                  = remove the tag: swarmplay reads plain YAML values, Ansible's !unsafe and !vault

                ERROR! unknown yaml tag '!!python/tuple'
                 --> f.yml:3:6
                  |
                3 | seq: !!python/tuple [1, 2]
                  |      ^^^^^^^^^^^^^^
                  = remove the tag: swarmplay reads plain YAML values, Ansible's !unsafe and !vault""", rendered());
    }

    @Test
    void coreTagsAndUnsafeAreHonoured() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("a: !!str 42\nb: !!int \"7\"\nc: !unsafe '{{ x }}'\nd: !!map {k: v}\n");
        assertFalse(diagnostics.hasErrors(), rendered());
        assertEquals("42", root.value().get("a"));
        assertEquals(7, root.value().get("b"));
        assertEquals(new UnsafeText("{{ x }}"), root.value().get("c"));
    }

    @Test
    void anUnterminatedQuoteIsReportedWhereItOpens() {
        assertNull(read("tasks:\n  - debug:\n      msg: \"hello\n  - debug: msg=hi\n  - debug: msg=there\n"));
        assertEquals("""
                ERROR! yaml syntax error: found unexpected end of stream (while scanning a quoted scalar)
                 --> f.yml:3:12
                  |
                3 |       msg: "hello
                  |            ^""", rendered());
    }

    @Test
    void invalidUtf8IsReportedAtTheByte() throws IOException {
        Path file = dir.resolve("bad.yml");
        Files.write(file, "a: 1\nb: h\u00e9\n".replace("\u00e9", "").getBytes());
        Files.write(file, new byte[]{'a', ':', ' ', '1', '\n', 'b', ':', ' ', 'h', (byte) 0xC3, 'x', '\n'});
        assertTrue(new YamlReader(diagnostics).read(file).isEmpty());
        assertEquals("""
                ERROR! 'bad.yml' is not UTF-8 text: byte 0xC3 cannot start or continue a character
                 --> bad.yml:2:5
                  |
                2 | b: h\uFFFDx
                  |     ^""", rendered().replace(dir + "/", ""));
    }

    @Test
    void aNulByteIsReportedAtItsPosition() {
        assertNull(read("a: 1\nb: x\u0000y\n"));
        assertEquals("""
                ERROR! yaml files cannot contain the character U+0000
                 --> f.yml:2:5
                  |
                2 | b: x?y
                  |     ^
                  = remove it, or write it as the escape \\u0000 in a double-quoted string""", rendered());
    }

    @Test
    void aDirectoryIsNotReadAsAFile() throws IOException {
        Files.createDirectories(dir.resolve("vars.yml"));
        SourcePosition ref = new SourcePosition(dir.resolve("site.yml"), 4, 7);
        assertTrue(new YamlReader(diagnostics).read(dir.resolve("vars.yml"), ref).isEmpty());
        assertEquals("'" + dir.resolve("vars.yml") + "' is a directory, not a file", diagnostics.all().get(0).summary());
        assertEquals(ref, diagnostics.all().get(0).position());
    }

    @Test
    void tooManyValuesWithoutAliasesAreRefused() {
        StringBuilder yaml = new StringBuilder("x: [");
        for (int i = 0; i < 260_000; i++) yaml.append("1,");
        yaml.append("1]\n");
        assertNull(read(yaml.toString()));
        assertTrue(rendered().startsWith("ERROR! yaml file holds more than 250000 values\n --> f.yml:1:"), rendered());
    }

    @Test
    void aHugeScalarWithinTheCharacterLimitIsRead() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("x: " + "a".repeat(2_000_000) + "\n");
        assertFalse(diagnostics.hasErrors());
        assertEquals(2_000_000, ((String) root.value().get("x")).length());
    }

    @Test
    void aFileOverTheCharacterLimitIsRefused() {
        assertNull(read("x: " + "a".repeat(YamlLimits.MAX_CHARS) + "\n"));
        assertTrue(rendered().startsWith("ERROR! yaml error: the file has more than 8388608 characters\n --> f.yml:1:1"), rendered());
    }
}
