/**
 * End-to-end tests on two Docker-in-Docker test hosts (Failsafe, {@code *IT}).
 *
 * <ul>
 *   <li>{@link io.swarmplay.e2e.TestHosts}: the JUnit extension that builds (cached by content
 *       hash) and starts the hosts, the APLS stand-in and the network, and removes them again;</li>
 *   <li>{@link io.swarmplay.e2e.TestHostsIT}: the hosts and the stand-in images on their own, driven
 *       by hand the way HPE's scripts drive the real images;</li>
 *   <li>{@link io.swarmplay.e2e.Cifar10SpireIT}: {@code playbooks/cifar10-spire.yaml} and
 *       {@code playbooks/cleanup.yaml} through the real CLI.</li>
 * </ul>
 *
 * <p>The stand-in images ({@code e2e/standins}, see {@code e2e/README.md}) are TEST DOUBLES under
 * the real image names. Prerequisites (root, Debian): {@code . scripts/prereqs.sh && ensure_e2e}.
 * Run the e2e tests alone:
 * <pre>
 * mvn -B -o -pl engine verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test='io.swarmplay.e2e.*IT' -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 * {@code -Dswarmplay.e2e.docker=tcp} makes the hosts' dockerd also listen on tcp://&lt;ip&gt;:2375
 * and the generated inventory use it ({@code docker_host}) instead of the socket forwarded over SSH.
 */
package io.swarmplay.e2e;
