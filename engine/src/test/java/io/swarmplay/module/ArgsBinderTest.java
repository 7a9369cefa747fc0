package io.swarmplay.module;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgsBinderTest {

    record FileArgs(@Required @Alias({"dest", "name"}) String path,
                    @Choices({"file", "absent"}) String state,
                    @Default("true") boolean force,
                    Integer owner_id,
                    String fail_msg,
                    int retries) {
    }

    record Mixed(List<String> names, List<Object> items, Map<String, Object> opts, Map<String, String> env,
                 Object anything, Duration timeout, @Default("30s") Duration delay, long size, double ratio,
                 Boolean flag) {
    }

    record Facts(Map<String, Object> vars) {
    }

    record Raw(@Alias("_raw") String action) {
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void bindsNamesAliasesAndDefaults() {
        FileArgs a = ArgsBinder.bind(FileArgs.class, map("dest", "/etc/x", "fail_msg", 42));
        assertEquals("/etc/x", a.path());
        assertEquals("file", a.state(), "first choice is the default");
        assertTrue(a.force(), "@Default(\"true\") parsed as YAML");
        assertNull(a.owner_id());
        assertEquals("42", a.fail_msg(), "numbers become their string form");
        assertEquals(0, a.retries(), "absent primitive is 0");
    }

    @Test
    void convertsAnsibleTruthyStrings() {
        for (String yes : List.of("yes", "True", "on", "1")) {
            assertTrue(ArgsBinder.bind(FileArgs.class, map("path", "p", "force", yes)).force(), yes);
        }
        for (Object no : List.of("no", "false", "OFF", 0)) {
            assertFalse(ArgsBinder.bind(FileArgs.class, map("path", "p", "force", no)).force(), String.valueOf(no));
        }
    }

    @Test
    void convertsCollectionsDurationsAndNumbers() {
        Mixed m = ArgsBinder.bind(Mixed.class, map("names", "a, b,c", "items", "one", "opts", map("k", 1),
                "env", map("N", 5), "anything", List.of(1), "timeout", 90, "size", "12", "ratio", 2, "flag", "yes"));
        assertEquals(List.of("a", "b", "c"), m.names());
        assertEquals(List.of("one"), m.items());
        assertEquals(Map.of("k", 1), m.opts());
        assertEquals(Map.of("N", "5"), m.env());
        assertEquals(List.of(1), m.anything());
        assertEquals(Duration.ofSeconds(90), m.timeout());
        assertEquals(Duration.ofSeconds(30), m.delay());
        assertEquals(12L, m.size());
        assertEquals(2.0, m.ratio());
        assertTrue(m.flag());
    }

    @Test
    void parsesDurationUnitsAndSingleItemLists() {
        Mixed m = ArgsBinder.bind(Mixed.class, map("timeout", "5m", "delay", "250ms", "names", "solo"));
        assertEquals(Duration.ofMinutes(5), m.timeout());
        assertEquals(Duration.ofMillis(250), m.delay());
        assertEquals(List.of("solo"), m.names());
    }

    @Test
    void reportsMissingRequiredArgument() {
        ArgsException e = assertThrows(ArgsException.class, () -> ArgsBinder.bind(FileArgs.class, map()));
        assertEquals("missing required argument 'path'", e.getMessage());
        assertEquals("path", e.problems().get(0).key());
    }

    record PairArgs(@Required(Required.SRC_AND_DEST) String src, @Required(Required.SRC_AND_DEST) String dest) {
    }

    record TypedArgs(@WrongType("Invalid type supplied for source option, it must be a string") String src, String dest) {
    }

    @Test
    void aWrongTypeWithItsActionsMessageSaysThatMessage() {
        ArgsException e = assertThrows(ArgsException.class, () -> ArgsBinder.bind(TypedArgs.class, map("src", List.of(1, 2), "dest", List.of(3))));
        assertEquals(List.of("Invalid type supplied for source option, it must be a string", "'dest' must be a string (got a list)"),
                e.problems().stream().map(ArgsException.Problem::message).toList());
    }

    @Test
    void aRequiredArgumentWithItsActionsMessageSaysItOnce() {
        ArgsException both = assertThrows(ArgsException.class, () -> ArgsBinder.bind(PairArgs.class, map()));
        assertEquals(List.of("src and dest are required"), both.problems().stream().map(ArgsException.Problem::message).toList());
        ArgsException dest = assertThrows(ArgsException.class, () -> ArgsBinder.bind(PairArgs.class, map("src", "a")));
        assertEquals("src and dest are required", dest.getMessage());
        assertEquals("dest", dest.problems().get(0).key());
    }

    @Test
    void reportsBadChoiceWithSuggestion() {
        ArgsException e = assertThrows(ArgsException.class,
                () -> ArgsBinder.bind(FileArgs.class, map("path", "/x", "state", "absnt")));
        assertEquals("'state' must be one of: file, absent (got 'absnt')", e.getMessage());
        assertEquals("did you mean 'absent'?", e.problems().get(0).hint());
    }

    @Test
    void collectsEveryProblemIncludingUnknownKeysWithSuggestion() {
        ArgsException e = assertThrows(ArgsException.class,
                () -> ArgsBinder.bind(FileArgs.class, map("dest_path", "/x", "force", "maybe", "retries", "lots")));
        List<String> messages = e.problems().stream().map(ArgsException.Problem::message).toList();
        assertEquals(List.of("unknown argument 'dest_path'",
                "missing required argument 'path'",
                "'force' must be a boolean: yes/no, true/false, on/off, 1/0 (got 'maybe')",
                "'retries' must be an integer (got 'lots')"), messages);
        assertEquals("did you mean 'dest'?", e.problems().get(0).hint());
    }

    @Test
    void problemsNameTheKeyTheUserWrote() {
        ArgsException e = assertThrows(ArgsException.class,
                () -> ArgsBinder.bind(Mixed.class, map("size", List.of(1))));
        assertEquals("'size' must be an integer (got a list)", e.getMessage());
        record Aliased(@Alias("dest") int path) {
        }
        ArgsException aliased = assertThrows(ArgsException.class,
                () -> ArgsBinder.bind(Aliased.class, map("dest", 5_000_000_000L)));
        assertEquals("dest", aliased.problems().get(0).key());
        assertEquals("'dest' is too large (got 5000000000)", aliased.getMessage());
    }

    @Test
    void rejectsTwoKeysForOneArgument() {
        ArgsException e = assertThrows(ArgsException.class,
                () -> ArgsBinder.bind(FileArgs.class, map("path", "/a", "dest", "/b")));
        assertEquals("arguments 'path' and 'dest' mean the same thing", e.getMessage());
    }

    @Test
    void rejectsWrongShapes() {
        ArgsException e = assertThrows(ArgsException.class,
                () -> ArgsBinder.bind(Mixed.class, map("opts", List.of(1), "names", map("a", 1))));
        assertEquals("'names' must be a list (got a mapping)", e.problems().get(0).message());
        assertEquals("'opts' must be a mapping (got a list)", e.problems().get(1).message());
    }

    @Test
    void ignoresInternalKeysButKeepsRaw() {
        Raw r = ArgsBinder.bind(Raw.class, map("_raw", "flush_handlers", "_ansible_check_mode", true));
        assertEquals("flush_handlers", r.action());
    }

    @Test
    void singleVarsMapTakesEveryKey() {
        Facts f = ArgsBinder.bind(Facts.class, map("a", 1, "b", List.of("x"), "_xf", 1, "_ansible_check_mode", true));
        assertEquals(map("a", 1, "b", List.of("x"), "_xf", 1), f.vars(), "a user's '_' name is kept, Ansible's internal keys are not");
    }

    @Test
    void nullValueCountsAsAbsent() {
        FileArgs a = ArgsBinder.bind(FileArgs.class, map("path", "/x", "force", null));
        assertTrue(a.force());
    }

    @Test
    void argNamesListsComponentsAndAliases() {
        assertEquals(List.of("path", "dest", "name", "state", "force", "owner_id", "fail_msg", "retries"),
                List.copyOf(ArgsBinder.argNames(FileArgs.class)));
    }
}
