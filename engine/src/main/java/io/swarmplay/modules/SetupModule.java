package io.swarmplay.modules;

import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.support.HostFacts;
import io.swarmplay.modules.support.Results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers facts about the host (what plays do first with {@code gather_facts: true}); they become
 * {@code ansible_facts} and {@code ansible_<name>} variables of the host.
 * <pre>{@code
 * - setup:
 *     filter: [ansible_distribution*, ansible_env]
 * - gather_facts:
 *     gather_subset: [distribution]
 * }</pre>
 * {@code gather_subset} keeps Ansible's rule: the minimal facts always come unless {@code !min}
 * is given; subsets are platform, user, distribution, env, python, date_time, hardware, pkg_mgr,
 * service_mgr, fips, virtual (the {@code virtualization_*} facts), local ({@code ansible_local}: the {@code *.fact} files of {@code fact_path}, JSON or
 * INI, executable ones run; see {@link io.swarmplay.modules.support.LocalFacts}).
 */
@ModuleInfo(name = "setup", readOnly = true, aliases = {"gather_facts", "ansible.builtin.gather_facts"}, checkMode = CheckSupport.FULL)
public final class SetupModule implements Module<SetupModule.Args> {

    /** Each subset and the facts it holds; the minimal set ({@code min}) is all but {@link #NOT_MIN}. */
    private static final Map<String, List<String>> SUBSETS = Map.ofEntries(
            Map.entry("platform", List.of("nodename", "hostname", "fqdn", "domain", "system", "kernel", "kernel_version", "machine",
                    "architecture")),
            Map.entry("user", List.of("user_id", "user_uid", "user_gid", "user_gecos", "user_dir", "user_shell")),
            Map.entry("distribution", List.of("distribution", "distribution_version", "distribution_major_version",
                    "distribution_release", "os_family")),
            Map.entry("env", List.of("env")),
            Map.entry("python", List.of("python", "python_version")),
            Map.entry("date_time", List.of("date_time")),
            Map.entry("hardware", List.of("processor_nproc", "processor_vcpus", "memtotal_mb")),
            Map.entry("pkg_mgr", List.of("pkg_mgr")),
            Map.entry("service_mgr", List.of("service_mgr")),
            Map.entry("fips", List.of("fips")),
            Map.entry("local", List.of("local")),
            Map.entry("virtual", List.of("virtualization_type", "virtualization_role", "virtualization_tech_guest",
                    "virtualization_tech_host")));

    /** The subsets Ansible's {@code min} leaves out: they come with {@code all} or when named. */
    private static final Set<String> NOT_MIN = Set.of("hardware", "virtual");

    /**
     * Every subset name Ansible 2.14's setup accepts (collectors and the facts they give); the
     * ones swarmplay has no facts for select nothing.
     */
    static final Set<String> ANSIBLE_SUBSETS = new java.util.TreeSet<>(List.of("all", "all_ipv4_addresses",
            "all_ipv6_addresses", "apparmor", "architecture", "caps", "chroot", "cmdline", "date_time", "default_ipv4",
            "default_ipv6", "devices", "distribution", "distribution_major_version", "distribution_release",
            "distribution_version", "dns", "effective_group_ids", "effective_user_id", "env", "facter", "fibre_channel_wwn",
            "fips", "hardware", "interfaces", "is_chroot", "iscsi", "kernel", "kernel_version", "loadavg", "local", "lsb",
            "machine", "machine_id", "mounts", "network", "nvme", "ohai", "os_family", "pkg_mgr", "platform", "processor",
            "processor_cores", "processor_count", "python", "python_version", "real_user_id", "selinux", "service_mgr",
            "ssh_host_key_dsa_public", "ssh_host_key_ecdsa_public", "ssh_host_key_ed25519_public",
            "ssh_host_key_rsa_public", "ssh_host_pub_keys", "ssh_pub_keys", "system", "system_capabilities",
            "system_capabilities_enforced", "user", "user_dir", "user_gecos", "user_gid", "user_id", "user_shell",
            "user_uid", "virtual", "virtualization_role", "virtualization_tech_guest", "virtualization_tech_host",
            "virtualization_type"));

    /**
     * {@code parallel} is gather_facts' own (whether its fact modules run at once): with setup as
     * the one fact module, there is nothing to run side by side, so it changes nothing.
     */
    public record Args(@Default("all") List<String> gather_subset, @Default("*") List<String> filter,
                       @Default("10") int gather_timeout, String fact_path, Boolean parallel) {
    }

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        checkSubsets(args.gather_subset());
        Set<String> wanted = subsets(args.gather_subset());
        Map<String, Object> facts = new LinkedHashMap<>();
        Object python = host.evaluate("ansible_python_interpreter | default('')");
        Map<String, Object> all = HostFacts.gather(host, String.valueOf(python), args.fact_path());
        all.keySet().removeIf(name -> !inSubsets(name, wanted));
        all.put("gather_subset", args.gather_subset());
        all.put("module_setup", true);
        all.forEach((name, value) -> {
            if (matches(args.filter(), "ansible_" + name)) facts.put(name, value);
        });
        // registered under their ansible_ names, as the module returns them; the variable ansible_facts drops the prefix
        Map<String, Object> variables = new LinkedHashMap<>();
        facts.forEach((name, value) -> variables.put("ansible_" + name, value));
        Map<String, Object> registered = new LinkedHashMap<>(variables);
        variables.put("ansible_facts", facts);
        return Results.none("facts gathered", Map.of("ansible_facts", registered), variables);
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        return Results.outcome(change);
    }

    /** A name Ansible does not know fails the gathering, with Ansible's message; {@code min} and {@code !name} are fine. */
    static void checkSubsets(List<String> given) {
        for (String s : given) {
            String name = s.startsWith("!") ? s.substring(1) : s;
            if (!name.equals("min") && !ANSIBLE_SUBSETS.contains(name)) {
                throw new ModuleException("Bad subset '" + name + "' given to Ansible. gather_subset options allowed: "
                        + String.join(", ", ANSIBLE_SUBSETS));
            }
        }
    }

    /**
     * The subsets to keep, by Ansible's {@code get_collector_names}: min, plus what is named ({@code all}: every
     * subset), minus what is negated with {@code !} ({@code !all}: all but min), except what is named explicitly.
     */
    static Set<String> subsets(List<String> given) {
        Set<String> min = new java.util.TreeSet<>(SUBSETS.keySet());
        min.removeAll(NOT_MIN);
        Set<String> wanted = new java.util.TreeSet<>(min);
        Set<String> excluded = new java.util.TreeSet<>();
        Set<String> explicit = new java.util.TreeSet<>();
        for (String s : given) {
            if (s.equals("all")) wanted.addAll(SUBSETS.keySet());
            else if (s.equals("!min")) excluded.addAll(min);
            else if (s.equals("!all")) excluded.addAll(NOT_MIN);
            else if (s.startsWith("!")) excluded.add(s.substring(1));
            else if (!s.equals("min")) {
                explicit.add(s);
                wanted.add(s);
            }
        }
        excluded.removeAll(explicit);
        wanted.removeAll(excluded);
        return wanted;
    }

    private static boolean inSubsets(String fact, Set<String> wanted) {
        return wanted.contains(fact) || wanted.stream().anyMatch(s -> SUBSETS.getOrDefault(s, List.of()).contains(fact));
    }

    /**
     * fnmatch-style patterns ({@code *}, {@code ?}) against the fact's {@code ansible_} name; as in Ansible's
     * {@code _filter}, no pattern or an empty one keeps every fact.
     */
    static boolean matches(List<String> patterns, String name) {
        if (patterns.isEmpty()) return true;
        for (String p : patterns) {
            if (p.isEmpty()) return true;
            String regex = ("\\Q" + p + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
            if (name.matches(regex) || name.substring("ansible_".length()).matches(regex)) return true;
        }
        return false;
    }
}
