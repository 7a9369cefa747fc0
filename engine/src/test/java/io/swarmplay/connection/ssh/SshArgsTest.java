package io.swarmplay.connection.ssh;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SshArgsTest {

    @Test
    void ansibleCfgSshArgsAreReadBeforeTheCommonAndExtraArgs() {
        SshArgs args = SshArgs.parse(Map.of(
                "ansible_ssh_args", "-C -o ControlMaster=auto -o UserKnownHostsFile=/cfg/known -o StrictHostKeyChecking=no",
                "ansible_ssh_common_args", "-o StrictHostKeyChecking=accept-new"));
        assertEquals(List.of("/cfg/known"), args.userKnownHostsFiles());
        assertEquals("accept-new", args.strictHostKeyChecking());
    }
}
