package io.swarmplay.template.python;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.TestFiles;
import io.swarmplay.template.ExpressionValue;
import io.swarmplay.template.JinjavaTemplar;
import io.swarmplay.template.TemplateException;
import io.swarmplay.template.TemplatePlugins;
import io.swarmplay.template.TemplatePlugins.Kind;
import io.swarmplay.template.TemplatePlugins.PluginException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Python filter and test plugins run by a real python3, through the templar. */
class PythonPluginsTest {

    private static final String FILTERS = """
            def double(x, n=2):
                return x * n
            def describe(x, *args, **kwargs):
                return {"x": x, "args": list(args), "kwargs": kwargs}
            def boom(x):
                raise ValueError("bad value %r" % (x,))
            def opaque(x):
                return object()
            def upper(x):
                return "plugin:" + x
            def chatty(x):
                print("printed by the plugin")
                return x
            class FilterModule(object):
                def filters(self):
                    return {'double': double, 'describe': describe, 'boom': boom, 'opaque': opaque,
                            'upper': upper, 'chatty': chatty, 'dotted.name': double}
            """;
    private static final String TESTS = """
            def even(x):
                return x % 2 == 0
            class TestModule(object):
                def tests(self):
                    return {'even': even}
            """;

    @TempDir
    Path dir;
    private PythonPlugins plugins;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void plugins() {
        TestFiles.write(dir, "play/filter_plugins/mine.py", FILTERS);
        TestFiles.write(dir, "play/test_plugins/numbers.py", TESTS);
    }

    @AfterEach
    void close() {
        if (plugins != null) plugins.close();
    }

    private static Path python() {
        Path python = PythonInterpreter.find(System.getenv()).orElse(null);
        assumeTrue(python != null, "these tests need a python3");
        return python;
    }

    private PythonPlugins load(Path... baseDirs) {
        plugins = PythonPlugins.of(PluginDirs.of(List.of(baseDirs), Map.of()), python());
        return plugins;
    }

    private Object render(String template) {
        return ExpressionValue.of(new JinjavaTemplar(warnings::add, plugins), template,
                Map.of("items", List.of(1, 2, 3), "omit", io.swarmplay.template.Omit.INSTANCE), new SourcePosition(dir.resolve("site.yml"), 4, 7));
    }

    /** The error's message and hint. */
    private String failure(String template) {
        TemplateException e = assertThrows(TemplateException.class, () -> render(template));
        return e.getMessage() + " (" + e.hint() + ")";
    }

    @Test
    void filtersGetTheirInputPositionalAndNamedArguments() {
        load(dir.resolve("play"));
        assertEquals(6, render("{{ 3 | double }}"));
        assertEquals("aaa", render("{{ 'a' | double(n=3) }}"));
        assertEquals(Map.of("x", 1, "args", List.of(2, "b"), "kwargs", Map.of("k", java.util.Arrays.asList(1, null), "m", Map.of("a", true))),
                render("{{ 1 | describe(2, 'b', k=[1, none], m={'a': true}) }}"));
        assertEquals(List.of(2, 4, 6), render("{{ items | map('double') | list }}"));
    }

    @Test
    void testsAnswerAsJinjaTests() {
        load(dir.resolve("play"));
        assertEquals(true, render("{{ 4 is even }}"));
        assertEquals(false, render("{{ 3 is even }}"));
        assertEquals(List.of(2), render("{{ items | select('even') | list }}"));
    }

    @Test
    void aPluginOfTheSameNameWinsOverTheBuiltInFilterAsInAnsible() {
        load(dir.resolve("play"));
        assertEquals("plugin:x", render("{{ 'x' | upper }}"));
        assertEquals("X", new JinjavaTemplar().render("{{ 'x' | upper }}", Map.of(), SourcePosition.UNKNOWN),
                "a templar without plugins keeps the built-in");
    }

    @Test
    void aPythonExceptionFailsTheRenderNamingTheFilterAndThePythonError() {
        load(dir.resolve("play"));
        String message = failure("{{ 1 | boom }}");
        assertTrue(message.contains("filter 'boom' failed: ValueError: bad value 1"), message);
        assertFalse(message.contains("Exception"), message);
    }

    @Test
    void aResultThatIsNotJsonIsAClearError() {
        load(dir.resolve("play"));
        String message = failure("{{ 1 | opaque }}");
        assertTrue(message.contains("filter 'opaque' returned a Python object, which is not a JSON value"), message);
    }

    @Test
    void argumentsThatAreNotJsonAreRefusedBeforeTheCall() {
        load(dir.resolve("play"));
        String message = failure("{{ omit | double }}");
        assertTrue(message.contains("filter 'double' got omit, which is not a JSON value"), message);
        assertTrue(failure("{{ missing | double }}").contains("'missing' is undefined"));
    }

    @Test
    void whatAPluginPrintsDoesNotBreakTheProtocol() {
        load(dir.resolve("play"));
        assertEquals("same", render("{{ 'same' | chatty }}"));
        assertEquals(4, render("{{ 2 | double }}"));
    }

    @Test
    void namesHoldingADotAreSkippedAsAnsibleDoes() {
        load(dir.resolve("play"));
        assertEquals(Set.of("double", "describe", "boom", "opaque", "upper", "chatty"), plugins.names(Kind.FILTER));
        assertEquals(Set.of("even"), plugins.names(Kind.TEST));
    }

    @Test
    void theFirstDirectoryWinsAndAFileNameSeenBeforeIsSkipped() {
        TestFiles.write(dir, "role/filter_plugins/mine.py", """
                class FilterModule(object):
                    def filters(self):
                        return {'role_only': lambda x: x}
                """);
        TestFiles.write(dir, "role/filter_plugins/other.py", """
                class FilterModule(object):
                    def filters(self):
                        return {'double': lambda x: 'role', 'other': lambda x: 'other'}
                """);
        load(dir.resolve("play"), dir.resolve("role"));
        assertEquals(6, render("{{ 3 | double }}"));
        assertEquals("other", render("{{ 3 | other }}"));
        assertTrue(failure("{{ 3 | role_only }}").contains("unknown filter 'role_only'"));
    }

    @Test
    void aFileThatCannotBeImportedIsSkippedWithAWarningNamingTheMissingModule() throws java.io.IOException {
        TestFiles.write(dir, "play/filter_plugins/needs.py", """
                import no_such_module_for_swarmplay
                class FilterModule(object):
                    def filters(self):
                        return {'needed': lambda x: x}
                """);
        load(dir.resolve("play"));
        String message = failure("{{ 1 | needed }}");
        assertTrue(message.contains("unknown filter 'needed'"), message);
        assertTrue(message.contains("Skipping plugin (" + dir.resolve("play/filter_plugins/needs.py").toRealPath()
                + "), cannot load: No module named 'no_such_module_for_swarmplay'"), message);
        assertTrue(message.contains("(the plugin needs the Python module 'no_such_module_for_swarmplay', which " + python()
                + " cannot import: install it for that interpreter, or set SWARMPLAY_PYTHON to a Python 3 that has it)"), message);
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(6, render("{{ 3 | double }}"), "the other files still load");
    }

    @Test
    void aFileWhoseFiltersMethodFailsIsSkippedWithoutAWarningAsInAnsible() {
        TestFiles.write(dir, "play/filter_plugins/bad.py", """
                class FilterModule(object):
                    def filters(self):
                        raise TypeError('bad_filter')
                """);
        load(dir.resolve("play"));
        assertEquals(6, render("{{ 3 | double }}"));
        assertEquals(List.of(), warnings);
        String message = failure("{{ 3 | from_bad }}");
        assertTrue(message.contains("bad.py was skipped: TypeError: bad_filter"), message);
    }

    @Test
    void aModuleAPluginImportsWhenCalledIsNamedWithTheInterpreterThatLacksIt() {
        TestFiles.write(dir, "play/filter_plugins/lazy.py", """
                def lazy(x):
                    import no_such_module_for_swarmplay
                    return x
                class FilterModule(object):
                    def filters(self):
                        return {'lazy': lazy}
                """);
        load(dir.resolve("play"));
        String message = failure("{{ 1 | lazy }}");
        assertTrue(message.startsWith("filter 'lazy' failed: ModuleNotFoundError: No module named 'no_such_module_for_swarmplay'"), message);
        assertTrue(message.contains("lazy.py needs the Python module 'no_such_module_for_swarmplay', which " + python() + " cannot import"),
                message);
    }

    @Test
    void nothingStartsWithoutPluginFilesAndTemplatesWithoutFiltersStartNothing() {
        plugins = PythonPlugins.of(PluginDirs.of(List.of(dir.resolve("nowhere")), Map.of()), null);
        assertTrue(plugins.isEmpty());
        assertFalse(plugins.missingPython());
        assertTrue(plugins.loadProblem().isEmpty());
        assertEquals("X", render("{{ 'x' | upper }}"));
    }

    @Test
    void pluginFilesWithoutPythonAreReportedAndFailWhenUsed() throws java.io.IOException {
        plugins = PythonPlugins.of(PluginDirs.of(List.of(dir.resolve("play")), Map.of()), null);
        assertTrue(plugins.missingPython());
        assertEquals("the Python plugins [" + dir.resolve("play/filter_plugins/mine.py").toRealPath() + ", "
                        + dir.resolve("play/test_plugins/numbers.py").toRealPath() + "] need a Python 3 interpreter, and none was found"
                        + " (tried $SWARMPLAY_PYTHON, the interpreter of ansible-playbook, python3 on the PATH)",
                plugins.loadProblem().orElseThrow().summary());
        assertEquals("install python3, or set SWARMPLAY_PYTHON to the path of a Python 3 interpreter",
                plugins.loadProblem().orElseThrow().hint());
        assertTrue(failure("{{ 1 | double }}").contains("no Python 3 interpreter was found"));
    }

    @Test
    void afterCloseTheProcessIsGoneAndCallsFailClearly() {
        load(dir.resolve("play"));
        assertEquals(6, render("{{ 3 | double }}"));
        plugins.close();
        PluginException e = assertThrows(PluginException.class,
                () -> plugins.call(Kind.FILTER, "double", 1, List.of(), Map.of()));
        assertEquals("filter 'double' could not run: the run has ended", e.getMessage());
    }

    @Test
    void aPluginThatEndsThePythonProcessFailsTheCallWithItsExitCode() {
        TestFiles.write(dir, "play/filter_plugins/quits.py", """
                import os, sys
                def quit(x):
                    sys.stderr.write("going away\\n")
                    sys.stderr.flush()
                    os._exit(3)
                class FilterModule(object):
                    def filters(self):
                        return {'quit': quit}
                """);
        load(dir.resolve("play"));
        String message = failure("{{ 1 | quit }}");
        assertTrue(message.contains("filter 'quit' could not run: the Python plugin process exited with code 3: going away"), message);
    }

    @Test
    void noneIsTheEmptyPluginSet() {
        assertTrue(TemplatePlugins.NONE.isEmpty());
        assertEquals(Set.of(), TemplatePlugins.NONE.names(Kind.FILTER));
    }
}
