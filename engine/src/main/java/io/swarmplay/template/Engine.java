package io.swarmplay.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.errorcategory.BasicTemplateErrorCategory;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import io.swarmplay.template.TemplatePlugins.Kind;
import io.swarmplay.template.TemplateScan.Name;
import io.swarmplay.template.TemplateScan.Parsed;
import io.swarmplay.template.filters.AnsibleFilter;
import io.swarmplay.template.filters.DateFilters;
import io.swarmplay.template.filters.FilterException;
import io.swarmplay.template.filters.Library;
import io.swarmplay.template.filters.RenderScope;
import io.swarmplay.template.filters.TemplateLimits;
import io.swarmplay.template.filters.Values;
import jinjava.javax.el.CompositeELResolver;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The one configured Jinjava instance (created on first use, shared by all threads) and the two
 * things done with it: evaluate an expression, render a template. Each call gets a fresh
 * Jinjava context and interpreter bound to a {@link RenderState}, so concurrent calls share nothing
 * mutable but the cache of scanned templates.
 */
final class Engine {

    private static final int MAX_CACHED = 10_000;
    private static final String TOO_DEEP = "the template or a value it uses nests too deeply";

    private static final class Holder {
        static final Engine INSTANCE = new Engine();
    }

    private final Jinjava jinjava;
    private final JinjavaConfig config;
    private final Set<String> filterNames;
    private final Set<String> testNames;
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    private Engine() {
        config = config();
        jinjava = PythonTruth.jinjava(config);
        jinjava.setResourceLocator(new TemplateIncludes());
        Context global = jinjava.getGlobalContext();
        // Jinjava's own filters get the Unknown/undefined guards; ours then replace same-named ones
        for (Filter builtin : List.copyOf(global.getAllFilters())) global.registerFilter(AnsibleFilter.guard(builtin));
        Library.filters().forEach(global::registerFilter);
        for (Filter filter : List.copyOf(global.getAllFilters())) global.registerFilter(EvalConcat.tracking(filter));
        Library.tests().forEach(global::registerExpTest);
        global.registerFunction(new ELFunctionDefinition("", "range", Ranges.class, "range", Object.class, Object[].class));
        global.registerFunction(new ELFunctionDefinition("", "now", DateFilters.class, "now", Object[].class));
        for (String name : List.of("dict", "undef", "cycler", "lipsum")) {
            global.registerFunction(new ELFunctionDefinition("", name, Globals.class, name, Object[].class));
        }
        for (String name : List.of("lookup", "query", "q")) {
            global.registerFunction(new ELFunctionDefinition("", name, Lookups.class, name.equals("lookup") ? "lookup" : "query",
                    String.class, Object[].class));
        }
        global.registerFunction(new ELFunctionDefinition("", Lookups.LOOP_FUNCTION, Lookups.class, "queryTerms",
                String.class, Object.class));
        filterNames = global.getAllFilters().stream().map(Filter::getName).collect(Collectors.toUnmodifiableSet());
        testNames = global.getAllExpTests().stream().map(ExpTest::getName).collect(Collectors.toUnmodifiableSet());
    }

    static Engine get() {
        return Holder.INSTANCE;
    }

    private static JinjavaConfig config() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VarResolver());
        resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
        LegacyOverrides python = LegacyOverrides.newBuilder()
                .withEvaluateMapKeys(true).withIterateOverMapKeys(true).withUsePyishObjectMapper(true)
                .withUseNaturalOperatorPrecedence(true).withParseWhitespaceControlStrictly(true)
                .withKeepNullableLoopValues(true).build();
        return JinjavaConfig.newBuilder()
                .withElResolver(resolver)
                .withLegacyOverrides(python)
                                // trim_blocks (as Ansible's template module) is done by TemplateScan
                .withNestedInterpretationEnabled(false) // we render templated variables ourselves, lazily
                .withFailOnUnknownTokens(false) // undefined values are RenderState's Undefined, reported by us
                .withMaxOutputSize(TemplateLimits.MAX_STRING)
                .withMaxStringLength(TemplateLimits.MAX_STRING)
                .withMaxListSize(TemplateLimits.MAX_ITEMS)
                .withMaxMapSize(TemplateLimits.MAX_ITEMS)
                .withEnableRecursiveMacroCalls(true) // Jinja2 allows it; the depth is bounded instead
                .withMaxMacroRecursionDepth(TemplateLimits.MAX_MACRO_DEPTH)
                .build();
    }

    /** Renders a string to the value Ansible's templating gives it ({@link EvalConcat}). */
    Object renderString(String written, RenderState state) {
        String text = Backslashes.doubledInExpressions(written);
        String bare = EvalConcat.bareVariable(text, state.vars());
        if (bare != null) return Values.toPlain(state.lookup(bare));
        Parsed p = parse(text, state);
        if (p.expression() != null && EvalConcat.isOneNode(text)) {
            Object value = evaluate(p.expression(), p.line(), state);
            boolean madeText = state.isMadeText(value);
            Object result = state.nativeTypes() ? NativeConcat.ofValue(value, madeText) : EvalConcat.ofValue(value, madeText);
            return result instanceof String s && text.endsWith("\n") ? s + "\n" : result;
        }
        return state.nativeTypes() ? nativeText(renderTemplate(p, state)) : EvalConcat.ofText(renderTemplate(p, state));
    }

    // jinja2_native: the text read back without its final line breaks, which a text result keeps
    private static Object nativeText(String out) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') end--;
        Object result = NativeConcat.ofText(out.substring(0, end));
        return result instanceof String s ? s + out.substring(end) : result;
    }

    /** Scans (once per distinct text) and checks filter and test names (the plugins' too). */
    Parsed parse(String text, RenderState state) {
        Parsed p = parsed.get(text);
        try {
            if (p == null) p = scanned(text);
            check(p.filters(), Kind.FILTER, filterNames, state.plugins());
            check(p.tests(), Kind.TEST, testNames, state.plugins());
        } catch (TemplateScan.ScanException e) {
            throw state.failAt(e.getMessage(), e.hint, e.line);
        }
        return p;
    }

    private Parsed scanned(String text) {
        Parsed p = TemplateScan.scan(text);
        if (parsed.size() >= MAX_CACHED) parsed.clear();
        parsed.put(text, p);
        return p;
    }

    // a plugin's name is asked for first: plugins load on the first template using a filter or test
    private static void check(List<Name> used, Kind kind, Set<String> builtin, PluginFilters plugins) {
        for (Name n : used) {
            if (!plugins.provides(kind, n.name()) && !builtin.contains(n.name())) {
                throw new TemplateScan.ScanException(FilterException.unknownName(kind.word, n.name()), n.line(),
                        plugins.unknownHint(kind, n.name(), builtin));
            }
        }
    }

    /** The Jinjava value of an expression (maps and lists may be lazy views or Jinjava's own). */
    Object evaluate(String expression, int line, RenderState state) {
        Interpreter in = interpreter(state);
        JinjavaInterpreter.pushCurrent(in);
        try {
            Object value = in.resolveELExpression(expression, line);
            collectErrors(in, state);
            return value;
        } catch (InterpretException e) {
            throw failed(e, state, line);
        } catch (StackOverflowError e) {
            throw state.failAt(TOO_DEEP, null, line); // TemplateScan bounds nesting; this is the net for deep values
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    String renderTemplate(Parsed p, RenderState state) {
        Interpreter in = interpreter(state);
        JinjavaInterpreter.pushCurrent(in);
        try {
            String out = in.render(p.text());
            collectErrors(in, state);
            return out;
        } catch (InterpretException e) {
            throw failed(e, state, in.getLineNumber());
        } catch (StackOverflowError e) {
            throw state.failAt(TOO_DEEP, null, in.getLineNumber());
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /**
     * The failure behind a Jinjava exception: a render of ours that failed inside it (a lazy value such
     * as a host's variable through hostvars) keeps its own message and whether it was undefined;
     * anything else is Jinjava's message made ours.
     */
    private static RuntimeException failed(InterpretException e, RenderState state, int line) {
        return failed(e, e.getMessage(), state, line);
    }

    private static RuntimeException failed(Throwable e, String message, RenderState state, int line) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TemplateException inner) return state.failAt(inner.getMessage(), inner.hint(), line, inner.undefined());
        }
        return state.failAt(JinjavaErrors.describe(message), JinjavaErrors.hint(message), line);
    }

    private Interpreter interpreter(RenderState state) {
        Context context = new Context(jinjava.getGlobalContext());
        context.setDynamicVariableResolver(state::lookup);
        state.plugins().register(context); // in the render's own context, so they shadow the built-ins
        return new Interpreter(jinjava, context, config, state);
    }

    // Jinjava reports most problems as errors on the interpreter instead of throwing
    private static void collectErrors(JinjavaInterpreter in, RenderState state) {
        if (state.failed()) throw new RenderFailure();
        for (TemplateError e : in.getErrors()) {
            // a macro calling itself past the depth: Jinjava warns and renders it as ""; Jinja2 fails
            boolean fatal = e.getSeverity() == TemplateError.ErrorType.FATAL || e.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR
                    || e.getCategory() == BasicTemplateErrorCategory.CYCLE_DETECTED;
            if (fatal) throw failed(e.getException(), e.getMessage(), state, e.getLineno());
        }
    }

    /** An interpreter that knows its render, and writes values as Python's str() does. */
    static final class Interpreter extends JinjavaInterpreter implements RenderScope.Holder {
        private final RenderState state;

        Interpreter(Jinjava jinjava, Context context, JinjavaConfig config, RenderState state) {
            super(jinjava, context, config);
            this.state = state;
        }

        @Override
        public RenderScope scope() {
            return state;
        }

        RenderState state() {
            return state;
        }

        // Ansible's finalize: a None written out by {{ }} is '' (with jinja2_native it is kept: 'None')
        @Override
        public String getAsString(Object value) {
            return value == null ? (state.nativeTypes() ? "None" : "") : Values.str(value);
        }

        // called once per loop iteration: where a template that does not end is stopped
        @Override
        public Object wrap(Object object) {
            state.tick();
            return super.wrap(object);
        }

        @Override
        public Object resolveELExpression(String expression, int lineNumber) {
            state.tick();
            return super.resolveELExpression(expression, lineNumber);
        }
    }
}
