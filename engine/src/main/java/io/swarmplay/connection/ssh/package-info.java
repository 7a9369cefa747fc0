/**
 * The {@code ssh} connection type, on sshj: one persistent, lazily opened SSH connection per host
 * ({@link io.swarmplay.connection.ssh.SshConnection}, made by
 * {@link io.swarmplay.connection.ssh.SshConnectionFactory}), strict known_hosts checking that
 * never prompts, and {@link io.swarmplay.connection.ssh.HostKeys} for {@code swarmplay trust}.
 *
 * <p>sshj and BouncyCastle types never leave this package: callers see only the
 * {@link io.swarmplay.connection.Connection} SPI, {@link io.swarmplay.connection.ConnectionException}
 * and the records declared here.
 */
package io.swarmplay.connection.ssh;
