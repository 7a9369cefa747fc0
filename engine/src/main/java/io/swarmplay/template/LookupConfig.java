package io.swarmplay.template;

import io.swarmplay.template.LookupPlugins.Context;
import io.swarmplay.template.LookupPlugins.LookupError;
import io.swarmplay.template.filters.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code config} lookup: the value of an Ansible configuration setting, as ansible-playbook
 * 2.14 would use it here: a global setting (its {@code ANSIBLE_*} environment variable, else
 * Ansible's default), or with {@code plugin_type}/{@code plugin_name} a plugin option (its
 * variables, else its default). One table of the settings it knows; others are missing
 * ({@code on_missing}: {@code error}, {@code warn} or {@code skip}).
 */
final class LookupConfig {

    private enum Kind { STRING, INTEGER, BOOLEAN, LIST }

    /** A setting: the environment variable over its default (text as Ansible's base.yml writes it). */
    private record Global(String env, Kind kind, String ansibleDefault) {
    }

    /** A plugin option: the variables that set it, first wins, else its default. */
    private record PluginOption(Kind kind, List<String> vars, String ansibleDefault) {
    }

    private static final Map<String, Global> GLOBAL = Map.ofEntries(
            Map.entry("ANSIBLE_COW_ACCEPTLIST", new Global("ANSIBLE_COW_ACCEPTLIST", Kind.LIST,
                    "bud-frogs,bunny,cheese,daemon,default,dragon,elephant-in-snake,elephant,eyes,hellokitty,kitty,luke-koala,"
                            + "meow,milk,moofasa,moose,ren,sheep,small,stegosaurus,stimpy,supermilker,three-eyes,turkey,turtle,tux,"
                            + "udder,vader-koala,vader,www")),
            Map.entry("ANSIBLE_NOCOWS", new Global("ANSIBLE_NOCOWS", Kind.BOOLEAN, "False")),
            Map.entry("ANSIBLE_FORCE_COLOR", new Global("ANSIBLE_FORCE_COLOR", Kind.BOOLEAN, "False")),
            Map.entry("ANSIBLE_NOCOLOR", new Global("ANSIBLE_NOCOLOR", Kind.BOOLEAN, "False")),
            Map.entry("DEFAULT_FORKS", new Global("ANSIBLE_FORKS", Kind.INTEGER, "5")),
            Map.entry("DEFAULT_TIMEOUT", new Global("ANSIBLE_TIMEOUT", Kind.INTEGER, "10")),
            Map.entry("DEFAULT_REMOTE_USER", new Global("ANSIBLE_REMOTE_USER", Kind.STRING, null)),
            Map.entry("DEFAULT_BECOME", new Global("ANSIBLE_BECOME", Kind.BOOLEAN, "False")),
            Map.entry("DEFAULT_BECOME_METHOD", new Global("ANSIBLE_BECOME_METHOD", Kind.STRING, "sudo")),
            Map.entry("DEFAULT_BECOME_USER", new Global("ANSIBLE_BECOME_USER", Kind.STRING, "root")),
            Map.entry("DEFAULT_GATHERING", new Global("ANSIBLE_GATHERING", Kind.STRING, "implicit")),
            Map.entry("DEFAULT_HASH_BEHAVIOUR", new Global("ANSIBLE_HASH_BEHAVIOUR", Kind.STRING, "replace")),
            Map.entry("DEFAULT_JINJA2_NATIVE", new Global("ANSIBLE_JINJA2_NATIVE", Kind.BOOLEAN, "False")),
            Map.entry("DEFAULT_KEEP_REMOTE_FILES", new Global("ANSIBLE_KEEP_REMOTE_FILES", Kind.BOOLEAN, "False")),
            Map.entry("DEFAULT_NO_LOG", new Global("ANSIBLE_NO_LOG", Kind.BOOLEAN, "False")),
            Map.entry("DEFAULT_UNDEFINED_VAR_BEHAVIOR", new Global("ANSIBLE_ERROR_ON_UNDEFINED_VARS", Kind.BOOLEAN, "True")),
            Map.entry("DEFAULT_ROLES_PATH", new Global("ANSIBLE_ROLES_PATH", Kind.STRING,
                    "~/.ansible/roles:/usr/share/ansible/roles:/etc/ansible/roles")),
            Map.entry("HOST_KEY_CHECKING", new Global("ANSIBLE_HOST_KEY_CHECKING", Kind.BOOLEAN, "True")),
            Map.entry("ANY_ERRORS_FATAL", new Global("ANSIBLE_ANY_ERRORS_FATAL", Kind.BOOLEAN, "False")),
            Map.entry("DEFAULT_FORCE_HANDLERS", new Global("ANSIBLE_FORCE_HANDLERS", Kind.BOOLEAN, "False")),
            Map.entry("ERROR_ON_MISSING_HANDLER", new Global("ANSIBLE_ERROR_ON_MISSING_HANDLER", Kind.BOOLEAN, "True")),
            Map.entry("RETRY_FILES_ENABLED", new Global("ANSIBLE_RETRY_FILES_ENABLED", Kind.BOOLEAN, "False")));

    /** Names the constants module holds that are not settings (Ansible: {@code Invalid setting "x" attempted}). */
    private static final Set<String> NOT_SETTINGS = Set.of("ConfigManager", "set_constant", "to_text", "ensure_type",
            "get_config_type", "load_config_file");

    private static final Map<String, PluginOption> PLUGIN = Map.ofEntries(
            Map.entry("connection.ssh.remote_user", new PluginOption(Kind.STRING, List.of("ansible_user", "ansible_ssh_user"), null)),
            Map.entry("connection.ssh.port", new PluginOption(Kind.INTEGER, List.of("ansible_port", "ansible_ssh_port"), null)),
            Map.entry("connection.ssh.host", new PluginOption(Kind.STRING, List.of("inventory_hostname", "ansible_host", "ansible_ssh_host"), null)),
            Map.entry("connection.ssh.password", new PluginOption(Kind.STRING, List.of("ansible_password", "ansible_ssh_pass", "ansible_ssh_password"), null)),
            Map.entry("connection.ssh.private_key_file", new PluginOption(Kind.STRING, List.of("ansible_private_key_file", "ansible_ssh_private_key_file"), null)),
            Map.entry("connection.local.pipelining", new PluginOption(Kind.BOOLEAN, List.of("ansible_pipelining"), "False")),
            Map.entry("shell.sh.remote_tmp", new PluginOption(Kind.STRING, List.of("ansible_remote_tmp"), "~/.ansible/tmp")),
            Map.entry("shell.sh.system_tmpdirs", new PluginOption(Kind.LIST, List.of("ansible_system_tmpdirs"), "/var/tmp,/tmp")),
            Map.entry("become.sudo.become_user", new PluginOption(Kind.STRING, List.of("ansible_become_user", "ansible_sudo_user"), "root")),
            Map.entry("become.sudo.become_exe", new PluginOption(Kind.STRING, List.of("ansible_become_exe", "ansible_sudo_exe"), "sudo")));

    private static final Set<String> PLUGINS = Set.of("connection.ssh", "connection.local", "shell.sh", "become.sudo");

    private LookupConfig() {
    }

    static List<Object> config(List<Object> terms, Map<String, Object> options, Context context) {
        Object missing = options.getOrDefault("on_missing", "error");
        if (!List.of("error", "warn", "skip").contains(missing)) {
            throw new LookupError("Invalid value \"" + Values.str(missing) + "\" for configuration option \"plugin_type: lookup "
                    + "plugin: ansible.builtin.config setting: on_missing \", valid values are: error, warn, skip", null);
        }
        String type = options.get("plugin_type") == null ? null : Values.str(options.get("plugin_type"));
        String name = options.get("plugin_name") == null ? null : Values.str(options.get("plugin_name"));
        if ((type == null) != (name == null)) {
            throw new LookupError("Both plugin_type and plugin_name are required, cannot use one without the other", null);
        }
        if (type != null && !PLUGINS.contains(type + "." + name)) throw new LookupError("Unable to load " + type + " plugin \"" + name + "\"", null);
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String setting = LookupPlugins.identifier(term, "its a");
            if (NOT_SETTINGS.contains(setting)) throw new LookupError("Invalid setting \"" + setting + "\" attempted", null);
            boolean known = type == null ? GLOBAL.containsKey(setting) : PLUGIN.containsKey(type + "." + name + "." + setting);
            if (!known) {
                if (missing.equals("error")) throw new LookupError("Unable to find setting " + setting, null);
                continue;
            }
            out.add(type == null ? global(GLOBAL.get(setting)) : plugin(PLUGIN.get(type + "." + name + "." + setting), context));
        }
        return out;
    }

    private static Object global(Global setting) {
        String env = System.getenv(setting.env());
        return typed(env != null ? env : setting.ansibleDefault(), setting.kind());
    }

    private static Object plugin(PluginOption option, Context context) {
        for (String var : option.vars()) {
            if (!context.state().vars().containsKey(var)) continue;
            Object value = context.state().lookup(var);
            if (value != null) {
                return option.kind() == Kind.STRING ? value : typed(Values.str(value), option.kind());
            }
        }
        return typed(option.ansibleDefault(), option.kind());
    }

    private static Object typed(String text, Kind kind) {
        if (text == null) return null;
        return switch (kind) {
            case STRING -> text;
            case INTEGER -> Integer.parseInt(text.strip());
            case BOOLEAN -> Set.of("y", "yes", "on", "1", "true", "t").contains(text.strip().toLowerCase(java.util.Locale.ROOT));
            case LIST -> new ArrayList<Object>(List.of(text.split("\\s*,\\s*")));
        };
    }
}
