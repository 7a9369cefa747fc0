package io.swarmplay.modules;

import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.ArgsException;
import io.swarmplay.module.Change;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.ValueUnknownException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every {@code src/test/resources/modules/<module>/<case>.yaml} the way the runner does:
 * bind args, plan against a {@link FakeHostView}, then (unless NONE) apply on a
 * {@link FakeSession}, and compares with the case's expectations:
 * {@code action, summary, diff, commands, writes, status, data (subset), set_facts, progress,
 * error, error_data, unknown}.
 * Commands and writes default to none, so every side effect must be listed.
 */
class ModuleCasesTest {

    private static final ModuleRegistry REGISTRY = ModuleRegistry.load();

    @TempDir
    Path controlDir;

    static Stream<ModuleCase> cases() throws IOException, URISyntaxException {
        Path root = Path.of(ModuleCasesTest.class.getResource("/modules").toURI());
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().map(ModuleCase::load).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void moduleCase(ModuleCase c) {
        Module<Object> module = module(c.module());
        FakeHostView view = c.host(controlDir);
        FakeSession session = new FakeSession(view, c.results("runs"));
        try {
            Object args = ArgsBinder.bind(module.argsType(), c.args(module.info().freeForm()));
            Change change = module.plan(args, view);
            checkChange(c, change);
            Outcome outcome = change.isNone() ? noneOutcome(change) : module.apply(args, change, session);
            if (c.has("error")) fail("expected error '" + c.get("error") + "' but the task ended " + outcome.status());
            checkOutcome(c, outcome);
        } catch (ValueUnknownException e) {
            assertEquals(c.get("unknown"), e.getMessage(), "value known only after apply");
        } catch (ModuleException | ArgsException e) {
            if (!c.has("error")) throw e;
            assertEquals(c.get("error"), e.getMessage(), "error message");
            if (c.has("error_data")) assertSubset("error_data", c.get("error_data"), ((ModuleException) e).data());
        }
        checkSideEffects(c, session);
    }

    @SuppressWarnings("unchecked")
    private static Module<Object> module(String name) {
        return (Module<Object>) REGISTRY.find(name).orElseThrow(() -> new AssertionError("no module " + name));
    }

    /** What the runner does for NONE: the payload outcome of read-only modules, else ok(reason). */
    private static Outcome noneOutcome(Change change) {
        return change.payload() instanceof Outcome done ? done : Outcome.ok(change);
    }

    private static void checkChange(ModuleCase c, Change change) {
        if (c.has("action")) assertEquals(c.get("action"), change.action().name(), "action");
        if (!change.isNone() || c.has("summary")) assertEquals(c.get("summary"), change.summary(), "summary");
        assertTrue(change.summary() != null && !change.summary().isBlank(), "every change has a summary");
        if (!c.has("diff")) return;
        Map<String, Object> diff = c.map("diff");
        if (c.get("diff") == null) {
            assertEquals(null, change.diff(), "diff");
            return;
        }
        assertEquals(diff.get("before"), change.diff().before(), "diff before");
        assertEquals(diff.get("after"), change.diff().after(), "diff after");
    }

    private static void checkOutcome(ModuleCase c, Outcome outcome) {
        if (c.has("status")) assertEquals(c.get("status"), outcome.status().name(), "status");
        if (c.has("data")) assertSubset("data", c.get("data"), outcome.data());
        if (c.has("set_facts")) assertEquals(c.get("set_facts"), outcome.facts(), "facts set");
    }

    private static void checkSideEffects(ModuleCase c, FakeSession session) {
        assertEquals(c.has("commands") ? c.get("commands") : List.of(), session.commands, "commands run by apply");
        Map<String, Object> expected = c.map("writes");
        Map<String, Object> actual = new LinkedHashMap<>();
        session.writes.forEach((path, w) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("content", new String(w.content(), StandardCharsets.UTF_8));
            if (w.attrs().mode() != null) one.put("mode", String.format("%04o", w.attrs().mode()));
            if (w.attrs().owner() != null) one.put("owner", w.attrs().owner());
            actual.put(path, one);
        });
        assertEquals(expected, actual, "files written by apply");
        if (c.has("progress")) assertEquals(c.get("progress"), session.progress, "progress messages");
    }

    /** Every key of {@code expected} is in {@code actual} with an equal value (numbers by value). */
    @SuppressWarnings("unchecked")
    static void assertSubset(String where, Object expected, Object actual) {
        if (expected instanceof Map<?, ?> e) {
            Map<String, Object> a = assertInstanceOf(Map.class, actual, where);
            e.forEach((k, v) -> {
                assertTrue(a.containsKey(k), where + ": missing key '" + k + "' in " + a.keySet());
                assertSubset(where + "." + k, v, a.get(k));
            });
        } else if (expected instanceof List<?> e) {
            List<Object> a = new ArrayList<>(assertInstanceOf(List.class, actual, where));
            assertEquals(e.size(), a.size(), where + " size");
            for (int i = 0; i < e.size(); i++) assertSubset(where + "[" + i + "]", e.get(i), a.get(i));
        } else if (expected instanceof Number e && actual instanceof Number a) {
            assertEquals(0, new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())), where + ": " + e + " vs " + a);
        } else {
            assertEquals(expected, actual, where);
        }
    }
}
