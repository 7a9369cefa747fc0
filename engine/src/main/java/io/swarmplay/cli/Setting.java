package io.swarmplay.cli;

/**
 * The one table of Ansible configuration settings swarmplay reads, from {@code ansible.cfg} and
 * the environment (the environment wins; command-line flags win over both). Names, sections,
 * variables and defaults are Ansible 2.14's. A key found in {@code ansible.cfg} that is not here
 * is reported as a warning naming it.
 */
enum Setting {

    INVENTORY("defaults", "inventory", "ANSIBLE_INVENTORY", Type.PATH_LIST, "/etc/ansible/hosts", null),
    ROLES_PATH("defaults", "roles_path", "ANSIBLE_ROLES_PATH", Type.PATH_SPEC,
            "~/.ansible/roles:/usr/share/ansible/roles:/etc/ansible/roles", null),
    FORKS("defaults", "forks", "ANSIBLE_FORKS", Type.INTEGER, "5", null),
    HOST_KEY_CHECKING("defaults", "host_key_checking", "ANSIBLE_HOST_KEY_CHECKING", Type.BOOLEAN, "True",
            "ansible_host_key_checking"),
    REMOTE_USER("defaults", "remote_user", "ANSIBLE_REMOTE_USER", Type.STRING, null, "ansible_user"),
    PRIVATE_KEY_FILE("defaults", "private_key_file", "ANSIBLE_PRIVATE_KEY_FILE", Type.PATH, null,
            "ansible_ssh_private_key_file"),
    TIMEOUT("defaults", "timeout", "ANSIBLE_TIMEOUT", Type.INTEGER, "10", "ansible_timeout"),
    FILTER_PLUGINS("defaults", "filter_plugins", "ANSIBLE_FILTER_PLUGINS", Type.PATH_SPEC,
            "~/.ansible/plugins/filter:/usr/share/ansible/plugins/filter", null),
    TEST_PLUGINS("defaults", "test_plugins", "ANSIBLE_TEST_PLUGINS", Type.PATH_SPEC,
            "~/.ansible/plugins/test:/usr/share/ansible/plugins/test", null),
    LIBRARY("defaults", "library", "ANSIBLE_LIBRARY", Type.PATH_SPEC,
            "~/.ansible/plugins/modules:/usr/share/ansible/plugins/modules", null),
    ACTION_PLUGINS("defaults", "action_plugins", "ANSIBLE_ACTION_PLUGINS", Type.PATH_SPEC,
            "~/.ansible/plugins/action:/usr/share/ansible/plugins/action", null),
    VAULT_PASSWORD_FILE("defaults", "vault_password_file", "ANSIBLE_VAULT_PASSWORD_FILE", Type.PATH, null, null),
    VAULT_IDENTITY_LIST("defaults", "vault_identity_list", "ANSIBLE_VAULT_IDENTITY_LIST", Type.LIST, null, null),
    NO_LOG("defaults", "no_log", "ANSIBLE_NO_LOG", Type.BOOLEAN, "False", null),
    GATHERING("defaults", "gathering", "ANSIBLE_GATHERING", Type.STRING, "implicit", null),
    FORCE_HANDLERS("defaults", "force_handlers", "ANSIBLE_FORCE_HANDLERS", Type.BOOLEAN, "False", null),
    ERROR_ON_MISSING_HANDLER("defaults", "error_on_missing_handler", "ANSIBLE_ERROR_ON_MISSING_HANDLER", Type.BOOLEAN,
            "True", null),
    CACHE_PLUGIN("defaults", "fact_caching", "ANSIBLE_CACHE_PLUGIN", Type.STRING, "memory", null),
    CACHE_PLUGIN_CONNECTION("defaults", "fact_caching_connection", "ANSIBLE_CACHE_PLUGIN_CONNECTION", Type.PATH, null, null),
    CACHE_PLUGIN_PREFIX("defaults", "fact_caching_prefix", "ANSIBLE_CACHE_PLUGIN_PREFIX", Type.STRING, null, null),
    CACHE_PLUGIN_TIMEOUT("defaults", "fact_caching_timeout", "ANSIBLE_CACHE_PLUGIN_TIMEOUT", Type.INTEGER, "86400", null),
    HASH_BEHAVIOUR("defaults", "hash_behaviour", "ANSIBLE_HASH_BEHAVIOUR", Type.STRING, "replace", null),
    JINJA2_NATIVE("defaults", "jinja2_native", "ANSIBLE_JINJA2_NATIVE", Type.BOOLEAN, "False", null),
    SHOW_CUSTOM_STATS("defaults", "show_custom_stats", "ANSIBLE_SHOW_CUSTOM_STATS", Type.BOOLEAN, "False", null),
    BECOME("privilege_escalation", "become", "ANSIBLE_BECOME", Type.BOOLEAN, "False", "ansible_become"),
    BECOME_USER("privilege_escalation", "become_user", "ANSIBLE_BECOME_USER", Type.STRING, "root", "ansible_become_user"),
    BECOME_METHOD("privilege_escalation", "become_method", "ANSIBLE_BECOME_METHOD", Type.STRING, "sudo",
            "ansible_become_method"),
    SSH_ARGS("ssh_connection", "ssh_args", "ANSIBLE_SSH_ARGS", Type.STRING,
            "-C -o ControlMaster=auto -o ControlPersist=60s", "ansible_ssh_args");

    /** How a value is written: Ansible's {@code type:} of the setting ({@code pathlist} is comma-, {@code pathspec} colon-separated). */
    enum Type { STRING, INTEGER, BOOLEAN, PATH, PATH_LIST, PATH_SPEC, LIST }

    final String section;
    final String key;
    final String env;
    final Type type;
    /** Ansible's default as text, or null; swarmplay applies it only where it has a meaning here. */
    final String ansibleDefault;
    /** The host variable the setting is a default for (below every inventory value), or null. */
    final String hostVar;

    Setting(String section, String key, String env, Type type, String ansibleDefault, String hostVar) {
        this.section = section;
        this.key = key;
        this.env = env;
        this.type = type;
        this.ansibleDefault = ansibleDefault;
        this.hostVar = hostVar;
    }

    /** The setting written as {@code key} under {@code [section]}, if swarmplay reads it. */
    static java.util.Optional<Setting> of(String section, String key) {
        for (Setting s : values()) {
            if (s.section.equals(section) && s.key.equals(key)) return java.util.Optional.of(s);
        }
        return java.util.Optional.empty();
    }
}
