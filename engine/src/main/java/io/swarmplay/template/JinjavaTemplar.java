package io.swarmplay.template;

import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.Vault;
import io.swarmplay.source.UnsafeText;
import io.swarmplay.template.filters.Values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@link Templar} on Jinjava, with Ansible's filters and tests. Created by {@link
 * Templar#create()}; stateless and safe to share between threads.
 *
 * <p>Beyond the interface's contracts:
 * <ul>
 *   <li>Strings without {@code {{}}, {@code {%} or {@code {#} are returned as they are, without
 *       touching Jinjava.</li>
 *   <li>{@code omit} is {@link Omit#INSTANCE}; a single {@code {{ }}} yielding it returns it (inside
 *       a longer string it is {@link Omit#PLACEHOLDER}). Omitted entries stay in rendered maps: the
 *       caller drops them.</li>
 *   <li>An Unknown wins over every failure except template syntax errors and unknown filter or
 *       test names, which are found before evaluation.</li>
 *   <li>Messages quote the template the user wrote, never a variable's value. Templated values
 *       of variables are named with {@code (via 'name')}.</li>
 * </ul>
 */
public final class JinjavaTemplar implements Templar {

    /** Where Ansible's runtime warnings about templates go (e.g. a condition holding {@code {{ }}}). */
    private final Consumer<String> warnings;
    /** The run's Python filter and test plugins. */
    private final PluginFilters plugins;
    /** Decrypts the vault files lookups read (Ansible's loader does it for every file lookup). */
    private final Vault vault;
    /** Ansible's jinja2_native setting: rendered strings keep native types (never for template files). */
    private final boolean nativeTypes;

    public JinjavaTemplar() {
        this(message -> { });
    }

    public JinjavaTemplar(Consumer<String> warnings) {
        this(warnings, TemplatePlugins.NONE);
    }

    public JinjavaTemplar(Consumer<String> warnings, TemplatePlugins plugins) {
        this(warnings, plugins, Vault.none());
    }

    public JinjavaTemplar(Consumer<String> warnings, TemplatePlugins plugins, Vault vault) {
        this(warnings, plugins, vault, false);
    }

    /** With Ansible's {@code jinja2_native} on or off. */
    public JinjavaTemplar(Consumer<String> warnings, TemplatePlugins plugins, Vault vault, boolean nativeTypes) {
        this(warnings, new PluginFilters(plugins, warnings), vault, nativeTypes);
    }

    /** A templar sharing another's plugins and vault (a {@code template} lookup renders with the render's own). */
    JinjavaTemplar(Consumer<String> warnings, PluginFilters plugins, Vault vault) {
        this(warnings, plugins, vault, false);
    }

    JinjavaTemplar(Consumer<String> warnings, PluginFilters plugins, Vault vault, boolean nativeTypes) {
        this.warnings = warnings;
        this.plugins = plugins;
        this.vault = vault;
        this.nativeTypes = nativeTypes;
    }

    @Override
    public boolean nativeTypes() {
        return nativeTypes;
    }

    @Override
    public Object render(Object value, Map<String, Object> vars, SourcePosition at) {
        return rendered(value, vars, at).value();
    }

    @Override
    public Object renderData(Object value, Map<String, Object> vars, SourcePosition at) {
        Rendered r = rendered(value, vars, at);
        return r.fromHost() ? Unsafe.wrap(r.value()) : r.value();
    }

    /** A render's result and whether it read host data. */
    private record Rendered(Object value, boolean fromHost) {
    }

    private Rendered rendered(Object value, Map<String, Object> vars, SourcePosition at) {
        if (value instanceof String s && !TemplateScan.hasTemplate(s)) return new Rendered(s, false);
        if (value instanceof Unsafe || value instanceof UnsafeText) return new Rendered(Unsafe.strip(value), true);
        if (!(value instanceof String || value instanceof Map || value instanceof List)) return new Rendered(value, false);
        RenderState state = new RenderState(Engine.get(), vars, plugins, vault).at(at).nativeTypes(nativeTypes);
        Object result = null;
        try {
            result = walk(value, state);
        } catch (RenderFailure e) {
            // the state holds why; finish() decides between it and an Unknown
        } catch (Vault.NotDecrypted e) {
            throw notDecrypted(e, at);
        }
        return new Rendered(state.finish(result, at, false), state.tainted());
    }

    private Object walk(Object value, RenderState state) {
        if (value instanceof Unsafe || value instanceof UnsafeText) {
            state.taint();
            return Unsafe.strip(value);
        }
        if (value instanceof String s) {
            if (!TemplateScan.hasTemplate(s)) return s;
            state.template(s);
            return Engine.get().renderString(s, state);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) out.put(key(e.getKey(), state), walk(e.getValue(), state));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) out.add(walk(item, state));
            return out;
        }
        if (value instanceof Unknown u) state.touch(u);
        return value;
    }

    private Object key(Object key, RenderState state) {
        return key instanceof String s && TemplateScan.hasTemplate(s) ? Values.str(walk(s, state)) : key;
    }

    // a !vault value no secret decrypts, used: Ansible's AnsibleVaultError, the task's message
    private static TemplateException notDecrypted(Vault.NotDecrypted e, SourcePosition at) {
        return new TemplateException(e.getMessage(), at, null);
    }

    /** Evaluates a bare expression; one holding {@code {{}} is rendered instead, as Ansible does. */
    @Override
    public Object evaluate(String expression, Map<String, Object> vars, SourcePosition at) {
        if (TemplateScan.hasTemplate(expression)) return render(expression, vars, at);
        RenderState state = new RenderState(Engine.get(), vars, plugins, vault).at(at).nativeTypes(nativeTypes);
        state.template(expression.strip());
        Object result = null;
        try {
            TemplateScan.Parsed p = Engine.get().parse("{{ " + expression.strip() + " }}", state);
            result = Values.toPlain(Engine.get().evaluate(p.expression(), 1, state));
        } catch (RenderFailure e) {
            // see render()
        } catch (Vault.NotDecrypted e) {
            throw notDecrypted(e, at);
        }
        return state.finish(result, at, false);
    }

    /**
     * Jinja truthiness of the expression. A condition holding {@code {{}} is rendered first and a
     * string result evaluated again as an expression (Ansible's deprecated {@code when: "{{ x }}"}).
     */
    @Override
    public Truth test(String expression, Map<String, Object> vars, SourcePosition at) {
        String e = expression.strip();
        if (e.equals("true") || e.equals("True")) return Truth.TRUE;
        if (e.equals("false") || e.equals("False")) return Truth.FALSE;
        if (TemplateScan.hasTemplate(e)) {
            warnings.accept(Templar.templatedConditionWarning(e));
        }
        Object value;
        try {
            value = TemplateScan.hasTemplate(e) ? renderedCondition(e, vars, at) : evaluate(e, vars, at);
        } catch (TemplateException failed) {
            throw failed.inCondition(e);
        }
        if (value instanceof Unknown) return Truth.UNKNOWN;
        return PythonTruth.of(value) ? Truth.TRUE : Truth.FALSE;
    }

    // Ansible renders a condition holding {{ }} and evaluates the text again, unless host data made it
    private Object renderedCondition(String condition, Map<String, Object> vars, SourcePosition at) {
        Rendered r = rendered(condition, vars, at);
        if (!(r.value() instanceof String s) || s.isBlank()) return r.value();
        if (r.fromHost()) {
            throw new TemplateException("the condition '" + condition + "' is marked as unsafe (it holds data from a host)"
                    + " and cannot be evaluated", at, "compare the value instead, e.g. `when: result.stdout == 'yes'`");
        }
        return evaluate(s, vars, at);
    }

    /**
     * Renders a template file's text, always without native types (Ansible's template module uses
     * its non-native environment whatever jinja2_native says); {@code at} is where the text starts (line 1 of the file), and
     * an error's position is moved to the failing line. Returns null when the text depends on an
     * {@link Unknown} (call {@link #render} to get the Unknown itself).
     */
    @Override
    public String renderText(String template, Map<String, Object> vars, SourcePosition at) {
        if (!TemplateScan.hasTemplate(template)) return template;
        RenderState state = new RenderState(Engine.get(), vars, plugins, vault).at(at);
        state.template(template);
        Object result = null;
        try {
            result = Engine.get().renderTemplate(Engine.get().parse(template, state), state);
        } catch (RenderFailure e) {
            // see render()
        }
        Object out = state.finish(result, at, true);
        return out instanceof String s ? s : null;
    }
}
