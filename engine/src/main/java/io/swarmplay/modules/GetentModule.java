package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.module.Required;
import io.swarmplay.modules.support.Results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a database of the host's name service ({@code passwd}, {@code group}, {@code shadow},
 * {@code hosts}, ...) with {@code getent} into the fact {@code getent_DATABASE}: one entry per
 * record, keyed by its first field, the other fields as a list (two records with one key: a list
 * of such lists). Never changes the host.
 * <pre>{@code
 * - getent: {database: passwd, key: root}
 * - debug: {msg: "{{ getent_passwd.root[4] }}"}   # the home directory
 * }</pre>
 * {@code split} separates the fields (default {@code :} for passwd, shadow, group and gshadow,
 * else white space); {@code service} picks the NSS source ({@code -s}); {@code fail_key: false}
 * makes a missing key a {@code null} entry instead of a failure.
 */
@ModuleInfo(name = "getent", readOnly = true, checkMode = CheckSupport.FULL)
public final class GetentModule implements Module<GetentModule.Args> {

    private static final Set<String> COLON_DATABASES = Set.of("passwd", "shadow", "group", "gshadow");

    public record Args(@Required String database, String key, String service, String split,
                       @Default("true") boolean fail_key) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        ExecResult result = host.probe(command(args));
        String fact = "getent_" + args.database();
        Map<String, Object> entries = new LinkedHashMap<>();
        switch (result.rc()) {
            case 0 -> entries = records(result.stdout(), separator(args));
            case 1 -> throw new ModuleException("Missing arguments, or database unknown.");
            case 2 -> {
                String msg = "One or more supplied key could not be found in the database.";
                if (args.fail_key()) throw new ModuleException(msg);
                entries.put(args.key(), null);
                return facts(fact, entries, msg);
            }
            case 3 -> throw new ModuleException("Enumeration not supported on this database.");
            default -> throw new ModuleException("Unexpected failure!");
        }
        return facts(fact, entries, null);
    }

    /** Ansible's order: {@code getent DATABASE [KEY] [-s SERVICE]}. */
    private static Command command(Args args) {
        List<String> argv = new ArrayList<>(List.of("getent", args.database()));
        if (args.key() != null) argv.add(args.key());
        if (args.service() != null) argv.addAll(List.of("-s", args.service()));
        return Command.of(argv);
    }

    /** The separator, null for Python's split() on white space. */
    private static String separator(Args args) {
        if (args.split() != null) return args.split();
        return COLON_DATABASES.contains(args.database()) ? ":" : null;
    }

    /** One entry per line's first field; a repeated key becomes a list of the records. */
    static Map<String, Object> records(String out, String split) {
        Map<String, Object> entries = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : out.split("\r?\n|\r")) {
            if (line.isEmpty() && split == null) continue;
            List<String> record = fields(line, split);
            if (record.isEmpty()) continue;
            String key = record.get(0);
            List<String> rest = new ArrayList<>(record.subList(1, record.size()));
            Integer count = seen.get(key);
            if (count == null) {
                entries.put(key, rest);
                seen.put(key, 1);
                continue;
            }
            if (count == 1) entries.put(key, new ArrayList<>(List.of(entries.get(key))));
            @SuppressWarnings("unchecked")
            List<Object> all = (List<Object>) entries.get(key);
            all.add(rest);
            seen.put(key, count + 1);
        }
        return entries;
    }

    private static List<String> fields(String line, String split) {
        if (split == null) {
            String stripped = line.strip();
            return stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+"));
        }
        List<String> fields = new ArrayList<>();
        int from = 0;
        for (int at = line.indexOf(split); at >= 0; at = line.indexOf(split, from)) {
            fields.add(line.substring(from, at));
            from = at + split.length();
        }
        fields.add(line.substring(from));
        return fields;
    }

    private static Change facts(String fact, Map<String, Object> entries, String msg) {
        Map<String, Object> facts = Map.of(fact, entries);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ansible_facts", facts);
        if (msg != null) data.put("msg", msg);
        Map<String, Object> variables = new LinkedHashMap<>(facts);
        variables.put("ansible_facts", facts);
        return Results.none("getent " + fact, data, variables);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return Results.outcome(change);
    }
}
