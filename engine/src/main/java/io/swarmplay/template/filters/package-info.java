/**
 * Ansible's filters and tests for Jinjava, plus the small contract ({@link
 * io.swarmplay.template.filters.RenderScope}, {@link io.swarmplay.template.filters.Undefined}) through
 * which they see the render they run in. Used only by {@code io.swarmplay.template}.
 */
package io.swarmplay.template.filters;
