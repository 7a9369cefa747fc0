/**
 * End-to-end tests on two Docker-in-Docker test hosts (Failsafe, {@code *IT}).
 *
 * <ul>
 *   <li>{@link io.swarmplay.e2e.TestHosts}: the JUnit extension that builds (cached by content
 *       hash) and starts the hosts, the APLS stand-in and the network, and removes them again,
 *       through {@code e2e/testhost/hosts.sh}: the one implementation of test hosts, which the
 *       lab ({@code scripts/lab}) uses too, under its own prefix;</li>
 *   <li>{@link io.swarmplay.e2e.LabInventory}: the inventory of a set of test hosts, generated
 *       from {@code inventory/two-hosts.yaml} or {@code three-orgs.yaml} (also run by {@code scripts/lab});</li>
 *   <li>{@link io.swarmplay.e2e.LabIT}: {@code scripts/lab run}, {@code status}, {@code up} again
 *       and {@code down}, after which nothing of the lab is left on the Docker engine;</li>
 *   <li>{@link io.swarmplay.e2e.TestHostsIT}: the hosts and the stand-in images on their own, driven
 *       by hand the way HPE's scripts drive the real images;</li>
 *   <li>{@link io.swarmplay.e2e.Cifar10SpireIT}: {@code playbooks/cifar10-spire.yaml} and
 *       {@code playbooks/cleanup.yaml} through the real CLI;</li>
 *   <li>{@link io.swarmplay.e2e.SavedPlanIT}: {@code --plan --out FILE} and {@code apply FILE} of
 *       that flow: refused, with both hosts untouched, after a template changed or a container
 *       stopped between plan and apply; a current plan applied.</li>
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
