/**
 * The Docker modules ({@code docker_container}, {@code docker_image}, {@code docker_volume},
 * {@code docker_network}, {@code docker_exec}, {@code docker_copy}, {@code docker_logs},
 * {@code docker_info}, {@code docker_prune}), each also answering to its
 * {@code community.docker.*} name. They plan by inspecting the engine through a read-only
 * {@code DockerReader} ({@code host.extension(DockerReader.class)}: no method that changes it),
 * apply through {@code host.extension(DockerEndpoint.class)} on the writable session, and never
 * see a docker-java type.
 */
package io.swarmplay.modules.docker;
