/**
 * {@code docker_container_copy_into}'s idempotency, as community.docker 3.4.7 decides it: what is
 * copied ({@link io.swarmplay.modules.docker.copy.CopySource}), whose it becomes
 * ({@link io.swarmplay.modules.docker.copy.ContainerUser}) and whether the container already has it
 * ({@link io.swarmplay.modules.docker.copy.CopyCheck}).
 */
package io.swarmplay.modules.docker.copy;
