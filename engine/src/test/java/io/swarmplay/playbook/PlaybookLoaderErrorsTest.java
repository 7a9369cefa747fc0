package io.swarmplay.playbook;

import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every load-time validation, golden-tested as the user sees it. */
class PlaybookLoaderErrorsTest {

    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();

    private String errors(String yaml) {
        PlaybookLoader.load(TestFiles.write(dir, "site.yml", yaml), TestModules.registry(), diagnostics);
        assertTrue(diagnostics.hasErrors(), "expected errors");
        return TestFiles.render(diagnostics, dir);
    }

    private String taskErrors(String tasksYaml) {
        return errors("- hosts: all\n  tasks:\n" + tasksYaml.indent(4));
    }

    @Test
    void retriesAndDelayThatAreNotNumbersAreLoadErrorsAtTheirLine() {
        assertEquals("""
                ERROR! expected a whole number from 0 to 2147483647 for 'retries', found string 'x'
                 --> site.yml:5:16
                  |
                5 |       retries: "x"
                  |                ^^^

                ERROR! expected a number of seconds from 0 to 2147483647 for 'delay', found number '-1'
                 --> site.yml:6:14
                  |
                6 |       delay: -1
                  |              ^^

                ERROR! expected a whole number from 0 to 2147483647 for 'retries', found number '99999999999'
                 --> site.yml:9:16
                  |
                9 |       retries: 99999999999
                  |                ^^^^^^^^^^^""",
                taskErrors("- command: \"true\"\n  until: false\n  retries: \"x\"\n  delay: -1\n"
                        + "- command: \"true\"\n  until: false\n  retries: 99999999999\n  delay: \"{{ d }}\"\n"));
    }

    @Test
    void unknownModule() {
        assertEquals("""
                ERROR! unknown module 'copyy'
                 --> site.yml:4:7
                  |
                4 |       copyy:
                  |       ^^^^^
                  = did you mean 'copy'?""", taskErrors("- name: x\n  copyy:\n    src: a\n"));
    }

    @Test
    void unknownQualifiedModuleSuggestsOnItsShortName() {
        assertEquals("""
                ERROR! unknown module 'ansible.builtin.comand'
                 --> site.yml:3:7
                  |
                3 |     - ansible.builtin.comand: ls
                  |       ^^^^^^^^^^^^^^^^^^^^^^
                  = did you mean 'command'?""", taskErrors("- ansible.builtin.comand: ls\n"));
    }

    @Test
    void twoModulesInOneTask() {
        assertEquals("""
                ERROR! task has both 'copy' and 'file'
                 --> site.yml:4:7
                  |
                4 |       file: {path: /b}
                  |       ^^^^
                  = split it into two tasks: one module per task""", taskErrors("- copy: {src: a, dest: b}\n  file: {path: /b}\n"));
    }

    @Test
    void taskWithoutModule() {
        assertEquals("""
                ERROR! task has no module
                 --> site.yml:3:7
                  |
                3 |     - name: nothing to do
                  |       ^
                  = add a module such as `command: ...`, or use block, include_tasks or import_tasks""",
                taskErrors("- name: nothing to do\n  when: x\n"));
    }

    @Test
    void unknownTaskKeywordNextToAModule() {
        assertEquals("""
                ERROR! unknown task keyword 'regsiter'
                 --> site.yml:5:7
                  |
                5 |       regsiter: out
                  |       ^^^^^^^^
                  = did you mean 'register'?""", taskErrors("- name: misspelled keyword\n  command: /bin/true\n  regsiter: out\n"));
    }

    @Test
    void unknownArgumentInMappingForm() {
        assertEquals("""
                ERROR! unknown argument 'dest_path' for module 'copy'
                 --> site.yml:6:9
                  |
                6 |         dest_path: /etc/app.conf
                  |         ^^^^^^^^^
                  = did you mean 'dest'?""", taskErrors("- name: conf\n  copy:\n    src: app.conf\n    dest_path: /etc/app.conf\n"));
    }

    @Test
    void unknownArgumentInKeyValueFormPointsIntoTheString() {
        assertEquals("""
                ERROR! unknown argument 'sorce' for module 'copy'
                 --> site.yml:3:13
                  |
                3 |     - copy: sorce=a dest=b
                  |             ^^^^^
                  = did you mean 'src'?""", taskErrors("- copy: sorce=a dest=b\n"));
    }

    @Test
    void unknownArgumentWithoutCloseMatchListsValidOnes() {
        assertEquals("""
                ERROR! unknown argument 'owner' for module 'file'
                 --> site.yml:3:24
                  |
                3 |     - file: {path: /x, owner: me}
                  |                        ^^^^^
                  = valid arguments: mode, path, state""", taskErrors("- file: {path: /x, owner: me}\n"));
    }

    @Test
    void freeTextForAModuleWithoutFreeForm() {
        assertEquals("""
                ERROR! 'world' is not key=value, and module 'debug' takes no free-form text
                 --> site.yml:3:24
                  |
                3 |     - debug: msg=hello world
                  |                        ^^^^^
                  = write `name=value` pairs (quote values with spaces: msg="hello world") or use a mapping""",
                taskErrors("- debug: msg=hello world\n"));
    }

    @Test
    void listWhereAMapWasExpected() {
        assertEquals("""
                ERROR! expected a mapping for the arguments of 'copy', found a list
                 --> site.yml:5:9
                  |
                5 |         - src: a
                  |         ^
                  = write `key: value` lines without a leading '- '""", taskErrors("- name: x\n  copy:\n    - src: a\n    - dest: b\n"));
    }

    @Test
    void playWithoutHosts() {
        assertEquals("""
                ERROR! play has no 'hosts'
                 --> site.yml:1:3
                  |
                1 | - name: setup
                  |   ^
                  = add `hosts: all`, a group or a host name""", errors("- name: setup\n  tasks: []\n"));
    }

    @Test
    void badHostPattern() {
        assertEquals("""
                ERROR! bad host pattern 'web:&': '&' needs a group or host name after it
                 --> site.yml:1:10
                  |
                1 | - hosts: web:&
                  |          ^^^^^""", errors("- hosts: web:&\n"));
    }

    @Test
    void missingVarsFile() {
        TestFiles.write(dir, "vars/ok.yml", "a: 1\n");
        assertEquals("""
                ERROR! vars file 'vars/missing.yml' does not exist
                 --> site.yml:4:7
                  |
                4 |     - vars/missing.yml
                  |       ^^^^^^^^^^^^^^^^
                  = paths are relative to the directory of the file that names them""",
                errors("- hosts: all\n  vars_files:\n    - vars/ok.yml\n    - vars/missing.yml\n"));
    }

    @Test
    void missingImportTasksFile() {
        assertEquals("""
                ERROR! tasks file 'tasks/nope.yml' does not exist
                 --> site.yml:3:21
                  |
                3 |     - import_tasks: tasks/nope.yml
                  |                     ^^^^^^^^^^^^^^
                  = paths are relative to the directory of the file that names them""", taskErrors("- import_tasks: tasks/nope.yml\n"));
    }

    @Test
    void aMissingFileOfADynamicIncludeIsNoLoadError() {
        PlaybookLoader.load(TestFiles.write(dir, "site.yml", """
                - hosts: all
                  tasks:
                    - include_tasks: gone.yml
                    - include_role: {name: gone}
                """), TestModules.registry(), diagnostics);
        assertEquals(java.util.List.of(), diagnostics.all(), "the hosts that run them fail; a false `when` skips them");
    }

    @Test
    void errorsInImportedFilesPointIntoThem() {
        TestFiles.write(dir, "tasks/bad.yml", "- name: inner\n  copy: {src: a, dest_path: b}\n");
        assertEquals("""
                ERROR! unknown argument 'dest_path' for module 'copy'
                 --> tasks/bad.yml:2:18
                  |
                2 |   copy: {src: a, dest_path: b}
                  |                  ^^^^^^^^^
                  = did you mean 'dest'?""", taskErrors("- import_tasks: tasks/bad.yml\n- import_tasks: tasks/bad.yml\n"));
    }

    @Test
    void importCycle() {
        TestFiles.write(dir, "a.yml", "- import_tasks: b.yml\n");
        TestFiles.write(dir, "b.yml", "- import_tasks: a.yml\n");
        assertEquals("""
                ERROR! import cycle: a.yml -> b.yml -> a.yml
                 --> b.yml:1:17
                  |
                1 | - import_tasks: a.yml
                  |                 ^
                  = remove the import that closes the cycle""", taskErrors("- import_tasks: a.yml\n"));
    }

    @Test
    void taskKeywordAtPlayLevel() {
        assertEquals("""
                ERROR! 'when' is not a valid attribute for a Play
                 --> site.yml:2:3
                  |
                2 |   when: x
                  |   ^^^^
                  = 'when' belongs to a task: put it under `tasks:`""", errors("- hosts: all\n  when: x\n"));
    }

    @Test
    void misspelledPlayKeyword() {
        assertEquals("""
                ERROR! 'tsks' is not a valid attribute for a Play
                 --> site.yml:2:3
                  |
                2 |   tsks: []
                  |   ^^^^
                  = did you mean 'tasks'?""", errors("- hosts: all\n  tsks: []\n"));
    }

    @Test
    void theLegacyIncludeOfAPlaybookIsNotAPlayAttribute() {
        assertEquals("""
                ERROR! 'include' is not a valid attribute for a Play
                 --> site.yml:1:3
                  |
                1 | - include: other.yml
                  |   ^^^^^^^
                  = include a playbook with import_playbook""", errors("- include: other.yml\n"));
    }

    @Test
    void aBlockInsideAHandlersBlockIsAnsiblesParseErrorWhileTheOuterBlockIsAllowed() {
        assertEquals("""
                ERROR! Using a block as a handler is not supported.
                 --> site.yml:6:11
                  |
                6 |         - block:
                  |           ^
                  = list the handler's tasks directly under the block, or put them in a tasks file the handler includes""",
                errors("""
                        - hosts: all
                          handlers:
                            - name: outer
                              block:
                                - debug: {msg: fine}
                                - block:
                                    - debug: {msg: nested}
                        """));
    }

    @Test
    void aRoleCannotBeAHandler() {
        assertEquals("""
                ERROR! Using 'include_role' as a handler is not supported.
                 --> site.yml:3:7
                  |
                3 |     - name: h
                  |       ^
                  = notify a handler that is a module call, or include a tasks file with include_tasks""",
                errors("- hosts: all\n  handlers:\n    - name: h\n      include_role: {name: r}\n"));
    }

    @Test
    void blockRejectsTaskOnlyKeywordsAndOrphanRescue() {
        assertEquals("""
                ERROR! 'register' is not allowed on a block
                 --> site.yml:5:7
                  |
                5 |       register: r
                  |       ^^^^^^^^
                  = move it to the tasks inside the block

                ERROR! 'rescue' needs a 'block' in the same task
                 --> site.yml:6:7
                  |
                6 |     - rescue: []
                  |       ^^^^^^
                  = put the tasks to try under `block:`

                ERROR! task has no module
                 --> site.yml:6:7
                  |
                6 |     - rescue: []
                  |       ^
                  = add a module such as `command: ...`, or use block, include_tasks or import_tasks""",
                taskErrors("- block:\n    - debug: {msg: a}\n  register: r\n- rescue: []\n"));
    }

    @Test
    void listenOutsideHandlers() {
        assertEquals("""
                ERROR! 'listen' is only valid on handlers
                 --> site.yml:4:7
                  |
                4 |       listen: topic
                  |       ^^^^^^
                  = move this task under the play's 'handlers:'""", taskErrors("- debug: {msg: a}\n  listen: topic\n"));
    }

    @Test
    void badBooleanAndRegisterName() {
        assertEquals("""
                [WARNING]: expected true or false for 'ignore_errors', found string 'maybe'; the task fails when it runs, as in Ansible
                 --> site.yml:4:22
                  |
                4 |       ignore_errors: maybe
                  |                      ^^^^^

                ERROR! 'my-out' is not a valid variable name for 'register'
                 --> site.yml:5:17
                  |
                5 |       register: my-out
                  |                 ^^^^^^
                  = use letters, digits and underscores, starting with a letter""",
                taskErrors("- debug: {msg: a}\n  ignore_errors: maybe\n  register: my-out\n"));
        // a scalar that is not a boolean fails the task when it runs, as in Ansible (see TemplatedKeywordsTest)
    }

    @Test
    void aTemplatedRegisterIsWarnedAsAnsibleDoesThenUsedAsWritten() {
        assertEquals("""
                [WARNING]: "register" is not templatable, but we found: {{ x }}, it will not be templated and will be used "as is".
                 --> site.yml:4:17
                  |
                4 |       register: "{{ x }}"
                  |                 ^^^^^^^^^

                ERROR! '{{ x }}' is not a valid variable name for 'register'
                 --> site.yml:4:17
                  |
                4 |       register: "{{ x }}"
                  |                 ^^^^^^^^^
                  = use letters, digits and underscores, starting with a letter""",
                taskErrors("- debug: {msg: a}\n  register: \"{{ x }}\"\n"));
    }

    @Test
    void aLiteralBooleanKeywordIsCheckedAtLoadWhileATemplatedOneWaitsForTheRun() {
        assertEquals("""
                ERROR! expected true or false for 'become', found a list
                 --> site.yml:6:15
                  |
                6 |       become: [maybe]
                  |               ^

                [WARNING]: expected true or false for 'check_mode', found string 'maybe'; the task fails when it runs, as in Ansible
                 --> site.yml:8:19
                  |
                8 |       check_mode: maybe
                  |                   ^^^^^""",
                taskErrors("- debug: {msg: a}\n  ignore_errors: \"{{ flag }}\"\n  no_log: \"{{ x | default(omit) }}\"\n"
                        + "  become: [maybe]\n  diff: \"{{ 'maybe' }}\"\n  check_mode: maybe\n"));
    }

    @Test
    void aPlayWithAnEmptyHostsListIsRefusedAsInAnsible() {
        assertTrue(errors("- hosts: []\n  tasks: []\n").startsWith("ERROR! Hosts list cannot be empty. Please check your playbook\n"),
                errors("- hosts: []\n  tasks: []\n"));
    }

    @Test
    void aPlaybookThatIsAnEmptyListIsRefusedAsInAnsible() {
        // the path is absolute, as Ansible's unfrackpath gives it; the test's rendering shows it relative
        assertTrue(errors("[]\n").startsWith("ERROR! A playbook must contain at least one play: site.yml\n"), errors("[]\n"));
    }

    @Test
    void playbookThatIsAMappingOrATasksFile() {
        assertEquals("""
                ERROR! a playbook is a list of plays, found a mapping
                 --> site.yml:1:1
                  |
                1 | hosts: all
                  | ^
                  = start each play with `- hosts: ...`""", errors("hosts: all\n"));
    }

    @Test
    void tasksFileGivenAsPlaybook() {
        assertEquals("""
                ERROR! this looks like a task, not a play
                 --> site.yml:1:3
                  |
                1 | - name: a task
                  |   ^
                  = a playbook is a list of plays: put tasks under `- hosts: ...` / `tasks:`, or import this file with import_tasks""",
                errors("- name: a task\n  command: ls\n"));
    }

    @Test
    void yamlErrorsOfEveryFileAreCollectedTogether() {
        TestFiles.write(dir, "t.yml", "- debug:\n    msg: {{ x }}\n");
        String out = taskErrors("- import_tasks: t.yml\n- copyy: {}\n");
        assertEquals("""
                ERROR! a value starts with an unquoted '{{'
                 --> t.yml:2:10
                  |
                2 |     msg: {{ x }}
                  |          ^^
                  = quote the whole value: key: "{{ var }}"

                ERROR! unknown module 'copyy'
                 --> site.yml:4:7
                  |
                4 |     - copyy: {}
                  |       ^^^^^
                  = did you mean 'copy'?""", out);
    }

    @Test
    void loopNeedsAListOrATemplate() {
        assertEquals("""
                ERROR! 'loop' needs a list or a template that gives one, found a string
                 --> site.yml:4:13
                  |
                4 |       loop: packages
                  |             ^^^^^^^^
                  = write `loop: [a, b]` or `loop: "{{ my_list }}"`""", taskErrors("- debug: {msg: a}\n  loop: packages\n"));
    }

    @Test
    void unknownLoopControlOption() {
        assertEquals("""
                ERROR! unknown loop_control option 'loopvar'
                 --> site.yml:5:9
                  |
                5 |         loopvar: pkg
                  |         ^^^^^^^
                  = did you mean 'loop_var'?""", taskErrors("- debug: {msg: a}\n  loop_control:\n    loopvar: pkg\n"));
    }

    @Test
    void importTasksCannotLoopOrUseVariablesUnknownWhenThePlaybookLoads() {
        TestFiles.write(dir, "t.yml", "- debug: {msg: a}\n");
        assertEquals("""
                ERROR! import_tasks cannot loop
                 --> site.yml:4:7
                  |
                4 |       loop: [1, 2]
                  |       ^^^^
                  = use include_tasks to repeat a tasks file

                ERROR! Error when evaluating variable in import path: {{ f }}.yml.

                When using static imports, ensure that any variables used in their names are defined in vars/vars_files
                or extra-vars passed in from the command line. Static imports cannot use variables from facts or inventory
                sources like group or host vars.
                 --> site.yml:5:21
                  |
                5 |     - import_tasks: "{{ f }}.yml"
                  |                     ^^^^^^^^^^^^^
                  = use include_tasks for a file name that uses such variables""",
                taskErrors("- import_tasks: t.yml\n  loop: [1, 2]\n- import_tasks: \"{{ f }}.yml\"\n"));
    }

    @Test
    void serialAndMaxFailPercentageMustBeNumbersOrPercentages() {
        assertEquals("""
                ERROR! 'serial' takes a number of hosts, a percentage such as 30% or a list of them
                 --> site.yml:2:15
                  |
                2 |   serial: [1, many]
                  |               ^^^^
                  = write `serial: 2`, `serial: "30%"` or `serial: [1, 5, "50%"]`

                ERROR! 'max_fail_percentage' takes a number from 0 to 100
                 --> site.yml:3:24
                  |
                3 |   max_fail_percentage: 150
                  |                        ^^^
                  = write `max_fail_percentage: 30`""",
                errors("- hosts: all\n  serial: [1, many]\n  max_fail_percentage: 150\n  tasks: []\n"));
    }

    @Test
    void notifyOnAnIncludeIsAnErrorAsInAnsible() {
        assertEquals("""
                ERROR! 'notify' is not a valid keyword for include_tasks
                 --> site.yml:4:7
                  |
                4 |       notify: restart
                  |       ^^^^^^
                  = include_tasks passes only its vars to the included tasks: put 'notify' on those tasks, or use import_tasks, whose tasks inherit it""",
                taskErrors("- include_tasks: \"{{ f }}\"\n  notify: restart\n"));
    }

    @Test
    void unknownKeywordOnAnInclude() {
        assertEquals("""
                ERROR! unknown include_tasks keyword 'whne'
                 --> site.yml:4:7
                  |
                4 |       whne: x
                  |       ^^^^
                  = did you mean 'when'?""", taskErrors("- include_tasks: \"{{ f }}\"\n  whne: x\n"));
    }

    @Test
    void unknownModuleWithoutCloseMatchListsTheModules() {
        assertEquals("""
                ERROR! unknown module 'slurp'
                 --> site.yml:3:7
                  |
                3 |     - slurp: {src: /etc/motd}
                  |       ^^^^^
                  = available modules: command, copy, debug, docker_container, file, set_fact, shell""",
                taskErrors("- slurp: {src: /etc/motd}\n"));
    }

    @Test
    void anOrderAnsibleDoesNotKnowIsALoadError() {
        assertEquals("""
                ERROR! Invalid 'order' specified for inventory hosts: sortd
                 --> site.yml:2:10
                  |
                2 |   order: sortd
                  |          ^^^^^
                  = did you mean 'sorted'?""",
                errors("- hosts: all\n  order: sortd\n  tasks: []\n"));
    }

    @Test
    void asyncAndPollTakeWholeSeconds() {
        assertEquals("""
                ERROR! expected a whole number from 0 to 2147483647 for 'async', found string 'soon'
                 --> site.yml:4:14
                  |
                4 |       async: soon
                  |              ^^^^""",
                taskErrors("- command: sleep 1\n  async: soon\n  poll: 0\n"));
    }

    @Test
    void aLiteralThrottleThatIsNotAWholeNumberIsALoadErrorOnTasksBlocksAndPlays() {
        assertEquals("""
                ERROR! expected a whole number from 0 to 2147483647 for 'throttle', found string 'two'
                 --> site.yml:5:17
                  |
                5 |       throttle: two
                  |                 ^^^

                ERROR! expected a whole number from 0 to 2147483647 for 'throttle', found number '1.5'
                 --> site.yml:2:13
                  |
                2 |   throttle: 1.5
                  |             ^^^""",
                errors("- hosts: all\n  throttle: 1.5\n  tasks:\n    - block: [{debug: {msg: x}, throttle: \"{{ n }}\"}]\n      throttle: two\n"));
    }

    @Test
    void aModuleThatIsAPythonPluginOfTheRoleOrPlaybookSaysSwarmplayCannotRunIt() {
        TestFiles.write(dir, "action_plugins/shell_no_failed.py", "# an action plugin\n");
        assertEquals("""
                ERROR! 'shell_no_failed' is an Ansible Python action plugin (action_plugins/shell_no_failed.py): swarmplay runs Python filter and test plugins only, not Python modules, action or lookup plugins
                 --> site.yml:3:7
                  |
                3 |     - shell_no_failed: echo hi
                  |       ^^^^^^^^^^^^^^^
                  = use a built-in module instead (swarmplay doc lists them)""",
                taskErrors("- shell_no_failed: echo hi\n"));
    }

    @Test
    void aModuleInLibraryIsNamedAPythonModule() {
        TestFiles.write(dir, "library/my_mod.py", "# a module\n");
        assertTrue(taskErrors("- my_mod: x=1\n").startsWith(
                "ERROR! 'my_mod' is an Ansible Python module (library/my_mod.py): swarmplay runs Python filter and test plugins only"),
                taskErrors("- my_mod: x=1\n"));
    }

    @Test
    void playAndBlockSectionsThatAreNotListsGiveAnsiblesMessages() {
        assertTrue(errors("- hosts: all\n  tasks: 123\n").startsWith(
                "ERROR! A malformed block was encountered while loading tasks: 123 should be a list or None but is <class 'int'>\n"
                        + " --> site.yml:2:10"));
    }

    @Test
    void tasksThatAreAMappingShowItAsAnsiblesLoaderTypesIt() {
        assertTrue(errors("- hosts: all\n  tasks: {a: 1}\n").startsWith("ERROR! A malformed block was encountered while loading tasks: "
                + "{'a': 1} should be a list or None but is <class 'ansible.parsing.yaml.objects.AnsibleMapping'>"));
    }

    @Test
    void everySectionThatIsNotAListSaysWhichInAnsiblesWords() {
        String all = errors("""
                - hosts: all
                  pre_tasks: 1
                  post_tasks: x
                  handlers: 3
                  roles: 4
                  tasks:
                    - block: 5
                    - block: []
                      rescue: 6
                      always: 7
                """);
        for (String m : List.of("A malformed block was encountered while loading pre_tasks\n",
                "A malformed block was encountered while loading post_tasks\n",
                "A malformed block was encountered while loading handlers\n",
                "A malformed role declaration was encountered.\n",
                "A malformed block was encountered while loading a block\n",
                "A malformed block was encountered while loading rescue.\n",
                "A malformed block was encountered while loading always\n")) {
            assertTrue(all.contains("ERROR! " + m), m + " in " + all);
        }
    }

    @Test
    void anOldStyleRoleRequirementIsAnsiblesError() {
        assertTrue(errors("- hosts: all\n  roles:\n    - foo,bar\n").startsWith(
                "ERROR! Invalid old style role requirement: foo,bar\n --> site.yml:3:7"));
    }

    @Test
    void aVarsPromptKeyAnsibleDoesNotKnowIsAnError() {
        assertTrue(errors("- hosts: all\n  vars_prompt:\n    - name: x\n      foo: 1\n").startsWith(
                "ERROR! Invalid vars_prompt data structure, found unsupported key 'foo'\n --> site.yml:4:7"));
    }
}
