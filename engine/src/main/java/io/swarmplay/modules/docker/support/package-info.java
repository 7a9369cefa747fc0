/**
 * What the Docker modules share: the {@link io.swarmplay.modules.docker.support.DockerModule}
 * base (endpoint lookup, errors), the declared-fields comparison of containers, the config hash,
 * readiness strategies for {@code wait_for}, and the compact data registered for containers.
 */
package io.swarmplay.modules.docker.support;
