package io.swarmplay.playbook;

import io.swarmplay.source.Diagnostics;
import io.swarmplay.source.SourcePosition;
import io.swarmplay.source.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaybookLoaderTest {

    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();
    private final PlaybookLoader loader = new PlaybookLoader(TestModules.registry());

    private Playbook load(String yaml) {
        Playbook playbook = loader.load(TestFiles.write(dir, "site.yml", yaml), diagnostics);
        assertFalse(diagnostics.hasErrors(), () -> TestFiles.render(diagnostics, dir));
        return playbook;
    }

    private Task onlyTask(String tasksYaml) {
        Play play = load("- hosts: all\n  tasks:\n" + tasksYaml.indent(4)).plays().get(0);
        assertEquals(1, play.tasks().size());
        return (Task) play.tasks().get(0);
    }

    @Test
    void readsEveryPlayKeyword() {
        TestFiles.write(dir, "vars/common.yml", "a: 1\n");
        Play play = load("""
                - name: deploy
                  hosts: web:&prod
                  vars: {x: 1}
                  vars_files: [vars/common.yml, "vars/{{ env }}.yml"]
                  pre_tasks: [{debug: {msg: pre}}]
                  tasks: [{debug: {msg: main}}]
                  post_tasks: [{debug: {msg: post}}]
                  handlers: [{name: restart, debug: {msg: h}}]
                  any_errors_fatal: true
                  serial: 2
                  gather_facts: no
                  environment: {LANG: C}
                  tags: [deploy, web]
                  connection: local
                  become: yes
                  become_user: app
                  strategy: linear
                """).plays().get(0);
        assertEquals("deploy", play.name());
        assertEquals("web:&prod", play.hosts());
        assertEquals(Map.of("x", 1), play.vars());
        assertEquals(List.of("vars/common.yml", "vars/{{ env }}.yml"), play.varsFiles());
        assertEquals(List.of("pre", "main", "post"), List.of(((Task) play.preTasks().get(0)).args().get("msg"),
                ((Task) play.tasks().get(0)).args().get("msg"), ((Task) play.postTasks().get(0)).args().get("msg")));
        assertEquals("restart", play.handlers().get(0).task().name());
        assertTrue(play.anyErrorsFatal().isTrue());
        assertEquals(List.of(2), play.serial());
        assertFalse(play.gatherFacts().isTrue());
        assertEquals(Map.of("LANG", "C"), play.environment());
        assertEquals(Set.of("deploy", "web"), play.tags());
        assertEquals("local", play.connection());
        assertTrue(play.become().isTrue());
        assertEquals("app", play.becomeUser());
        assertEquals(dir, play.dir());
        assertEquals(new SourcePosition(dir.resolve("site.yml"), 1, 3), play.at());
        assertTrue(diagnostics.all().isEmpty(), diagnostics.all().toString());
    }

    @Test
    void playDefaultsAndUnnamedPlayIsNamedAfterItsHosts() {
        Play play = load("- hosts: [web, db]\n").plays().get(0);
        assertEquals("web,db", play.hosts());
        assertEquals("web,db", play.name());
        assertTrue(play.gatherFacts().isTrue());
        assertNull(play.become().get());
        assertEquals(List.of(), play.tasks());
    }

    @Test
    void readsEveryTaskKeyword() {
        Task t = onlyTask("""
                - name: install
                  copy: {src: a, dest: b}
                  when: [x == 1, true]
                  loop: [1, 2]
                  loop_control: {loop_var: pkg, label: "{{ pkg }}", index_var: i}
                  register: out
                  changed_when: false
                  failed_when: out.rc > 1
                  ignore_errors: yes
                  until: out is succeeded
                  retries: 5
                  delay: "{{ d }}"
                  no_log: true
                  tags: a, b
                  notify: [restart, reload]
                  vars: {v: 1}
                  run_once: true
                  delegate_to: "{{ groups.db[0] }}"
                  check_mode: false
                  environment: {PATH: /bin}
                  timeout: 30
                  become: true
                  become_user: root
                  diff: false
                """);
        TaskOptions o = t.options();
        assertEquals("install", t.name());
        assertEquals("copy", t.module());
        assertEquals(Map.of("src", "a", "dest", "b"), t.args());
        assertEquals(List.of("x == 1", "True"), o.when());
        assertEquals(List.of(1, 2), o.loop());
        assertEquals(new LoopControl("pkg", "{{ pkg }}", "i"), o.loopControl());
        assertEquals("out", o.register());
        assertEquals(List.of("False"), o.changedWhen());
        assertEquals(List.of("out.rc > 1"), o.failedWhen());
        assertTrue(o.ignoreErrors().isTrue());
        assertEquals(List.of("out is succeeded"), o.until());
        assertEquals(5, o.retries());
        assertEquals("{{ d }}", o.delay());
        assertTrue(o.noLog().isTrue());
        assertEquals(Set.of("a", "b"), o.tags());
        assertEquals(List.of("restart", "reload"), o.notifies());
        assertEquals(Map.of("v", 1), o.vars());
        assertTrue(o.runOnce().isTrue());
        assertEquals("{{ groups.db[0] }}", o.delegateTo());
        assertEquals(false, o.checkMode().get());
        assertEquals(Map.of("PATH", "/bin"), o.environment());
        assertEquals(30, o.timeout());
        assertEquals(true, o.become().get());
        assertEquals("root", o.becomeUser());
        assertEquals(false, o.diff().get());
    }

    @Test
    void unnamedTaskIsNamedAfterItsModuleAndKeepsArgumentPositions() {
        Task t = onlyTask("- ansible.builtin.copy:\n    src: a\n    dest: b\n");
        assertEquals("ansible.builtin.copy", t.name());
        assertEquals(new SourcePosition(dir.resolve("site.yml"), 5, 9), t.argsAt().get("dest"));
        assertEquals(new SourcePosition(dir.resolve("site.yml"), 3, 7), t.at());
        assertEquals("docker_container", TestModules.registry().find("community.docker.docker_container")
                .orElseThrow().info().name());
    }

    @Test
    void keyValueStringFormSplitsArgumentsAndUnquotes() {
        Task t = onlyTask("- copy: src=a.conf dest=\"/etc/my app.conf\" mode='0644'\n");
        assertEquals(Map.of("src", "a.conf", "dest", "/etc/my app.conf", "mode", "0644"), t.args());
        assertEquals(new SourcePosition(dir.resolve("site.yml"), 3, 24), t.argsAt().get("dest"));
    }

    @Test
    void freeFormKeepsTheTextAndTakesOnlyTheModulesOwnKeys() {
        assertEquals(Map.of("cmd", "ls -l", "chdir", "/tmp"), onlyTask("- command: ls -l chdir=/tmp\n").args());
        assertEquals(Map.of("cmd", "echo a=b  |  tee 'x y'"), onlyTask("- shell: echo a=b  |  tee 'x y'\n").args());
        assertEquals(Map.of("cmd", "sh -c 'head -c 2048 /dev/urandom | base64 > f'", "creates", "f"),
                onlyTask("- command: sh -c 'head -c 2048 /dev/urandom | base64 > f'\n  args:\n    creates: f\n").args());
        assertEquals(Map.of("cmd", "echo {{ a | default('x y') }}"), onlyTask("- shell: echo {{ a | default('x y') }}\n").args());
    }

    @Test
    void metaAndSetFactTakeAnything() {
        assertEquals(Map.of("_raw", "flush_handlers"), onlyTask("- meta: flush_handlers\n").args());
        assertEquals(Map.of("a", "1", "b", "two words"), onlyTask("- set_fact: a=1 b=\"two words\"\n").args());
        assertEquals(Map.of("anything", List.of(1)), onlyTask("- set_fact: {anything: [1]}\n").args());
    }

    @Test
    void argsKeywordIsMergedUnderTheModulesOwnArguments() {
        Task t = onlyTask("- copy: {src: a}\n  args: {src: ignored, dest: b}\n");
        assertEquals(Map.of("src", "a", "dest", "b"), t.args());
    }

    @Test
    void collectionsOfImplementedModulesAreAcceptedOthersWarned() {
        load("- hosts: all\n  collections: [community.docker]\n  tasks:\n    - debug: {msg: a}\n");
        assertEquals(List.of(), diagnostics.warnings());
        load("- hosts: all\n  collections: [community.general, ansible.builtin]\n  tasks: []\n");
        assertEquals(List.of("collection 'community.general' is not available: swarmplay implements modules of "
                        + "community.docker, ansible.builtin, ansible.legacy"),
                diagnostics.warnings().stream().map(d -> d.summary()).toList());
    }

    @Test
    void templatedStaticKeywordsGetAnsiblesNotTemplatableWarning() {
        load("- hosts: all\n  collections: [\"{{ c }}\"]\n  tasks:\n    - debug: {msg: a}\n");
        assertEquals(List.of("\"collections\" is not templatable, but we found: {{ c }}, it will not be templated and will "
                        + "be used \"as is\"."),
                diagnostics.warnings().stream().map(d -> d.summary()).toList());
    }

    @Test
    void conditionsWithRedundantBracesAreKeptWithAWarning() {
        Task t = onlyTask("- debug: {msg: x}\n  when: \"{{ ready }}\"\n");
        assertEquals(List.of("{{ ready }}"), t.options().when());
        assertEquals("conditions should not use '{{ }}': 'when' is already an expression",
                diagnostics.warnings().get(0).summary());
    }

    @Test
    void withItemsFlattensOneLevel() {
        assertEquals(List.of(1, 2, List.of(3), 4), onlyTask("- debug: {msg: x}\n  with_items: [[1, 2, [3]], 4]\n").options().loop());
        assertEquals("{{ (packages) | flatten(levels=1, skip_nulls=false) }}",
                onlyTask("- debug: {msg: x}\n  with_items: \"{{ packages }}\"\n").options().loop());
        assertEquals("{{ [(base), 'extra', ('pre-' ~ (x)), [1, true]] | flatten(levels=1, skip_nulls=false) }}",
                onlyTask("- debug: {msg: x}\n  with_items:\n    - \"{{ base }}\"\n    - extra\n    - \"pre-{{ x }}\"\n    - [1, yes]\n")
                        .options().loop());
        assertEquals(List.of("one"), onlyTask("- debug: {msg: x}\n  with_items: one\n").options().loop());
    }

    @Test
    void withDictAndWithListBecomeLoops() {
        assertEquals(List.of(Map.of("key", "a", "value", 1)), onlyTask("- debug: {msg: x}\n  with_dict: {a: 1}\n").options().loop());
        assertEquals("{{ query('dict', (users)) }}", onlyTask("- debug: {msg: x}\n  with_dict: \"{{ users }}\"\n").options().loop());
        assertEquals(List.of(List.of(1)), onlyTask("- debug: {msg: x}\n  with_list: [[1]]\n").options().loop());
        assertEquals("{{ query_terms('list', (a_dict)) }}",
                onlyTask("- debug: {msg: x}\n  with_list: \"{{ a_dict }}\"\n").options().loop(),
                "a templated with_list is checked by the list lookup at run time");
    }

    @Test
    void tagsAndNotifyAcceptStringsAndLists() {
        Task t = onlyTask("- debug: {msg: x}\n  tags: [a, 'b,c']\n  notify: restart\n");
        assertEquals(Set.of("a", "b", "c"), t.options().tags());
        assertEquals(List.of("restart"), t.options().notifies());
    }

    @Test
    void localActionDelegatesToLocalhost() {
        Task t = onlyTask("- local_action: copy src=a dest=b\n");
        assertEquals("copy", t.module());
        assertEquals(Map.of("src", "a", "dest", "b"), t.args());
        assertEquals("localhost", t.options().delegateTo());
        Task m = onlyTask("- local_action: {module: command, cmd: hostname}\n");
        assertEquals(Map.of("cmd", "hostname"), m.args());
    }

    @Test
    void handlersListenToTopics() {
        Play play = load("""
                - hosts: all
                  handlers:
                    - name: restart app
                      command: systemctl restart app
                      listen: [restart web, "reload"]
                    - name: plain
                      debug: {msg: x}
                      notify: restart web
                """).plays().get(0);
        Handler h = play.handlers().get(0);
        assertEquals(List.of("restart web", "reload"), h.listen());
        assertTrue(h.answersTo("restart app") && h.answersTo("reload"));
        assertEquals(List.of("restart web"), play.handlers().get(1).task().options().notifies());
    }

    @Test
    void blocksCarryRescueAlwaysAndTheirOptions() {
        Play play = load("""
                - hosts: all
                  tasks:
                    - name: try
                      when: x
                      become: true
                      block:
                        - debug: {msg: a}
                        - block:
                            - debug: {msg: nested}
                      rescue:
                        - debug: {msg: r}
                      always:
                        - debug: {msg: f}
                """).plays().get(0);
        Block b = (Block) play.tasks().get(0);
        assertEquals("try", b.name());
        assertEquals(2, b.block().size());
        assertInstanceOf(Block.class, b.block().get(1));
        assertEquals(1, b.rescue().size());
        assertEquals(1, b.always().size());
        assertEquals(List.of("x"), b.options().when());
        assertEquals(true, b.options().become().get());
    }

    @Test
    void includeTasksStaysDynamic() {
        TestFiles.write(dir, "tasks/setup.yml", "- debug: {msg: x}\n");
        Play play = load("""
                - hosts: all
                  tasks:
                    - include_tasks: tasks/setup.yml
                      when: x
                    - name: per env
                      include_tasks:
                        file: "tasks/{{ env }}.yml"
                """).plays().get(0);
        IncludeTasks first = (IncludeTasks) play.tasks().get(0);
        assertEquals("tasks/setup.yml", first.file());
        assertEquals(dir, first.baseDir());
        assertEquals(List.of("x"), first.options().when());
        assertEquals("include_tasks", first.name());
        assertEquals("tasks/{{ env }}.yml", ((IncludeTasks) play.tasks().get(1)).file());
    }

    @Test
    void importTasksSplicesRelativeToTheImportingFile() {
        TestFiles.write(dir, "tasks/main.yml", "- debug: {msg: one}\n- import_tasks: more.yml\n");
        TestFiles.write(dir, "tasks/more.yml", "- debug: {msg: two}\n");
        Play play = load("- hosts: all\n  tasks:\n    - import_tasks: tasks/main.yml\n    - debug: {msg: three}\n").plays().get(0);
        assertEquals(List.of("one", "two", "three"), play.tasks().stream().map(t -> ((Task) t).args().get("msg")).toList());
        assertEquals(dir.resolve("tasks/more.yml"), play.tasks().get(1).at().file());
    }

    @Test
    void importTasksWithOptionsIsWrappedInABlock() {
        TestFiles.write(dir, "t.yml", "- debug: {msg: one}\n- debug: {msg: two}\n");
        Play play = load("- hosts: all\n  tasks:\n    - import_tasks: t.yml\n      when: web\n      tags: [setup]\n      vars: {a: 1}\n")
                .plays().get(0);
        Block b = (Block) play.tasks().get(0);
        assertEquals("import_tasks: t.yml", b.name());
        assertEquals(2, b.block().size());
        assertEquals(List.of("web"), b.options().when());
        assertEquals(Set.of("setup"), b.options().tags());
        assertEquals(Map.of("a", 1), b.options().vars());
    }

    @Test
    void importPlaybookSplicesPlaysWithItsVarsAndTags() {
        TestFiles.write(dir, "sub/other.yml", "- hosts: db\n  vars: {a: 1, b: 1}\n- hosts: web\n");
        Playbook pb = load("- hosts: all\n- import_playbook: sub/other.yml\n  vars: {b: 2}\n  tags: imported\n");
        assertEquals(List.of("all", "db", "web"), pb.plays().stream().map(Play::hosts).toList());
        assertEquals(Map.of("a", 1, "b", 2), pb.plays().get(1).vars());
        assertEquals(Set.of("imported"), pb.plays().get(2).tags());
        assertEquals(dir.resolve("sub"), pb.plays().get(1).dir());
    }

    @Test
    void ignoredKeywordsWarn() {
        load("- hosts: all\n  strategy: free\n  tasks:\n    - debug: {msg: x}\n      throttle: 1\n      debugger: never\n");
        assertEquals(List.of("strategy 'free' is not supported yet; the play runs with 'linear'",
                        "'debugger' is not supported and is ignored"),
                diagnostics.warnings().stream().map(d -> d.summary()).toList());
    }

    @Test
    void tasksFileForTheRunnersIncludeTasks() {
        Path file = TestFiles.write(dir, "inc.yml", "- debug: {msg: a}\n- copyy: {}\n");
        List<TaskNode> tasks = loader.loadTasksFile(file, diagnostics);
        assertEquals(1, tasks.size());
        assertEquals("unknown module 'copyy'", diagnostics.errors().get(0).summary());
    }

    @Test
    void loadsATwoHundredTaskPlaybook() {
        // its speed is measured by bench/ (a timed assertion here would fail on a loaded machine)
        String tasks = "    - name: step\n      copy: src=a dest=b\n      when: x\n".repeat(200);
        Path file = TestFiles.write(dir, "big.yml", "- hosts: all\n  tasks:\n" + tasks);
        Diagnostics diagnostics = new Diagnostics();
        Playbook pb = loader.load(file, diagnostics);
        assertEquals(200, pb.plays().get(0).tasks().size());
        assertEquals(List.of(), diagnostics.errors());
    }
}
