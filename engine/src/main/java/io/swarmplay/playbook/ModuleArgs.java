package io.swarmplay.playbook;

import io.swarmplay.module.Module;
import io.swarmplay.source.Nodes;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.Suggest;
import io.swarmplay.source.YamlNode;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A module call's arguments: a mapping, or Ansible's string form. In the string form
 * {@code key=value} tokens are arguments; for a module with a free form
 * ({@link io.swarmplay.module.ModuleInfo#freeForm()}, e.g. {@code cmd}) only tokens naming one of
 * its arguments count, and the rest of the text, verbatim, is the free form
 * ({@code command: ls -l chdir=/tmp} → {@code {cmd: "ls -l", chdir: "/tmp"}}). {@code meta: x}
 * becomes {@code {_raw: x}}. The {@code args:} keyword is merged under the module's own arguments.
 */
final class ModuleArgs {

    static final String META = "meta";
    /** Where the string form of a call whose module is a template waits, unsplit, for the module it names. */
    static final String UNSPLIT = "_raw_params";
    private static final String RAW = "_raw";
    /** The keys Ansible reads as arguments in the free form of command, shell, raw and script. */
    private static final Set<String> COMMAND_ARGS = Set.of("creates", "removes", "chdir", "executable", "warn", "stdin",
            "stdin_add_newline", "strip_empty_ends");

    /** Arguments and where each key was written. */
    record Parsed(Map<String, Object> args, Map<String, SourcePosition> at) {
    }

    private final LoadSession session;
    private final String moduleName;
    private final Module<?> module;

    /** {@code module} is null for {@code meta} when no meta module is registered. */
    ModuleArgs(LoadSession session, String moduleName, Module<?> module) {
        this.session = session;
        this.moduleName = moduleName;
        this.module = module;
    }

    Parsed read(YamlNode value, YamlNode argsKeyword) {
        Parsed parsed = new Parsed(new LinkedHashMap<>(), new LinkedHashMap<>());
        if (argsKeyword != null) Nodes.mapping(argsKeyword, "'args'", session.diagnostics).ifPresent(m -> fromMapping(m, parsed));
        if (value instanceof YamlNode.Mapping m) fromMapping(m, parsed);
        else if (value instanceof YamlNode.Scalar s && s.value() != null) fromString(s, parsed);
        else if (value instanceof YamlNode.Sequence) {
            session.error("expected a mapping for the arguments of '" + moduleName + "', found a list", value.at(), 1,
                    Nodes.LIST_FOR_MAP_HINT);
        }
        return parsed;
    }

    private static void fromMapping(YamlNode.Mapping m, Parsed parsed) {
        for (YamlNode.Entry e : m.entries()) {
            parsed.args().put(e.name(), e.value().value());
            parsed.at().put(e.name(), e.key().at());
        }
    }

    private void fromString(YamlNode.Scalar s, Parsed parsed) {
        String text = s.string();
        if (isMeta()) {
            parsed.args().put(RAW, text.strip());
            parsed.at().put(RAW, s.at());
            return;
        }
        if (module == null && Templates.isTemplated(moduleName)) {
            parsed.args().put(UNSPLIT, text);
            parsed.at().put(UNSPLIT, s.at());
            return;
        }
        String freeForm = module == null ? "" : module.info().freeForm();
        if (!freeForm.isEmpty()) {
            freeForm(s, freeForm, parsed);
            return;
        }
        KeyValueParser.Token notKeyValue = null;
        for (KeyValueParser.Token t : KeyValueParser.tokens(text)) {
            if (!t.isKeyValue()) {
                if (notKeyValue == null) notKeyValue = t;
                continue;
            }
            parsed.args().put(t.key(), t.value());
            parsed.at().put(t.key(), inString(s, t.start()));
        }
        if (notKeyValue != null) {
            session.error("'" + notKeyValue.text() + "' is not key=value, and module '" + moduleName + "' takes no free-form text",
                    inString(s, notKeyValue.start()), notKeyValue.text().length(),
                    "write `name=value` pairs (quote values with spaces: msg=\"hello world\") or use a mapping");
        }
    }

    /** Arguments read before the module was known ({@code args}, {@code at}), read again for this module. */
    Parsed reread(Map<String, Object> args, Map<String, SourcePosition> at) {
        Parsed parsed = new Parsed(new LinkedHashMap<>(args), new LinkedHashMap<>(at));
        if (parsed.args().remove(UNSPLIT) instanceof String text) {
            SourcePosition where = parsed.at().getOrDefault(UNSPLIT, SourcePosition.UNKNOWN);
            Parsed split = new Parsed(new LinkedHashMap<>(), new LinkedHashMap<>());
            fromString(new YamlNode.Scalar(text, text, false, where, text.length()), split);
            split.args().forEach(parsed.args()::putIfAbsent);
            split.at().forEach(parsed.at()::putIfAbsent);
        }
        parsed.at().remove(UNSPLIT);
        return parsed;
    }

    /** Ansible's split of a free-form module's string: its own {@code key=value} arguments, the rest verbatim. */
    private void freeForm(YamlNode.Scalar s, String freeForm, Parsed parsed) {
        Set<String> names = session.argNames(module);
        boolean commandArgs = module.info().commandArgs();
        FreeFormSplitter.Parts parts = FreeFormSplitter.parse(s.string(),
                key -> !key.equals(freeForm) && (commandArgs ? COMMAND_ARGS.contains(key) : names.contains(key)));
        String text = s.string();
        parts.args().forEach((key, value) -> {
            parsed.args().put(key, value);
            int at = text.indexOf(key + "=");
            parsed.at().put(key, at < 0 ? s.at() : inString(s, at));
        });
        if (parts.freeForm() != null) {
            parsed.args().put(freeForm, parts.freeForm());
            parsed.at().put(freeForm, s.at());
        }
    }

    /** Position of character {@code offset} of a one-line scalar; the scalar's start otherwise. */
    private static SourcePosition inString(YamlNode.Scalar s, int offset) {
        int quotes = s.quoted() ? 1 : 0;
        boolean oneLine = s.width() == s.text().length() + 2 * quotes;
        if (!oneLine || !s.at().isKnown()) return s.at();
        return new SourcePosition(s.at().file(), s.at().line(), s.at().column() + quotes + offset);
    }

    private boolean isMeta() {
        return moduleName.equals(META) || moduleName.endsWith("." + META)
                || (module != null && module.info().name().equals(META));
    }

    /** Adds the {@code module_defaults} (outermost first, later ones win) under the task's own arguments. */
    void addDefaults(Parsed parsed, List<YamlNode.Mapping> defaults) {
        if (defaults.isEmpty()) return;
        Parsed merged = new Parsed(new LinkedHashMap<>(), new LinkedHashMap<>());
        defaults.forEach(m -> fromMapping(m, merged));
        merged.args().forEach((key, value) -> {
            if (!parsed.args().containsKey(key)) {
                parsed.args().put(key, value);
                parsed.at().put(key, merged.at().get(key));
            }
        });
    }

    /** Reports every argument key the module's arguments record does not accept. */
    void validate(Parsed parsed) {
        if (module == null || !checksKeys()) return;
        Set<String> names = session.argNames(module);
        for (String key : parsed.args().keySet()) {
            // Ansible's internal arguments (_diff_peek, _original_basename ...) are the binder's to ignore
            if (names.contains(key) || (key.startsWith("_") && !key.equals("_raw"))) continue;
            String hint = Suggest.hint(key, names);
            session.error("unknown argument '" + key + "' for module '" + moduleName + "'",
                    parsed.at().getOrDefault(key, SourcePosition.UNKNOWN), key.length(),
                    hint != null ? hint : "valid arguments: " + String.join(", ", new TreeSet<>(names)));
        }
    }

    /** Modules taking any keys (set_fact, meta, a {@code _raw} or a {@code Map vars} component) are not checked. */
    private boolean checksKeys() {
        Class<?> type = module.argsType();
        if (isMeta() || module.info().name().equals("set_fact") || type == null || !type.isRecord()) return false;
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(RAW)) return false;
            if (c.getName().equals("vars") && Map.class.isAssignableFrom(c.getType())) return false;
        }
        return true;
    }
}
