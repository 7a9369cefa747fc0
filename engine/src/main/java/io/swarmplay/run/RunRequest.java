package io.swarmplay.run;

import io.swarmplay.inventory.Inventory;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.playbook.Playbook;
import io.swarmplay.report.Redactor;
import io.swarmplay.template.TemplatePlugins;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a run needs, from the command line and the loaded files.
 *
 * @param limit       {@code --limit} pattern, or null
 * @param tags        {@code --tags}; empty = all
 * @param skipTags    {@code --skip-tags}
 * @param startAtTask {@code --start-at-task} glob, or null
 * @param forks       parallel hosts
 * @param diff        {@code --diff}
 * @param offline     {@code --offline}: plan without contacting any host
 * @param verbosity   number of {@code -v}
 * @param redactor    secrets found while running are added here; reporters mask them
 * @param inventoryDir the directory of the first inventory ({@code inventory_dir}), or null
 * @param commandLine  connection defaults from flags ({@code -u}, {@code --private-key}, {@code -T},
 *                     {@code -b}): the lowest precedence, as in Ansible
 * @param waitLock     {@code --wait-lock}: how long to wait for a host another run is changing; null: fail at once
 * @param vault        decrypts vault data read while running ({@code vars_files}, {@code include_vars}, {@code copy})
 * @param plugins      the Python filter and test plugins templates may use (owned, and closed, by the caller)
 * @param handlers    {@code --force-handlers} and {@code error_on_missing_handler}
 * @param factCache   where facts are kept between runs ({@code fact_caching})
 * @param jinja2Native ansible.cfg's {@code jinja2_native} (ANSIBLE_JINJA2_NATIVE): templates keep native types
 * @param hashBehaviour ansible.cfg's {@code hash_behaviour} (ANSIBLE_HASH_BEHAVIOUR): how variable layers combine
 */
public record RunRequest(Inventory inventory, List<Playbook> playbooks, Map<String, Object> extraVars,
                         ModuleRegistry modules, String limit, Set<String> tags, Set<String> skipTags,
                         String startAtTask, int forks, boolean diff, boolean offline, int verbosity,
                         Redactor redactor, java.nio.file.Path inventoryDir, Map<String, Object> commandLine,
                         java.time.Duration waitLock, io.swarmplay.source.Vault vault, TemplatePlugins plugins,
                         HandlerSettings handlers, boolean noLog, FactCache factCache, boolean jinja2Native,
                         io.swarmplay.vars.HashBehaviour hashBehaviour) {

    /**
     * A request with the defaults of everything after {@code waitLock}: no vault, no plugins, default handler
     * settings, no {@code no_log}, the memory fact cache, jinja2_native off, hash_behaviour replace.
     */
    public RunRequest(Inventory inventory, List<Playbook> playbooks, Map<String, Object> extraVars,
                      ModuleRegistry modules, String limit, Set<String> tags, Set<String> skipTags,
                      String startAtTask, int forks, boolean diff, boolean offline, int verbosity,
                      Redactor redactor, java.nio.file.Path inventoryDir, Map<String, Object> commandLine,
                      java.time.Duration waitLock) {
        this(inventory, playbooks, extraVars, modules, limit, tags, skipTags, startAtTask, forks, diff, offline, verbosity,
                redactor, inventoryDir, commandLine, waitLock, io.swarmplay.source.Vault.none(), null, null, false, null,
                false, null);
    }

    public RunRequest {
        playbooks = List.copyOf(playbooks);
        extraVars = Map.copyOf(extraVars);
        commandLine = Map.copyOf(commandLine);
        tags = Set.copyOf(tags);
        skipTags = Set.copyOf(skipTags);
        forks = Math.max(1, forks);
        plugins = plugins == null ? TemplatePlugins.NONE : plugins;
        handlers = handlers == null ? HandlerSettings.DEFAULTS : handlers;
        factCache = factCache == null ? FactCache.MEMORY : factCache;
        hashBehaviour = hashBehaviour == null ? io.swarmplay.vars.HashBehaviour.REPLACE : hashBehaviour;
    }
}
