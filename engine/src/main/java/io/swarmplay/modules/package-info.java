/**
 * Built-in modules, one class each ({@code command}, {@code copy}, {@code file}, {@code wait_for},
 * ...), each answering to its YAML name and to {@code ansible.builtin.<name>}.
 */
package io.swarmplay.modules;
