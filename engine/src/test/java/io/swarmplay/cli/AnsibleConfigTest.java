package io.swarmplay.cli;

import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnsibleConfigTest {

    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();

    private static final String CFG = """
            # site settings
            [defaults]
            inventory = hosts,other
            roles_path = roles:~/shared-roles
            forks = 3 ; inline comment
            remote_user: deploy
            private_key_file = keys/id_ed25519
            timeout = 30
            host_key_checking = False
            nocows = 1

            [privilege_escalation]
            become = yes
            become_user = app

            [ssh_connection]
            ssh_args = -o UserKnownHostsFile=/tmp/kh
            """;

    private AnsibleConfig load(Map<String, String> env) {
        return AnsibleConfig.load(env, dir.resolve("cwd"), dir.resolve("home").toString(), diagnostics);
    }

    @Test
    void ansibleConfigWinsOverTheWorkingDirectoryWhichWinsOverHome() {
        Path home = TestFiles.write(dir, "home/.ansible.cfg", "[defaults]\nforks = 1\n");
        assertEquals(Optional.of(home), AnsibleConfig.find(Map.of(), dir.resolve("cwd"), dir.resolve("home").toString()));
        Path cwd = TestFiles.write(dir, "cwd/ansible.cfg", "[defaults]\nforks = 2\n");
        assertEquals(Optional.of(cwd), AnsibleConfig.find(Map.of(), dir.resolve("cwd"), dir.resolve("home").toString()));
        Path named = TestFiles.write(dir, "elsewhere/ansible.cfg", "[defaults]\nforks = 3\n");
        assertEquals(Optional.of(named), AnsibleConfig.find(Map.of("ANSIBLE_CONFIG", dir.resolve("elsewhere").toString()),
                dir.resolve("cwd"), dir.resolve("home").toString()));
        assertEquals(Optional.of(3), load(Map.of("ANSIBLE_CONFIG", named.toString())).integer(Setting.FORKS));
    }

    @Test
    void settingsReadAsTheirTypesWithPathsFromTheFilesDirectory() {
        TestFiles.write(dir, "cwd/ansible.cfg", CFG);
        AnsibleConfig config = load(Map.of());
        Path cwd = dir.resolve("cwd");
        assertEquals(List.of(cwd.resolve("hosts").toString(), cwd.resolve("other").toString()), config.paths(Setting.INVENTORY, "/h"));
        assertEquals(List.of(cwd.resolve("roles").toString(), "/h/shared-roles"), config.paths(Setting.ROLES_PATH, "/h"));
        assertEquals(Optional.of(3), config.integer(Setting.FORKS));
        Map<String, Object> defaults = config.hostVarDefaults("/h");
        assertEquals("deploy", defaults.get("ansible_user"));
        assertEquals(cwd.resolve("keys/id_ed25519").toString(), defaults.get("ansible_ssh_private_key_file"));
        assertEquals(30, defaults.get("ansible_timeout"));
        assertEquals(false, defaults.get("ansible_host_key_checking"));
        assertEquals(true, defaults.get("ansible_become"));
        assertEquals("app", defaults.get("ansible_become_user"));
        assertEquals("-o UserKnownHostsFile=/tmp/kh", defaults.get("ansible_ssh_args"));
        assertFalse(diagnostics.hasErrors());
    }

    @Test
    void theEnvironmentWinsOverTheFile() {
        TestFiles.write(dir, "cwd/ansible.cfg", CFG);
        AnsibleConfig config = load(Map.of("ANSIBLE_FORKS", "7", "ANSIBLE_REMOTE_USER", "ops", "ANSIBLE_INVENTORY", "a.ini,b.yml"));
        assertEquals(Optional.of(7), config.integer(Setting.FORKS));
        assertEquals("ops", config.hostVarDefaults("/h").get("ansible_user"));
        assertEquals(List.of("a.ini", "b.yml"), config.paths(Setting.INVENTORY, "/h"));
    }

    @Test
    void jinja2NativeIsReadFromTheDefaultsSectionAndTheEnvironment() {
        TestFiles.write(dir, "cwd/ansible.cfg", "[defaults]\njinja2_native = True\n");
        assertEquals(Optional.of(true), load(Map.of()).bool(Setting.JINJA2_NATIVE));
        assertEquals(Optional.of(false), load(Map.of("ANSIBLE_JINJA2_NATIVE", "0")).bool(Setting.JINJA2_NATIVE));
        load(Map.of()).check();
        assertTrue(diagnostics.warnings().isEmpty(), "jinja2_native is a setting swarmplay reads");
    }

    @Test
    void hashBehaviourIsReadFromTheDefaultsSectionAndTheEnvironment() {
        TestFiles.write(dir, "cwd/ansible.cfg", "[defaults]\nhash_behaviour = merge\n");
        assertEquals(Optional.of("merge"), load(Map.of()).string(Setting.HASH_BEHAVIOUR));
        assertEquals(Optional.of("replace"), load(Map.of("ANSIBLE_HASH_BEHAVIOUR", "replace")).string(Setting.HASH_BEHAVIOUR));
        load(Map.of()).check();
        assertTrue(diagnostics.warnings().isEmpty(), "hash_behaviour is a setting swarmplay reads");
    }

    @Test
    void unknownKeysAreWarningsNamingThemAndBadValuesErrorsAtTheirLine() {
        TestFiles.write(dir, "cwd/ansible.cfg", "[defaults]\nnocows = 1\nbecome = true\nforks = many\n");
        load(Map.of()).check();
        assertEquals("""
                [WARNING]: ansible.cfg: [defaults] nocows is not read by swarmplay; ignored
                 --> cwd/ansible.cfg:2:1
                  |
                2 | nocows = 1
                  | ^^^^^^
                  = swarmplay reads: [defaults] inventory, [defaults] roles_path, [defaults] forks, [defaults] host_key_checking, \
                [defaults] remote_user, [defaults] private_key_file, [defaults] timeout, [defaults] filter_plugins, \
                [defaults] test_plugins, [defaults] library, [defaults] action_plugins, [defaults] vault_password_file, \
                [defaults] vault_identity_list, [defaults] no_log, [defaults] gathering, [defaults] force_handlers, [defaults] error_on_missing_handler, \
                [defaults] fact_caching, [defaults] fact_caching_connection, [defaults] fact_caching_prefix, \
                [defaults] fact_caching_timeout, [defaults] hash_behaviour, [defaults] jinja2_native, [defaults] show_custom_stats, [privilege_escalation] become, [privilege_escalation] become_user, \
                [privilege_escalation] become_method, [ssh_connection] ssh_args

                [WARNING]: ansible.cfg: [defaults] become is not read by swarmplay; ignored
                 --> cwd/ansible.cfg:3:1
                  |
                3 | become = true
                  | ^^^^^^
                  = swarmplay reads become under [privilege_escalation], as Ansible does

                ERROR! invalid value 'many' for forks: expected a whole number
                 --> cwd/ansible.cfg:4:9
                  |
                4 | forks = many
                  |         ^^^^""", TestFiles.render(diagnostics, dir));
    }

    @Test
    void aBadEnvironmentValueNamesTheVariable() {
        load(Map.of("ANSIBLE_HOST_KEY_CHECKING", "maybe")).check();
        assertEquals("invalid value 'maybe' for host_key_checking (from environment variable ANSIBLE_HOST_KEY_CHECKING): "
                + "expected true or false", diagnostics.errors().get(0).summary());
    }

    @Test
    void aSettingOutsideAnySectionIsAnError() {
        TestFiles.write(dir, "cwd/ansible.cfg", "forks = 2\n");
        load(Map.of());
        assertTrue(diagnostics.hasErrors());
        assertEquals("ansible.cfg: a setting before any [section]", diagnostics.errors().get(0).summary());
    }
}
