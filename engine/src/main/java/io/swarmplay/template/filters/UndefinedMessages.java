package io.swarmplay.template.filters;

import io.swarmplay.source.Vault;

/**
 * Jinja's {@code Undefined._undefined_message} as Ansible 2.14 shows it: {@code 'dict object' has
 * no attribute 'path'} for a name looked up on a value, {@code list object has no element 5} for a
 * number, the value's type named by {@code object_type_repr} (builtins plainly, {@code None} as
 * itself, Ansible's own classes with their module).
 */
public final class UndefinedMessages {

    /** Ansible's class of the per-host view {@code hostvars['h']}. */
    public static final String HOST_VARS_VARS = "ansible.vars.hostvars.HostVarsVars object";
    /** Ansible's class of a string read from a playbook's YAML. */
    public static final String YAML_STRING = "ansible.parsing.yaml.objects.AnsibleUnicode object";
    /** Ansible's class of a string that came from a host (registered results, facts). */
    public static final String UNSAFE_STRING = "ansible.utils.unsafe_proxy.AnsibleUnsafeText object";

    private UndefinedMessages() {
    }

    /** Jinja's {@code object_type_repr}: {@code dict object}, {@code str object}, {@code None}. */
    public static String objectType(Object value) {
        if (value == null) return "None";
        if (value instanceof Vault.Encrypted || Vault.isVaultValue(value)) {
            return "ansible.parsing.yaml.objects.AnsibleVaultEncryptedUnicode object";
        }
        if (value instanceof java.math.BigInteger) return "int object";
        return TypeFilters.pythonType(value) + " object";
    }

    /**
     * The message for {@code name} looked up on a value of type {@code objectType}: an attribute
     * for a string name ({@code x.y}, {@code x['y']}), an element for anything else ({@code x[5]}).
     */
    public static String missing(String objectType, Object name) {
        if (name instanceof CharSequence) return "'" + objectType + "' has no attribute " + Values.repr(name.toString());
        return objectType + " has no element " + Values.repr(name);
    }

    /** {@code hostvars['h']} for a host the inventory lacks, as Ansible's {@code HostVars.__getitem__}. */
    public static String unknownHost(Object host) {
        return Values.repr("hostvars['" + host + "']") + " is undefined";
    }
}
