package io.swarmplay.playbook;

import io.swarmplay.source.SourcePosition;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One play.
 *
 * @param hosts          host pattern as written
 * @param tasks          {@code roles:} (as {@link RoleCall}s) then {@code tasks:}: Ansible runs them as one section
 * @param varsFiles      {@code vars_files} entries as written (may be templated), relative to {@code dir}
 * @param serial         {@code serial}: batch sizes, each an Integer, a percentage such as {@code "30%"} or a
 *                       template, the last one repeating; empty without {@code serial}
 * @param maxFailPercentage {@code max_fail_percentage}, or null
 * @param gatherFacts    whether to collect the minimal facts (hostname, os, user); a template is rendered with the
 *                       play's vars and extra vars when the play starts, as Ansible post-validates the play
 * @param anyErrorsFatal {@code any_errors_fatal} as written (its tasks inherit it through {@code taskFlags})
 * @param forceHandlers  {@code force_handlers}, unset when absent (then {@code --force-handlers} decides)
 * @param connection     {@code connection:} override for all hosts, or null
 * @param dir            the directory of the playbook file that holds the play ({@code playbook_dir})
 * @param roleSearch     where the play's roles are looked for (also by include_role at run time)
 * @param hostOptions    {@code order}, {@code gather_subset} and {@code remote_user}
 * @param varsPrompt     {@code vars_prompt}: variables asked for before the play runs
 */
public record Play(String name, String hosts, Map<String, Object> vars, List<String> varsFiles,
                   List<TaskNode> preTasks, List<TaskNode> tasks, List<TaskNode> postTasks,
                   List<Handler> handlers, Flag gatherFacts, Flag anyErrorsFatal, List<Object> serial,
                   Double maxFailPercentage,
                   Map<String, Object> environment, Set<String> tags, String connection,
                   Flag become, Map<String, Flag> taskFlags, String becomeUser, SourcePosition at, Path dir,
                   RoleSearch roleSearch, Flag forceHandlers, Hosts hostOptions, List<VarsPrompt> varsPrompt) {

    /**
     * How the play treats its hosts.
     *
     * @param order        {@code order}: one of {@link #ORDERS}
     * @param gatherSubset {@code gather_subset} for the implicit fact gathering (empty: the setup module's default)
     * @param factPath     {@code fact_path}, where the implicit fact gathering reads local facts; or null for setup's default
     * @param remoteUser   {@code remote_user}, the login user unless a variable sets {@code ansible_user}; or null
     * @param gatherOnce   ({@code gathering = smart}) hosts whose facts the run gathered already are not gathered again
     * @param throttle     {@code throttle}: at most this many hosts run each task at once (raw: int or template), or null;
     *                     a block's or task's own wins
     * @param strategy     {@code strategy} as written (a template is rendered when the play starts), or null
     */
    public record Hosts(String order, List<String> gatherSubset, String factPath, String remoteUser, boolean gatherOnce,
            Object throttle, String strategy) {
        /** The strategies Ansible 2.14 ships; swarmplay runs {@code linear}. */
        public static final List<String> STRATEGIES = List.of("linear", "free", "host_pinned", "debug");
        public static final List<String> ORDERS = List.of("inventory", "reverse_inventory", "sorted", "reverse_sorted", "shuffle");
        public static final Hosts DEFAULT = new Hosts("inventory", List.of(), null, null, false, null, null);

        public Hosts {
            gatherSubset = List.copyOf(gatherSubset);
        }
    }

    public Play {
        become = become == null ? Flag.UNSET : become;
        forceHandlers = forceHandlers == null ? Flag.UNSET : forceHandlers;
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        varsFiles = List.copyOf(varsFiles);
        preTasks = List.copyOf(preTasks);
        tasks = List.copyOf(tasks);
        postTasks = List.copyOf(postTasks);
        handlers = List.copyOf(handlers);
        serial = List.copyOf(serial);
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        tags = Set.copyOf(tags);
        hostOptions = hostOptions == null ? Hosts.DEFAULT : hostOptions;
        varsPrompt = varsPrompt == null ? List.of() : List.copyOf(varsPrompt);
    }

    /** This play with other play {@code vars}. */
    public Play withVars(Map<String, Object> newVars) {
        return new Play(name, hosts, newVars, varsFiles, preTasks, tasks, postTasks, handlers, gatherFacts, anyErrorsFatal,
                serial, maxFailPercentage, environment, tags, connection, become, taskFlags, becomeUser, at, dir, roleSearch,
                forceHandlers, hostOptions, varsPrompt);
    }
}
