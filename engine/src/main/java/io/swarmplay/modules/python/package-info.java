/**
 * Ansible's Python modules ({@code library/}) and action plugins ({@code action_plugins/}) from the
 * user's roles and playbooks: a module runs on its host with ansible-core's {@code module_utils}
 * shipped beside it; an action plugin runs on the control node in a Python process whose
 * {@code ActionBase} asks swarmplay to run modules on the host.
 */
package io.swarmplay.modules.python;
