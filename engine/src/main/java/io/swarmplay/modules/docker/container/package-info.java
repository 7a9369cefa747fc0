/**
 * {@code docker_container}'s option table (community.docker's {@code module_container}): one
 * {@link io.swarmplay.modules.docker.container.ContainerOption} per option, saying how it is
 * declared, written into the Engine API create request, read back from inspect, compared, and
 * whether a difference is updated in place or recreates the container.
 */
package io.swarmplay.modules.docker.container;
