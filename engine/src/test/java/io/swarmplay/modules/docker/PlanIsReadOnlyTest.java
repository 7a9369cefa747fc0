package io.swarmplay.modules.docker;

import io.swarmplay.connection.docker.DockerEndpoint;
import io.swarmplay.connection.docker.DockerReader;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ReadOnlyHost;
import io.swarmplay.modules.docker.support.DockerModule;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan cannot change an engine, by type: the plan step of every Docker module gets a
 * {@link DockerReader}, whose methods all read, as a view that is not the endpoint; and the host
 * a plan gets is a {@link ReadOnlyHost}, which is no {@link HostSession}.
 */
class PlanIsReadOnlyTest {

    /** The verbs of reading the engine: inspect, list, logs, copy out, stat, GET requests, its address and version. */
    private static final Pattern READS = Pattern.compile(
            "describe|address|serverVersion|inspect\\w*|list\\w*|logTail|followLogs|copyOut|statPath|archiveEntry|read|readOnly");

    /** The verbs of changing it (or releasing the client): every other endpoint method must be one. */
    private static final Pattern WRITES = Pattern.compile(
            "create\\w*|start\\w*|stop\\w*|restart\\w*|kill\\w*|pause\\w*|unpause\\w*|update\\w*|remove\\w*|waitContainer|exec|execDetached|copyIn|putArchive|loadImage|saveImage|buildImage"
                    + "|pullImage|tagImage|connect\\w*|disconnect\\w*|prune\\w*|close|filtersJson");

    @Test
    void everyMethodOfTheReaderReads() {
        List<String> notReads = names(DockerReader.class.getMethods()).stream()
                .filter(n -> !READS.matcher(n).matches()).toList();
        assertEquals(List.of(), notReads, "DockerReader methods that are not reads");
    }

    @Test
    void theWritingMethodsAreOnlyOnTheEndpoint() {
        Set<String> reader = names(DockerReader.class.getMethods());
        List<String> endpointOnly = names(DockerEndpoint.class.getMethods()).stream().filter(n -> !reader.contains(n)).toList();
        assertFalse(endpointOnly.isEmpty());
        endpointOnly.forEach(n -> assertTrue(WRITES.matcher(n).matches(), n + " is neither a read nor a known write"));
        endpointOnly.forEach(n -> assertFalse(READS.matcher(n).matches(), n + " reads but is not on DockerReader"));
    }

    @Test
    void theViewAPlanGetsIsNotTheEndpointAndHasNoOtherMethod() {
        DockerReader view = DockerReader.readOnly(new FakeDockerEndpoint());
        assertFalse(view instanceof DockerEndpoint, "a cast would reach the writers");
        assertFalse(view instanceof AutoCloseable, "a plan must not close the client");
        Set<String> extra = names(view.getClass().getMethods());
        extra.removeAll(names(DockerReader.class.getMethods()));
        extra.removeAll(names(Object.class.getMethods()));
        assertEquals(Set.of(), extra, "public methods of the view beyond DockerReader");
        assertTrue(Modifier.isFinal(view.getClass().getModifiers()));
        assertTrue(view == DockerReader.readOnly(view), "a view of a view is the same view");
    }

    @Test
    void everyDockerModulePlansWithAReaderAndAReadOnlyHost() throws NoSuchMethodException {
        List<String> checked = new ArrayList<>();
        for (Module<?> module : ServiceLoader.load(Module.class)) {
            if (!(module instanceof DockerModule<?>)) continue;
            Method plan = planMethod(module.getClass());
            List<Class<?>> types = Arrays.asList(plan.getParameterTypes());
            assertEquals(HostView.class, types.get(1), module.info().name());
            assertEquals(DockerReader.class, types.get(2), module.info().name());
            assertFalse(types.contains(DockerEndpoint.class) || types.contains(HostSession.class), module.info().name());
            checked.add(module.info().name());
        }
        assertTrue(checked.containsAll(List.of("docker_container", "docker_image", "docker_network", "docker_volume",
                "docker_copy", "docker_exec", "docker_prune")), checked.toString());
        Method abstractPlan = DockerModule.class.getDeclaredMethod("plan", Object.class, HostView.class, DockerReader.class);
        assertTrue(Modifier.isAbstract(abstractPlan.getModifiers()));
    }

    @Test
    void theHostAPlanGetsCannotWrite() {
        assertFalse(HostSession.class.isAssignableFrom(ReadOnlyHost.class));
        assertTrue(Modifier.isFinal(ReadOnlyHost.class.getModifiers()));
        Set<String> methods = names(ReadOnlyHost.class.getMethods());
        assertFalse(methods.contains("run") || methods.contains("write"), methods.toString());
    }

    private static Method planMethod(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals("plan") && m.getParameterCount() == 3 && !m.isBridge()) return m;
            }
        }
        throw new AssertionError(type + " has no plan(args, host, docker)");
    }

    private static Set<String> names(Method[] methods) {
        Set<String> names = new TreeSet<>();
        for (Method m : methods) names.add(m.getName());
        return names;
    }
}
