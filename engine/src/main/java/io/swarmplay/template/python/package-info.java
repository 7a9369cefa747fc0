/**
 * Ansible's Python filter and test plugins ({@code filter_plugins/}, {@code test_plugins/}) for
 * the templar: where they are found ({@link io.swarmplay.template.python.PluginDirs}), which
 * Python runs them ({@link io.swarmplay.template.python.PythonInterpreter}), and the one Python
 * process per run that loads and calls them over a line-delimited JSON protocol
 * ({@link io.swarmplay.template.python.PythonPlugins}, the owner of that process).
 */
package io.swarmplay.template.python;
