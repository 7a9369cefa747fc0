/**
 * {@link io.swarmplay.template.Templar}: Jinja rendering of values and evaluation of conditions
 * behind one configured Jinjava instance (strict undefined), with Ansible's filters and tests.
 * Jinjava types never leave this package.
 */
package io.swarmplay.template;
