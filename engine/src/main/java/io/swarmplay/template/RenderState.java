package io.swarmplay.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.Suggest;
import io.swarmplay.source.Vault;
import io.swarmplay.template.filters.FilterException;
import io.swarmplay.template.filters.RenderScope;
import io.swarmplay.template.filters.TemplateLimits;
import io.swarmplay.source.UnsafeText;
import io.swarmplay.template.filters.Undefined;
import io.swarmplay.template.filters.UndefinedMessages;
import io.swarmplay.template.filters.Values;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one call of the templar has seen: variable lookups (rendering templated values lazily,
 * once each), the Unknowns touched, undefined values not yet handled, and the first failure.
 * Used by one thread only.
 */
final class RenderState implements RenderScope {

    private static final int MAX_KEYS_SHOWN = 15;
    /** The path of one host's variables, {@code hostvars['h']}. */
    private static final java.util.regex.Pattern HOST_VIEW = java.util.regex.Pattern.compile("hostvars\\['[^']*'\\]");

    /** A variable whose template is being rendered, for cycle detection and messages. */
    private record Frame(String path, String raw) {
    }

    private final Engine engine;
    private final Map<String, Object> vars;
    private final PluginFilters plugins;
    private final Vault vault;
    private final Map<String, Object> memo = new IdentityHashMap<>();
    /** Strings read from the variables, by identity: the Python class Ansible would hold them in. */
    private final Map<Object, String> stringTypes = new IdentityHashMap<>();
    private final ArrayDeque<Frame> rendering = new ArrayDeque<>();
    private final List<Unknown> touched = new ArrayList<>(2);
    private final List<Undefined> pending = new ArrayList<>(2);
    /** Strings made by text filters ({@link EvalConcat#TEXT_FILTERS}), by identity. */
    private final Set<Object> madeText = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private Failure failure;
    /** Whether this render read a value from a host ({@link Unsafe}): its result is host data too. */
    private boolean tainted;
    private String template = "";
    private SourcePosition at = SourcePosition.UNKNOWN;
    private int outerLine;
    private Undefined probe;
    private Object probeBase;
    private Object probeKey;
    /** The CPU time of the rendering thread past which the render fails; set at the first check. */
    private long cpuDeadline = -1;
    private long steps;
    private boolean overLimit;
    /** Ansible's jinja2_native: results keep their native types ({@link NativeConcat}). */
    private boolean nativeTypes;

    RenderState(Engine engine, Map<String, Object> vars) {
        this(engine, vars, PluginFilters.NONE, Vault.none());
    }

    RenderState(Engine engine, Map<String, Object> vars, PluginFilters plugins, Vault vault) {
        this.engine = engine;
        this.vars = vars == null ? Map.of() : vars;
        this.plugins = plugins;
        this.vault = vault;
    }

    /** The plugin filters and tests this render may use. */
    PluginFilters plugins() {
        return plugins;
    }

    /** The run's vault: what lookups use to read encrypted files. */
    Vault vault() {
        return vault;
    }

    /** The state of the render running on this thread, or null outside one. */
    static RenderState current() {
        return JinjavaInterpreter.getCurrent() instanceof Holder h && h.scope() instanceof RenderState s ? s : null;
    }

    /** Where the text being rendered comes from: lookups search next to that file. */
    RenderState at(SourcePosition position) {
        at = position == null ? SourcePosition.UNKNOWN : position;
        return this;
    }

    SourcePosition at() {
        return at;
    }

    /** Renders with jinja2_native on or off (off: Ansible's default). */
    RenderState nativeTypes(boolean on) {
        nativeTypes = on;
        return this;
    }

    boolean nativeTypes() {
        return nativeTypes;
    }

    /** The variables of this render, as given (templated values unrendered). */
    Map<String, Object> vars() {
        return vars;
    }

    /** Renders {@code text} as a template with this render's variables (a lookup's terms, as Ansible's templar does). */
    Object renderNested(String text) {
        return engine.renderString(text, this);
    }

    /** The template the user wrote that is being rendered now (quoted in messages). */
    void template(String text) {
        template = text;
    }

    /** A filter returned {@code value}: {@code text} when it is a text filter, else not (its result is read back). */
    void madeText(Object value, boolean text) {
        if (!(value instanceof String)) return;
        if (text) madeText.add(value);
        else madeText.remove(value);
    }

    /** Whether {@code value} is a string a text filter made (kept as text when it is a template's whole result). */
    boolean isMadeText(Object value) {
        return madeText.contains(value);
    }

    // ---- lookups -------------------------------------------------------------------------

    /** A top-level name, as Jinjava asks for it when its own scopes do not have it. */
    Object lookup(String name) {
        Object raw = vars.get(name);
        if (raw == null && !vars.containsKey(name)) return missing(name);
        return resolve(name, raw);
    }

    private Object missing(String name) {
        switch (name) {
            case "omit":
                return Omit.INSTANCE;
            case "none", "None":
                return null;
            default:
                if (setInTemplate(name)) return null;
                String hint = Suggest.hint(name, vars.keySet());
                return undefined(name, "'" + name + "' is undefined", hint != null ? hint : "define it in inventory, vars or with -e");
        }
    }

    // Jinjava asks here for names its scopes hold with the value None too ({% set x = none %})
    private static boolean setInTemplate(String name) {
        JinjavaInterpreter in = JinjavaInterpreter.getCurrent();
        for (Context c = in == null ? null : in.getContext(); c != null; c = c.getParent()) {
            if (c.getScope().containsKey(name)) return true;
        }
        return false;
    }

    /** A value read from the variables at {@code path}: rendered if templated, viewed lazily if a collection. */
    Object resolve(String path, Object raw) {
        if (raw instanceof AsWritten w) return w.value();
        if (raw instanceof Unsafe u) return resolveData(path, u.value());
        if (raw instanceof UnsafeText t) return resolveData(path, t.text());
        if (raw instanceof String s) return TemplateScan.hasTemplate(s) ? renderVariable(path, s) : asWrittenText(s);
        if (raw instanceof Unknown u) {
            touched.add(u);
            return u;
        }
        return view(path, raw);
    }

    /** A value that came from a host, read at {@code path}: never rendered, its collections viewed as host data too. */
    Object resolveData(String path, Object raw) {
        if (raw instanceof AsWritten w) return w.value();
        tainted = true;
        if (raw instanceof Unsafe u) return resolveData(path, u.value());
        if (raw instanceof UnsafeText t) return hostText(t.text());
        if (raw instanceof Unknown u) {
            touched.add(u);
            return u;
        }
        if (raw instanceof String s) return hostText(s);
        return dataView(path, raw);
    }

    // a string as the playbook's YAML wrote it (Ansible's AnsibleUnicode)
    private String asWrittenText(String s) {
        stringTypes.putIfAbsent(s, UndefinedMessages.YAML_STRING);
        return s;
    }

    // a string a host sent (Ansible's AnsibleUnsafeText)
    private String hostText(String s) {
        stringTypes.put(s, UndefinedMessages.UNSAFE_STRING);
        return s;
    }

    private Object dataView(String path, Object value) {
        if (value instanceof Map<?, ?> m && !(m instanceof LazyMap)) return new LazyMap(path, m, this, true);
        if (value instanceof List<?> l && !(l instanceof LazyList)) return new LazyList(path, l, this, true);
        return value;
    }

    /** Marks this render as having read host data (an {@link Unsafe} value in a tree being rendered). */
    void taint() {
        tainted = true;
    }

    boolean tainted() {
        return tainted;
    }

    private Object view(String path, Object value) {
        if (value instanceof Map<?, ?> m && !(m instanceof LazyMap)) return new LazyMap(path, m, this, false);
        if (value instanceof List<?> l && !(l instanceof LazyList)) return new LazyList(path, l, this, false);
        return value;
    }

    @Override
    public Object missingKey(Map<?, ?> map, Object key) {
        return missingKey(map, key, map);
    }

    /**
     * The value for a key a map lacks: an Undefined worded as Ansible's ({@code 'dict object' has no
     * attribute 'path'}), with the keys the map has and the closest one as the hint.
     */
    Object missingKey(Map<?, ?> map, Object key, Object base) {
        if ((map instanceof LazyMap lm ? lm.raw() : map) instanceof KnownInPart part) {
            touched.add(part.rest());
            return part.rest();
        }
        String owner = map instanceof LazyMap lm ? lm.path() : null;
        List<String> keys = map.keySet().stream().map(String::valueOf).toList();
        String summary = "hostvars".equals(owner) ? UndefinedMessages.unknownHost(key)
                : UndefinedMessages.missing(owner != null && HOST_VIEW.matcher(owner).matches()
                        ? UndefinedMessages.HOST_VARS_VARS : UndefinedMessages.objectType(map), key);
        String hint = keyHint(owner, keys, Suggest.hint(String.valueOf(key), keys));
        Undefined u = undefined(owner == null ? String.valueOf(key) : LazyMap.childPath(owner, key), summary, hint);
        probe = u;
        probeBase = base;
        probeKey = key;
        return u;
    }

    /** The value for an attribute of a string, number, boolean or list: Python's have none a template can read. */
    Object missingAttribute(Object value, Object property, Object base) {
        Undefined u = undefined(String.valueOf(property), UndefinedMessages.missing(objectType(value), property), null);
        probe = u;
        probeBase = base;
        probeKey = property;
        return u;
    }

    // a string is named by where it came from, as Ansible's classes for YAML text and host data
    private String objectType(Object value) {
        String kind = value instanceof String ? stringTypes.get(value) : null;
        return kind != null ? kind : UndefinedMessages.objectType(value);
    }

    /** {@code undef(hint)}: a value that is undefined on purpose, reported with the hint if it is used. */
    Undefined explicit(String hint) {
        return undefined("undef()", hint != null ? hint : "'undef()' is undefined", null);
    }

    /**
     * The value for an index past a list's end, worded as Jinja's Undefined for a failed
     * subscript: {@code list object has no element 5} (an index written as a string is looked up
     * as an attribute: {@code 'list object' has no attribute '5'}).
     */
    Object outOfRange(List<?> list, Object index) {
        String owner = list instanceof LazyList ll ? ll.path() : null;
        String summary = UndefinedMessages.missing(objectType(list), index);
        return undefined(owner == null ? "[" + index + "]" : owner + "[" + index + "]", summary, null);
    }

    /** Jinjava probes {@code x.name} before calling {@code x.name()}: that probe is not a missing key. */
    void methodCalled(Object base, Object method) {
        if (probe != null && probeBase == base && String.valueOf(probeKey).equals(String.valueOf(method))) consume(probe);
        probe = null;
    }

    // swarmplay's help beside Ansible's message: the keys the map has, and the closest to the one asked for
    private static String keyHint(String owner, List<String> keys, String suggestion) {
        String name = owner == null ? "the mapping" : "'" + owner + "'";
        if (keys.isEmpty()) return name + " has no keys";
        String shown = keys.stream().limit(MAX_KEYS_SHOWN).collect(Collectors.joining(", "));
        String more = keys.size() > MAX_KEYS_SHOWN ? ", and " + (keys.size() - MAX_KEYS_SHOWN) + " more" : "";
        return name + " has keys: " + shown + more + (suggestion == null ? "" : "; " + suggestion);
    }

    // inside a variable's template the variable's own Undefined names it (see undefinedVariable)
    private Undefined undefined(String name, String summary, String hint) {
        Undefined u = new Undefined(name, summary, hint, template, line());
        pending.add(u);
        return u;
    }

    private int line() {
        if (!rendering.isEmpty()) return outerLine;
        JinjavaInterpreter in = JinjavaInterpreter.getCurrent();
        return in == null ? 0 : in.getLineNumber();
    }

    // ---- lazy variables ------------------------------------------------------------------

    /** Renders a variable's templated value with the same variables, once per call; detects loops. */
    private Object renderVariable(String path, String raw) {
        if (memo.containsKey(raw)) return touchIfUnknown(remembered(memo.get(raw)));
        for (Frame f : rendering) if (f.raw() == raw) throw fail(new Failure(cycle(path, raw), null, template, line()));
        if (rendering.isEmpty()) outerLine = line();
        rendering.push(new Frame(path, raw));
        int touchMark = touched.size();
        int pendingMark = pending.size();
        boolean outerTainted = tainted;
        tainted = false;
        try {
            Object value;
            try {
                value = engine.renderString(raw, this);
            } catch (RuntimeException e) {
                if (pending.size() > pendingMark) undefinedVariable(path, raw, pendingMark); // the cause, worded as the variable's
                throw e;
            }
            if (touched.size() > touchMark) value = collapseTouches(touchMark);
            else if (pending.size() > pendingMark) return undefinedVariable(path, raw, pendingMark);
            // a variable computed from host data is host data: its text and collections are not rendered again
            value = tainted ? dataView(path, value) : view(path, value);
            memo.put(raw, tainted ? new Unsafe(value) : value);
            return touchIfUnknown(value);
        } finally {
            tainted |= outerTainted;
            rendering.pop();
        }
    }

    /**
     * As Ansible: a variable whose template uses an undefined value is itself undefined, an error
     * (with the inner cause) only where it is used, so {@code x is defined} and {@code x | default}
     * handle it. Its text is Ansible's {@code AnsibleJ2Vars} hint: the variable's template, then the
     * cause twice ({@code AnsibleUndefinedVariable(e, orig_exc=e)}).
     */
    private Undefined undefinedVariable(String path, String raw, int mark) {
        Undefined cause = pending.get(mark);
        pending.subList(mark, pending.size()).clear();
        String summary = raw + ": " + cause.summary() + ". " + cause.summary();
        Undefined u = new Undefined(path, summary, cause.hint(), cause.template(), cause.line());
        pending.add(u);
        return u;
    }

    private Object remembered(Object value) {
        if (!(value instanceof Unsafe u)) return value;
        tainted = true;
        return u.value();
    }

    // the variable's value stands for whatever Unknown it touched, so `x is defined` can untouch it
    private Unknown collapseTouches(int mark) {
        Unknown first = touched.get(mark);
        touched.subList(mark, touched.size()).clear();
        return first;
    }

    private Object touchIfUnknown(Object value) {
        if (value instanceof Unknown u) touched.add(u);
        return value;
    }

    private String cycle(String path, String raw) {
        List<String> loop = new ArrayList<>();
        Iterator<Frame> it = rendering.descendingIterator();
        boolean inLoop = false;
        while (it.hasNext()) {
            Frame f = it.next();
            inLoop |= f.raw() == raw;
            if (inLoop) loop.add(f.path());
        }
        loop.add(path);
        return "'" + path + "' refers to itself: " + String.join(" -> ", loop);
    }

    // ---- limits -----------------------------------------------------------------------------

    /**
     * One loop iteration or expression. Past {@link TemplateLimits#MAX_STEPS} or the time limit the
     * render fails; every later tick throws again, so Jinjava (which catches and goes on with the
     * next node) unwinds at once.
     */
    void tick() {
        if (overLimit) throw new RenderFailure();
        steps++;
        if (steps > TemplateLimits.MAX_STEPS) overLimit("the template did more than " + TemplateLimits.MAX_STEPS + " loop iterations and expressions");
        if ((steps & 0x3FF) == 0 && pastTimeLimit()) overLimit("the template rendered for more than " + TemplateLimits.MAX_SECONDS + " s");
    }

    /**
     * The time limit counts the rendering thread's CPU time, not the wall clock: a render on a
     * loaded machine is not stopped for the time other processes took. Read first after 1024
     * steps, so a short render never reads the clock.
     */
    private boolean pastTimeLimit() {
        long now = CpuClock.now();
        if (cpuDeadline < 0) cpuDeadline = now + TemplateLimits.MAX_SECONDS * 1_000_000_000L;
        return now > cpuDeadline;
    }

    private long made;

    @Override
    public void made(int chars) {
        made += chars;
        if (made > TemplateLimits.MAX_TOTAL_STRING) {
            overLimit = true;
            throw fail("the template made more than " + TemplateLimits.MAX_TOTAL_STRING + " characters of strings",
                    "a template that builds text this large is likely a loop that does not end");
        }
    }

    private void overLimit(String message) {
        overLimit = true;
        throw fail(message, "a loop over ranges this long, or one that does not end? Narrow it");
    }

    // ---- outcome ----------------------------------------------------------------------------

    void touch(Unknown u) {
        touched.add(u);
    }

    @Override
    public void known(Unknown value) {
        int i = touched.lastIndexOf(value);
        if (i >= 0) touched.remove(i);
    }

    @Override
    public void consume(Undefined value) {
        pending.removeIf(u -> u == value);
    }

    @Override
    public RuntimeException fail(String message, String hint) {
        String via = rendering.isEmpty() ? "" : " (via " + rendering.stream().map(f -> "'" + f.path() + "'").collect(Collectors.joining(" -> ")) + ")";
        return fail(new Failure(message + via, hint, template, line()));
    }

    /**
     * A Python {@code TypeError} from a filter or test: Ansible's templar words it with the template
     * it rendered; inside a variable's template, each variable on the way out wraps it as its
     * {@code AnsibleJ2Vars} does ({@code An unhandled exception occurred while templating ...}).
     */
    @Override
    public RuntimeException fail(FilterException e) {
        if (e.undefined() && rendering.isEmpty()) return fail(new Failure(e.getMessage(), e.hint(), template, line(), true));
        if (!e.typeError()) return fail(e.getMessage(), e.hint());
        if (rendering.isEmpty()) return fail(new Failure(e.getMessage(), e.hint(), template, line(), false, true));
        String message = null;
        for (Frame f : rendering) {
            String cause = message == null ? Failure.typeErrorText(f.raw(), e.getMessage()) : message;
            message = "An unhandled exception occurred while templating '" + f.raw() + "'. Error was a <class 'ansible.errors.AnsibleError'>, original message: " + cause;
        }
        return fail(new Failure(message, e.hint(), template, line()));
    }

    /** Records a failure at a known line of the current template. */
    RuntimeException failAt(String message, String hint, int line) {
        return failAt(message, hint, line, false);
    }

    /** The same, saying whether an undefined value caused it (so {@code is defined} and {@code default} see it). */
    RuntimeException failAt(String message, String hint, int line, boolean undefined) {
        if (!rendering.isEmpty()) return fail(message, hint);
        return fail(new Failure(message, hint, template, line, undefined));
    }

    RuntimeException fail(Failure f) {
        if (failure == null) failure = f;
        return new RenderFailure();
    }

    boolean failed() {
        return failure != null;
    }

    /**
     * The call's result: the first Unknown touched if any (it wins over everything), else the
     * first unhandled undefined value (usually the cause of any later failure, e.g. a type error
     * comparing it) or the failure as a {@link TemplateException}, else {@code result}.
     */
    Object finish(Object result, SourcePosition at, boolean shiftLines) {
        if (!touched.isEmpty()) return touched.get(0);
        if (!pending.isEmpty()) throw Failure.of(pending.get(0)).toException(at, shiftLines);
        if (failure != null) throw failure.toException(at, shiftLines);
        return result;
    }

    Collection<String> names() {
        return vars.keySet();
    }
}
