package io.swarmplay.inventory;

import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** INI inventories, each case checked against {@code ansible-inventory --list} of ansible-core 2.14. */
class IniInventoryReaderTest {

    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();

    private static final String INI = """
            # comment
            ; another
            top1 a=1 b='2' c="x y" d=[1,2] e={'k':1} f=True g=yes h=1.5 i=None j="'q'"
            [web]
            web[01:03]:2222 x=1
            db-[a:c]
            w[1:6:2]   # odd ones
            [web:vars]
            v1 = 1 # c
            v2=hello world
            v3='quoted'
            v4=[1, 2]
            [par:children]
            web
            later
            [later]
            l1 ansible_host=10.0.0.9
            [ungrouped]
            u1
            """;

    private Inventory load(String name, String text) {
        return InventoryLoader.load(List.of(TestFiles.write(dir, name, text).toString()), diagnostics);
    }

    private Map<String, Object> vars(Inventory inventory, String host) {
        return inventory.host(host).orElseThrow().vars();
    }

    @Test
    void hostLineValuesAreShellSplitThenPythonLiterals() {
        Inventory inventory = load("hosts", INI);
        assertFalse(diagnostics.hasErrors(), () -> TestFiles.render(diagnostics, dir));
        Map<String, Object> top = vars(inventory, "top1");
        assertEquals(1, top.get("a"));
        assertEquals(2, top.get("b")); // the shell removes the quotes first, as in Ansible
        assertEquals("x y", top.get("c"));
        assertEquals(List.of(1, 2), top.get("d"));
        assertEquals("{k:1}", top.get("e"));
        assertEquals(true, top.get("f"));
        assertEquals("yes", top.get("g"));
        assertEquals(1.5, top.get("h"));
        assertTrue(top.containsKey("i") && top.get("i") == null);
        assertEquals("q", top.get("j"));
    }

    @Test
    void rangesPortsGroupVarsAndChildren() {
        Inventory inventory = load("hosts", INI);
        assertEquals(List.of("web01", "web02", "web03", "db-a", "db-b", "db-c", "w1", "w3", "w5"),
                inventory.groups().get("web").hosts());
        assertEquals(2222, vars(inventory, "web02").get("ansible_port"));
        assertEquals(1, vars(inventory, "web02").get("x"));
        Map<String, Object> groupVars = inventory.groups().get("web").vars();
        assertEquals(1, groupVars.get("v1"));
        assertEquals("hello world", groupVars.get("v2"));
        assertEquals("quoted", groupVars.get("v3"));
        assertEquals(List.of(1, 2), groupVars.get("v4"));
        assertEquals(List.of("web", "later"), inventory.groups().get("par").children());
        assertEquals(List.of("top1", "u1"), inventory.groups().get("ungrouped").hosts());
        assertEquals("10.0.0.9", vars(inventory, "l1").get("ansible_host"));
        assertTrue(inventory.host("l1").orElseThrow().groups().contains("par"));
    }

    @Test
    void allVarsApplyToEveryHost() {
        Inventory inventory = load("inventory", "testhost ansible_connection=local\n[all:vars]\nansible_python_interpreter=/usr/bin/python3\n");
        assertFalse(diagnostics.hasErrors(), () -> TestFiles.render(diagnostics, dir));
        assertEquals("local", vars(inventory, "testhost").get("ansible_connection"));
        assertEquals("/usr/bin/python3", inventory.groups().get("all").vars().get("ansible_python_interpreter"));
    }

    @Test
    void groupVarsTakePythonLiteralsNoneAndBytesIncluded() {
        Inventory inventory = load("inventory", "testhost\n[all:vars]\nnone=None\nbytes=b'single'\ndq=B\"double\"\n");
        assertFalse(diagnostics.hasErrors(), () -> TestFiles.render(diagnostics, dir));
        Map<String, Object> all = inventory.groups().get("all").vars();
        assertTrue(all.containsKey("none") && all.get("none") == null, all::toString);
        assertEquals("single", all.get("bytes"));
        assertEquals("double", all.get("dq"));
    }

    @Test
    void aYamlInventoryWithoutExtensionIsStillYaml() {
        Inventory inventory = load("inventory", "all:\n  hosts:\n    h1:\n      x: 1\n");
        assertFalse(diagnostics.hasErrors(), () -> TestFiles.render(diagnostics, dir));
        assertEquals(1, vars(inventory, "h1").get("x"));
    }

    @Test
    void aDirectoryMixesFormatsAndSkipsIniNamedFiles() {
        TestFiles.write(dir, "inv/a.ini", "[g1]\nh1\n");
        TestFiles.write(dir, "inv/b", "[g2]\nh2\n");
        TestFiles.write(dir, "inv/c.yml", "all:\n  hosts:\n    h3:\n");
        TestFiles.write(dir, "inv/group_vars/g2.yml", "from_group_vars: 7\n");
        Inventory inventory = InventoryLoader.load(List.of(dir.resolve("inv").toString()), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> TestFiles.render(diagnostics, dir));
        assertEquals(List.of("h2", "h3"), inventory.hosts().stream().map(Host::name).toList());
        assertEquals(7, vars(inventory, "h2").get("from_group_vars") == null
                ? inventory.groups().get("g2").vars().get("from_group_vars") : vars(inventory, "h2").get("from_group_vars"));
    }

    @Test
    void playbookGroupVarsWinOverTheInventorysOwn() {
        Path inv = TestFiles.write(dir, "inv/hosts", "[g]\nh1\n");
        TestFiles.write(dir, "inv/group_vars/g.yml", "x: inventory\ny: inventory\n");
        TestFiles.write(dir, "play/group_vars/g.yml", "x: playbook\n");
        Inventory inventory = InventoryLoader.load(List.of(inv.toString()), List.of(dir.resolve("play")), diagnostics);
        assertEquals("playbook", inventory.groups().get("g").vars().get("x"));
        assertEquals("inventory", inventory.groups().get("g").vars().get("y"));
    }

    @Test
    void aCommaListTakesPorts() {
        Inventory inventory = InventoryLoader.load(List.of("h1:2200,h2,"), diagnostics);
        assertEquals(2200, vars(inventory, "h1").get("ansible_port"));
        assertFalse(vars(inventory, "h2").containsKey("ansible_port"));
    }

    @Test
    void errorsPointAtTheLineAndColumn() {
        load("bad", """
                [web]
                w1 ansible_port=22 oops
                w2 note="never closed
                [web:stuff]
                [ sp ]
                [db:vars]
                novalue
                [par:children]
                nosuch
                db:
                """);
        assertEquals("""
                ERROR! expected key=value host variable assignment, got 'oops'
                 --> bad:2:20
                  |
                2 | w1 ansible_port=22 oops
                  |                    ^^^^
                  = write variables as key=value after the host name; quote values with spaces

                ERROR! no closing quotation: the double quote at column 9 is never closed
                 --> bad:3:1
                  |
                3 | w2 note="never closed
                  | ^^^^^^^^^^^^^^^^^^^^^
                  = close the quote, or escape it with a backslash

                ERROR! section [web:stuff] has unknown type 'stuff'
                 --> bad:4:1
                  |
                4 | [web:stuff]
                  | ^^^^^^^^^^^
                  = the type after ':' is vars or children

                ERROR! invalid section entry '[ sp ]'
                 --> bad:5:1
                  |
                5 | [ sp ]
                  | ^^^^^^
                  = a section is [group], [group:vars] or [group:children], with no spaces in it

                ERROR! expected key=value, got 'novalue'
                 --> bad:7:1
                  |
                7 | novalue
                  | ^^^^^^^
                  = a [db:vars] section holds one variable per line, such as `ntp_server=ntp.example.com`

                ERROR! expected a group name, got 'db:'
                  --> bad:10:1
                   |
                10 | db:
                   | ^^^
                   = a [par:children] section holds one group name per line

                ERROR! section [db:vars] is not valid for undefined group 'db'
                 --> bad:6:1
                  |
                6 | [db:vars]
                  | ^^^^^^^^^
                  = declare the group with a [db] or [db:children] section

                ERROR! section [par:children] includes undefined group 'nosuch'
                 --> bad:9:1
                  |
                9 | nosuch
                  | ^^^^^^
                  = declare it with a [nosuch] section, or remove it from [par:children]""",
                TestFiles.render(diagnostics, dir));
    }

    @Test
    void badHostPatternsAreErrorsAtThePattern() {
        load("bad.ini", "[web]\nweb[3:1]x\n  host: a=1\nweb[01:3]\n---\n");
        String out = TestFiles.render(diagnostics, dir);
        assertTrue(out.contains("ERROR! invalid host pattern 'host:': ending in ':' is not allowed, this character is reserved to provide a port\n --> bad.ini:3:3"), out);
        assertTrue(out.contains("ERROR! host range must specify equal-length begin and end formats: 'web[01:3]'\n --> bad.ini:4:1"), out);
        assertTrue(out.contains("ERROR! invalid host pattern '---'"), out);
        assertEquals(3, diagnostics.errors().size(), out);
    }

    @Test
    void aChildDeclaredBeforeItsGroupSectionIsLinkedWhenDeclared() {
        Inventory inventory = load("hosts", "[parent:children]\nkid\n[kid]\nk1\n[kid:vars]\nz=[1, None]\n");
        assertFalse(diagnostics.hasErrors(), () -> TestFiles.render(diagnostics, dir));
        assertEquals(List.of("kid"), inventory.groups().get("parent").children());
        assertEquals(Arrays.asList(1, null), inventory.groups().get("kid").vars().get("z"));
    }
}
