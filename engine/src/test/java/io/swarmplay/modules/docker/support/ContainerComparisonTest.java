package io.swarmplay.modules.docker.support;

import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.ArgsException;
import io.swarmplay.module.ModuleException;
import io.swarmplay.modules.docker.container.Comparison;
import io.swarmplay.modules.docker.container.ContainerOptions;
import io.swarmplay.modules.docker.container.OptionContext;
import io.swarmplay.modules.docker.support.ContainerComparison.Difference;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The option table at work: declared options against inspect output, the create and update requests, comparisons. */
class ContainerComparisonTest {

    private static final Map<String, Object> IMAGE = Map.of("Id", "sha256:img",
            "Config", Map.of("Env", List.of("PATH=/bin"), "Labels", Map.of("org.image", "x"), "ExposedPorts", Map.of("8080/tcp", Map.of())));

    private static ContainerArgs args(Map<String, Object> given) {
        Map<String, Object> all = new LinkedHashMap<>(Map.of("name", "web", "image", "app:1"));
        all.putAll(given);
        return ArgsBinder.bind(ContainerArgs.class, all);
    }

    private static List<Difference> diffs(ContainerArgs args, Map<String, Object> inspect) {
        return ContainerComparison.compare(args.effective(), ContainerComparison.modes(args), context(args), inspect);
    }

    private static OptionContext context(ContainerArgs args) {
        return ContainerLifecycle.context(args, args.effective(), IMAGE, null, null);
    }

    /** A container of IMAGE: its env and exposed ports unless {@code config} says otherwise. */
    private static Map<String, Object> container(Map<String, Object> config, Map<String, Object> host) {
        Map<String, Object> all = new LinkedHashMap<>(Map.of("Env", List.of("PATH=/bin"), "ExposedPorts", Map.of("8080/tcp", Map.of())));
        all.putAll(config);
        return Map.of("Id", "id-web", "Image", "sha256:img", "Config", all, "HostConfig", host);
    }

    @Test
    void theImagesEnvAndPortsAreExpectedEvenUndeclared() {
        Map<String, Object> inspect = Map.of("Id", "id-web", "Image", "sha256:old", "Config", Map.of("Env", List.of("PATH=/usr/bin")),
                "HostConfig", Map.of());
        assertEquals(List.of("env", "exposed_ports"), diffs(args(Map.of()), inspect).stream().map(Difference::field).toList());
    }

    @Test
    void sizesCompareAsBytesAndLimitsUpdateInPlace() {
        ContainerArgs same = args(Map.of("memory", "64M", "blkio_weight", 123));
        assertEquals(List.of(), diffs(same, container(Map.of(), Map.of("Memory", 67108864, "BlkioWeight", 123))));
        List<Difference> found = diffs(args(Map.of("memory", "32M")), container(Map.of(), Map.of("Memory", 67108864)));
        assertEquals(List.of(new Difference("memory", 67108864L, 33554432L, true)), found);
    }

    @Test
    void envAndLabelsAllowWhatTheImageAndEngineAdd() {
        ContainerArgs args = args(Map.of("env", Map.of("MODE", "sn"), "labels", Map.of("role", "web")));
        Map<String, Object> inspect = container(Map.of("Env", List.of("PATH=/bin", "MODE=sn", "HOSTNAME=x"),
                "Labels", Map.of("role", "web", "org.image", "x", "io.swarmplay.config-hash", "old")), Map.of());
        assertEquals(List.of(), diffs(args, inspect));
        ContainerArgs strict = args(Map.of("env", Map.of("MODE", "sn"), "comparisons", Map.of("env", "strict")));
        assertEquals(List.of("env"), diffs(strict, inspect).stream().map(Difference::field).toList());
    }

    @Test
    void aHostRangeForOneContainerPortIsSentAsGivenAndComparedSo() {
        ContainerArgs args = args(Map.of("published_ports", List.of("9010-9050:9010")));
        Map<String, Object> exposed = Map.of("8080/tcp", Map.of(), "9010/tcp", Map.of());
        Map<String, Object> inspect = container(Map.of("ExposedPorts", exposed),
                Map.of("PortBindings", Map.of("9010/tcp", List.of(Map.of("HostIp", "0.0.0.0", "HostPort", "9010-9050")))));
        assertEquals(List.of(), diffs(args, inspect));
        ContainerArgs other = args(Map.of("published_ports", List.of("9010-9051:9010")));
        assertEquals(List.of("published_ports"), diffs(other, inspect).stream().map(Difference::field).toList());
    }

    @Test
    void aMountsReadOnlyComparesWithTheEnginesOmittedFalse() {
        Map<String, Object> writable = Map.of("Type", "bind", "Source", "/tmp", "Target", "/data");
        Map<String, Object> readOnly = Map.of("Type", "bind", "Source", "/tmp", "Target", "/data", "ReadOnly", true);
        ContainerArgs declaredWritable = args(Map.of("mounts", List.of(Map.of("type", "bind", "source", "/tmp", "target", "/data",
                "read_only", false))));
        assertEquals(List.of(), diffs(declaredWritable, container(Map.of(), Map.of("Mounts", List.of(writable)))));
        assertEquals(List.of("mounts"), diffs(declaredWritable, container(Map.of(), Map.of("Mounts", List.of(readOnly))))
                .stream().map(Difference::field).toList());
        ContainerArgs undeclared = args(Map.of("mounts", List.of(Map.of("type", "bind", "source", "/tmp", "target", "/data"))));
        assertEquals(List.of(), diffs(undeclared, container(Map.of(), Map.of("Mounts", List.of(readOnly)))));
    }

    @Test
    void aVolumeMountsNoCopyFalseMatchesTheEnginesOmittedOne() {
        ContainerArgs args = args(Map.of("mounts", List.of(Map.of("type", "volume", "source", "data", "target", "/data",
                "no_copy", false))));
        Map<String, Object> mount = Map.of("Type", "volume", "Source", "data", "Target", "/data");
        assertEquals(List.of(), diffs(args, container(Map.of(), Map.of("Mounts", List.of(mount)))));
        Map<String, Object> noCopy = Map.of("Type", "volume", "Source", "data", "Target", "/data", "VolumeOptions", Map.of("NoCopy", true));
        assertEquals(1, diffs(args, container(Map.of(), Map.of("Mounts", List.of(noCopy)))).size());
    }

    @Test
    void stopTimeoutIsIgnoredUnlessComparedStrictly() {
        Map<String, Object> inspect = container(Map.of("StopTimeout", 10), Map.of());
        assertEquals(List.of(), diffs(args(Map.of("stop_timeout", 20)), inspect));
        ContainerArgs strict = args(Map.of("stop_timeout", 20, "comparisons", Map.of("stop_timeout", "strict")));
        assertFalse(diffs(strict, inspect).get(0).updatable());
    }

    @Test
    void wildcardIgnoresEverything() {
        ContainerArgs args = args(Map.of("hostname", "a", "comparisons", Map.of("*", "ignore")));
        assertEquals(List.of(), diffs(args, container(Map.of("Hostname", "b"), Map.of())));
    }

    @Test
    void comparisonsAreCheckedAsCommunityDockerDoes() {
        assertEquals("Unknown module option 'nope' in comparisons dict!",
                assertThrows(ModuleException.class, () -> ContainerComparison.modes(args(Map.of("comparisons", Map.of("nope", "strict")))))
                        .getMessage());
        assertTrue(assertThrows(ModuleException.class, () -> ContainerComparison.modes(
                args(Map.of("comparisons", Map.of("hostname", "allow_more_present"))))).getMessage().contains("is a value"));
        assertEquals("strict", ContainerComparison.modes(args(Map.of("comparisons", Map.of("ports", "strict")))).get("published_ports"));
    }

    @Test
    void createRequestPutsEachOptionWhereTheEngineWantsIt() {
        ContainerArgs args = args(Map.of("command", "sleep 10m", "blkio_weight", 123, "published_ports", List.of("127.0.0.1:8080:80"),
                "restart_policy", "on-failure", "restart_retries", 3, "cpus", 1.5));
        Map<String, Object> body = ContainerComparison.createBody(args, args.effective(), context(args), "app:1");
        assertEquals(List.of("sleep", "10m"), body.get("Cmd"));
        @SuppressWarnings("unchecked") Map<String, Object> host = (Map<String, Object>) body.get("HostConfig");
        assertEquals(123L, host.get("BlkioWeight"));
        assertEquals(1500000000L, host.get("NanoCpus"));
        assertEquals(Map.of("Name", "on-failure", "MaximumRetryCount", 3L), host.get("RestartPolicy"));
        assertEquals(Map.of("80/tcp", List.of(Map.of("HostIp", "127.0.0.1", "HostPort", "8080"))), host.get("PortBindings"));
        assertEquals(Map.of("80/tcp", Map.of()), body.get("ExposedPorts"));
    }

    @Test
    void platformGoesIntoTheQueryAndComparesWithTheContainersPlatform() {
        ContainerArgs args = args(Map.of("platform", "linux/amd64"));
        assertEquals("linux/amd64", ContainerComparison.createBody(args, args.effective(), context(args), "app:1").get("platform"));
        Map<String, Object> inspect = new LinkedHashMap<>(container(Map.of(), Map.of()));
        inspect.put("Platform", "linux");
        assertEquals(List.of(new Difference("platform", "linux", "linux/amd64", false)), diffs(args, inspect));
        assertEquals(List.of(), diffs(args(Map.of("platform", "linux")), inspect));
    }

    @Test
    void logOptionsThatAreNotStringsAreSentAsTextWithCommunityDockersWarning() {
        ContainerArgs args = args(Map.of("log_driver", "json-file", "log_options", Map.of("max-file", 5, "compress", true, "labels", "x")));
        List<String> warnings = ContainerOptions.warnings(args.options());
        assertEquals(2, warnings.size());
        assertTrue(warnings.contains("Non-string value found for log_options option 'max-file'. The value is automatically converted to '5'. "
                + "If this is not correct, or you want to avoid such warnings, please quote the value."), warnings.toString());
        @SuppressWarnings("unchecked") Map<String, Object> host = (Map<String, Object>) ContainerComparison
                .createBody(args, args.effective(), context(args), "app:1").get("HostConfig");
        assertEquals(Map.of("Type", "json-file", "Config", Map.of("max-file", "5", "compress", "True", "labels", "x")), host.get("LogConfig"));
        assertEquals(List.of(), ContainerOptions.warnings(args(Map.of("log_driver", "json-file", "log_options", Map.of("labels", "x"))).options()));
    }

    @Test
    void strictLabelsThatWouldDropTheImagesFailWithImageLabelMismatchFail() {
        Map<String, Object> inspect = container(Map.of("Labels", Map.of("org.image", "x")), Map.of());
        ContainerArgs failing = args(Map.of("labels", Map.of(), "image_label_mismatch", "fail", "comparisons", Map.of("labels", "strict")));
        assertEquals("Some labels should be removed but are present in the base image. You can set image_label_mismatch to 'ignore' to "
                + "ignore this error. Labels: \"org.image\"", assertThrows(ModuleException.class, () -> diffs(failing, inspect)).getMessage());
        assertEquals(List.of(), diffs(args(Map.of("labels", Map.of(), "image_label_mismatch", "fail")), inspect));
        assertEquals(List.of("labels"), diffs(args(Map.of("labels", Map.of("org.image", "y"), "image_label_mismatch", "fail",
                "comparisons", Map.of("labels", "strict"))), inspect).stream().map(Difference::field).toList());
    }

    @Test
    void updateRequestHasOnlyTheUpdatableDifferences() {
        ContainerArgs args = args(Map.of("memory", "32M", "restart_retries", 2, "restart_policy", "on-failure"));
        List<Difference> found = diffs(args, container(Map.of(), Map.of("Memory", 1, "RestartPolicy", Map.of("Name", "on-failure",
                "MaximumRetryCount", 5))));
        assertEquals(Map.of("Memory", 33554432L, "RestartPolicy", Map.of("Name", "on-failure", "MaximumRetryCount", 2L)),
                ContainerComparison.updateBody(found, args.effective(), context(args)));
    }

    @Test
    void nestedOptionsBindAsRecordsWithTheirProblems() {
        ArgsException e = assertThrows(ArgsException.class, () -> args(Map.of("healthcheck", Map.of("retries", "many"))));
        assertTrue(e.getMessage().contains("'healthcheck' has a bad entry: 'retries' must be an integer"), e.getMessage());
        ArgsException unknown = assertThrows(ArgsException.class, () -> args(Map.of("blkio_wieght", 1)));
        assertEquals("did you mean 'blkio_weight'?", unknown.problems().get(0).hint());
    }

    @Test
    void healthcheckCompareInNanoseconds() {
        ContainerArgs args = args(Map.of("healthcheck", Map.of("test", "true", "interval", "1m30s")));
        Map<String, Object> inspect = container(Map.of("Healthcheck", Map.of("Test", List.of("CMD-SHELL", "true"), "Interval", 90000000000L)),
                Map.of());
        assertEquals(List.of(), diffs(args, inspect));
    }

    @Test
    void genericComparison() {
        assertTrue(Comparison.matches(List.of("a", "c"), List.of("a", "b", "c"), Comparison.MORE, Comparison.Kind.LIST));
        assertFalse(Comparison.matches(List.of("c", "a"), List.of("a", "b", "c"), Comparison.MORE, Comparison.Kind.LIST));
        assertTrue(Comparison.matches(List.of("b", "a"), List.of("a", "b"), Comparison.STRICT, Comparison.Kind.SET));
        assertTrue(Comparison.matches(null, List.of(), Comparison.STRICT, Comparison.Kind.SET));
        assertFalse(Comparison.matches(null, "x", Comparison.STRICT, Comparison.Kind.VALUE));
        assertTrue(Comparison.matches(List.of(Map.of("Name", "n")), List.of(Map.of("Name", "n", "Soft", 1)), Comparison.MORE,
                Comparison.Kind.SET_OF_DICTS));
        assertFalse(Comparison.matches(Map.of("a", "1"), Map.of("a", "1", "b", "2"), Comparison.STRICT, Comparison.Kind.DICT));
    }

    @Test
    void waitForTimeoutsReadLikeDurations() {
        assertEquals(java.time.Duration.ofSeconds(60), WaitFor.parse(java.util.Map.of("healthy", true)).timeout());
        assertEquals(java.time.Duration.ofSeconds(2), WaitFor.parse(java.util.Map.of("healthy", true, "timeout", 2)).timeout());
        assertEquals(java.time.Duration.ofMinutes(2), WaitFor.parse(java.util.Map.of("healthy", true, "timeout", "2m")).timeout());
        assertEquals(java.time.Duration.ofMillis(500), WaitFor.parse(java.util.Map.of("healthy", true, "timeout", "500ms")).timeout());
    }
}
