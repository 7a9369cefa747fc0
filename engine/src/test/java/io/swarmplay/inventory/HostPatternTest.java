package io.swarmplay.inventory;

import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HostPatternTest {

    @TempDir
    static Path dir;

    private static Inventory inventory;

    @BeforeEach
    void load() {
        if (inventory != null) return;
        Path file = TestFiles.write(dir, "inv.yml", """
                all:
                  hosts:
                    solo:
                  children:
                    web:
                      hosts: {web1: , web2: , web3: }
                    db:
                      hosts: {db1: , web3: }
                    europe:
                      children:
                        db:
                """);
        inventory = InventoryLoader.load(List.of(file.toString()), new Diagnostics());
    }

    private static String select(String pattern) {
        return String.join(" ", inventory.select(pattern).stream().map(Host::name).toList());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "all              ; solo web1 web2 web3 db1",
            "*                ; solo web1 web2 web3 db1",
            "web              ; web1 web2 web3",
            "europe           ; web3 db1",
            "db1              ; db1",
            "web:db           ; web1 web2 web3 db1",
            "db,web           ; web1 web2 web3 db1",
            "web:&db          ; web3",
            "web:!db          ; web1 web2",
            "!db:web          ; web1 web2",
            "'!web'           ; solo db1",
            "web*             ; web1 web2 web3",
            "w?b[!3]          ; web1 web2",
            "~(web|db)[13]    ; web1 web3 db1",
            "~eb              ; ''",
            "web[0]           ; web1",
            "web[-1]          ; web3",
            "web[0:1]         ; web1 web2",
            "web[0:2]         ; web1 web2 web3",
            "web[1-2]         ; web2 web3",
            "web[1:]          ; web2 web3",
            "web[7]           ; ''",
            "nothing          ; ''",
            "localhost        ; localhost",
            "web:localhost    ; web1 web2 web3 localhost",
            "ungrouped        ; solo",
    })
    void selectsInInventoryOrder(String pattern, String expected) {
        assertEquals(expected, select(pattern));
    }

    @Test
    void badPatternsAreReportedClearly() {
        assertEquals("bad host pattern 'web:&': '&' needs a group or host name after it",
                assertThrows(IllegalArgumentException.class, () -> HostPattern.parse("web:&")).getMessage());
        assertEquals("bad host pattern '~(web': '~(web' is not a valid regular expression (Unclosed group)",
                assertThrows(IllegalArgumentException.class, () -> HostPattern.parse("~(web")).getMessage());
        assertEquals("bad host pattern ' ': it is empty; use 'all' for every host",
                assertThrows(IllegalArgumentException.class, () -> HostPattern.parse(" ")).getMessage());
    }

    @Test
    void parsesOnceAndKeepsTheText() {
        HostPattern p = HostPattern.parse("web:!web2");
        assertEquals("web:!web2", p.text());
        assertEquals("web1 web3", String.join(" ", inventory.select(p).stream().map(Host::name).toList()));
    }
}
