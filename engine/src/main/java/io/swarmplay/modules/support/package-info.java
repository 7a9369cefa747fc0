/**
 * Helpers shared by the built-in modules: file modes, compare-and-write of file content (copy and
 * template), command-line splitting and running, ownership checks and Ansible's time formats.
 */
package io.swarmplay.modules.support;
