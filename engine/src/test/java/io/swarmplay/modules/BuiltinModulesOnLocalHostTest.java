package io.swarmplay.modules;

import io.swarmplay.connection.local.LocalConnection;
import io.swarmplay.module.Action;
import io.swarmplay.module.ArgsBinder;
import io.swarmplay.module.Change;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleRegistry;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.support.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The modules and arguments added for Ansible parity, on real files in a temporary directory over the local connection. */
class BuiltinModulesOnLocalHostTest {

    private static final ModuleRegistry REGISTRY = ModuleRegistry.load();
    @TempDir
    Path dir;

    private LocalHost host() {
        return new LocalHost(new LocalConnection(), dir);
    }

    /** Plan, then apply unless there is nothing to do: the outcome a real run registers. */
    private Outcome run(String module, Map<String, Object> args) {
        return LocalModules.run(module, args, dir);
    }

    private static Map<String, Object> args(Object... keyValues) {
        return LocalModules.args(keyValues);
    }

    private String file(String name, String content) throws Exception {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        return path.toString();
    }

    @Test
    void includeVarsReadsAFileADirectoryAndNamesTheResult() throws Exception {
        file("vars/app.yml", "port: 80\nname: \"{{ x }}\"\n");
        file("extra/a_one.yml", "a: 1\n");
        file("extra/b_two.yml", "b: 2\n");
        file("extra/deeper/a_three.yml", "c: 3\n");
        assertEquals(Map.of("port", 80, "name", "{{ x }}"), run("include_vars", args("_raw", "app.yml")).facts());
        Outcome named = run("include_vars", args("dir", "extra", "files_matching", "^a_", "depth", 1, "name", "cfg"));
        assertEquals(Map.of("cfg", Map.of("a", 1)), named.facts());
        assertEquals(List.of(dir.resolve("extra/a_one.yml").toString()), named.data().get("ansible_included_var_files"));
        assertEquals(Map.of("a", 1, "b", 2, "c", 3), run("include_vars", args("dir", "extra")).facts());
    }

    @Test
    void includeVarsSaysWhatIsMissingOrWrong() throws Exception {
        file("notes.txt", "x: 1\n");
        ModuleException missing = assertThrows(ModuleException.class, () -> run("include_vars", args("file", "nope.yml")));
        assertTrue(missing.getMessage().startsWith("Could not find or access 'nope.yml'"), missing.getMessage());
        ModuleException extension = assertThrows(ModuleException.class, () -> run("include_vars", args("file", "notes.txt")));
        assertTrue(extension.getMessage().endsWith("does not have a valid extension: yaml, yml, json"), extension.getMessage());
        ModuleException unnamed = assertThrows(ModuleException.class, () -> run("include_vars", args("file", "")));
        assertEquals("Could not find file on the Ansible Controller.\n"
                + "If you are using a module and expect the file to exist on the remote, see the remote_src option", unnamed.getMessage());
        assertEquals(unnamed.getMessage(), unnamed.data().get("message"));
    }

    @Test
    void pingAnswersPongAndCrashesOnRequest() {
        assertEquals("pong", run("ping", Map.of()).data().get("ping"));
        ModuleException crash = assertThrows(ModuleException.class, () -> run("ping", args("data", "crash")));
        assertTrue(crash.getMessage().startsWith("MODULE FAILURE"));
        assertTrue(crash.data().get("module_stderr").toString().contains("Exception: boom"));
    }

    @Test
    void groupWithNonUniqueNeedsAGidAsAnsiblesRequiredIfSays() {
        ModuleException missing = assertThrows(ModuleException.class,
                () -> run("group", args("name", "swarmplay-never-made", "non_unique", true)));
        assertEquals("non_unique is True but all of the following are missing: gid", missing.getMessage());
    }

    @Test
    void gatherFactsTakesItsParallelArgument() {
        Outcome gathered = run("gather_facts", args("parallel", true, "gather_subset", List.of("distribution")));
        assertTrue(gathered.facts().containsKey("ansible_distribution"), gathered.facts().keySet().toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void statExpandsATildeAndVariablesInItsPathAsAnsiblesPathTypeDoes() {
        Map<String, Object> home = (Map<String, Object>) run("stat", args("path", "~")).data().get("stat");
        assertEquals(System.getProperty("user.home"), home.get("path"));
        assertEquals(true, home.get("isdir"));
        Map<String, Object> viaVariable = (Map<String, Object>) run("stat", args("path", "$HOME/")).data().get("stat");
        assertEquals(true, viaVariable.get("isdir"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void getentReadsADatabaseIntoItsFactSplittingColonDatabasesOnColons() {
        Outcome root = run("getent", args("database", "passwd", "key", "root", "service", "files"));
        Map<String, Object> passwd = (Map<String, Object>) root.facts().get("getent_passwd");
        assertEquals(6, ((List<Object>) passwd.get("root")).size());
        assertEquals("0", ((List<Object>) passwd.get("root")).get(1));
        assertEquals(Map.of("getent_passwd", passwd), root.facts().get("ansible_facts"));
        ModuleException missing = assertThrows(ModuleException.class,
                () -> run("getent", args("database", "passwd", "key", "no-such-user-here")));
        assertEquals("One or more supplied key could not be found in the database.", missing.getMessage());
        Outcome tolerated = run("getent", args("database", "passwd", "key", "no-such-user-here", "fail_key", false));
        Map<String, Object> none = new java.util.HashMap<>();
        none.put("no-such-user-here", null);
        assertEquals(none, tolerated.facts().get("getent_passwd"));
    }

    @Test
    void getentKeepsEveryRecordOfARepeatedKeyAndSplitsOtherDatabasesOnWhiteSpace() {
        assertEquals(Map.of("a", List.of(List.of("1"), List.of("2")), "b", List.of("3", "4")),
                GetentModule.records("a 1\na  2\n b\t3 4\n", null));
        assertEquals(Map.of("x", List.of("", "y")), GetentModule.records("x::y\n", ":"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void statGivesTheMd5OnlyWhenAsked() throws Exception {
        String path = file("hello.txt", "hello world");
        Map<String, Object> plain = (Map<String, Object>) run("stat", args("path", path)).data().get("stat");
        Map<String, Object> md5 = (Map<String, Object>) run("stat", args("path", path, "get_md5", true)).data().get("stat");
        assertFalse(plain.containsKey("md5"));
        assertEquals("5eb63bbbe01eeed093cb22bb8f5acdc3", md5.get("md5"));
        assertEquals("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed", md5.get("checksum"));
        Files.createSymbolicLink(dir.resolve("link"), Path.of(path));
        Map<String, Object> followed = (Map<String, Object>) run("stat", args("path", dir.resolve("link").toString(),
                "follow", true, "get_md5", true)).data().get("stat");
        assertEquals("5eb63bbbe01eeed093cb22bb8f5acdc3", followed.get("md5"));
        assertFalse(followed.get("attr_flags").toString().contains("5eb63"));
    }

    @Test
    void aWrittenFileRegistersAnsiblesCopyResult() {
        String dest = dir.resolve("c.txt").toString();
        Map<String, Object> data = run("copy", args("content", "hello world", "dest", dest, "mode", "0640")).data();
        assertEquals("5eb63bbbe01eeed093cb22bb8f5acdc3", data.get("md5sum"));
        assertEquals("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed", data.get("checksum"));
        assertEquals("file", data.get("state"));
        assertEquals("0640", data.get("mode"));
        assertEquals(System.getProperty("user.name"), data.get("owner"));
        assertTrue(data.get("uid") instanceof Integer && data.get("gid") instanceof Integer);
    }

    @Test
    void aSourceDirectoryIsCopiedRecursivelyAndASecondCopyChangesNothing() throws Exception {
        file("files/tree/a.txt", "a");
        file("files/tree/sub/b.txt", "b");
        String dest = dir.resolve("out").toString();
        Files.createDirectories(Path.of(dest));
        assertTrue(run("copy", args("src", "tree", "dest", dest, "directory_mode", "0700")).isChanged());
        assertEquals("b", Files.readString(Path.of(dest, "tree/sub/b.txt")));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(Path.of(dest, "tree/sub"))));
        assertFalse(run("copy", args("src", "tree", "dest", dest)).isChanged());
        assertTrue(run("copy", args("src", "tree/", "dest", dest + "/flat")).isChanged());
        assertEquals("a", Files.readString(Path.of(dest, "flat/a.txt")));
    }

    @Test
    void assembleJoinsSortedFragmentsWithNewlinesAndDelimiters() throws Exception {
        file("frags/b", "two");
        file("frags/a", "one\n");
        file("frags/.hidden", "h\n");
        String dest = dir.resolve("joined").toString();
        Outcome first = run("assemble", args("src", dir.resolve("frags").toString(), "dest", dest, "delimiter", "#--\\n",
                "ignore_hidden", true));
        assertTrue(first.isChanged());
        assertEquals("one\n#--\ntwo", Files.readString(Path.of(dest)));
        assertFalse(run("assemble", args("src", dir.resolve("frags").toString(), "dest", dest, "delimiter", "#--\\n",
                "ignore_hidden", true)).isChanged());
        run("assemble", args("src", dir.resolve("frags").toString(), "dest", dest, "regexp", "^[ab]$"));
        assertEquals("one\ntwo", Files.readString(Path.of(dest)));
        assertEquals("Source (" + dir.resolve("none") + ") does not exist", assertThrows(ModuleException.class,
                () -> run("assemble", args("src", dir.resolve("none").toString(), "dest", dest))).getMessage());
    }

    @Test
    void copyModePreserveTakesTheSourceModeAndArgumentMistakesAreAnsiblesMessages() throws Exception {
        String src = file("m.txt", "x\n");
        Files.setPosixFilePermissions(Path.of(src), java.nio.file.attribute.PosixFilePermissions.fromString("r-xr--rwx"));
        String dest = dir.resolve("m2.txt").toString();
        assertEquals("0547", run("copy", args("src", src, "dest", dest, "mode", "preserve")).data().get("mode"));
        assertEquals("0547", run("copy", args("src", src, "dest", dest + "r", "mode", "preserve", "remote_src", true))
                .data().get("mode"));
        assertEquals("src (or content) is required", assertThrows(ModuleException.class,
                () -> run("copy", args("src", "", "dest", dest))).getMessage());
        assertEquals("can not use content with a dir as dest", assertThrows(ModuleException.class,
                () -> run("copy", args("content", "x", "dest", dir.toString()))).getMessage());
    }

    @Test
    void fileRegistersThePathsModeAndOwnersChangedOrNot() throws Exception {
        String path = file("f.txt", "abc");
        Outcome changed = run("file", args("path", path, "mode", "0600"));
        assertEquals("0600", changed.data().get("mode"));
        assertTrue(changed.data().get("uid") instanceof Integer);
        Map<String, Object> same = run("file", args("path", path, "state", "file")).data();
        assertEquals("0600", same.get("mode"));
        assertEquals("file", same.get("state"));
        assertEquals(System.getProperty("user.name"), same.get("owner"));
        String missing = "file://" + dir.resolve("none.txt");
        assertTrue(assertThrows(ModuleException.class, () -> run("get_url", args("url", missing, "dest", path + ".d")))
                .getMessage().startsWith("Request failed: <urlopen error"));
    }

    @Test
    void setStatsRegistersTheStatistics() {
        Object stats = run("set_stats", args("data", Map.of("k", 1))).data().get("ansible_stats");
        assertEquals(Map.of("data", Map.of("k", 1), "per_host", false, "aggregate", true), stats);
    }

    @Test
    void rawKeepsTheOutputAsItIsAndFailsOnANonZeroCode() {
        Outcome raw = run("raw", args("_raw", "printf 'a\\n\\n'"));
        assertEquals("a\n\n", raw.data().get("stdout"));
        assertTrue(raw.isChanged());
        ModuleException failed = assertThrows(ModuleException.class, () -> run("raw", args("_raw", "exit 3")));
        assertEquals(3, failed.data().get("rc"));
    }

    @ParameterizedTest
    @CsvSource({"file, pre., .txt, false", "directory, build_, '', true"})
    void tempfileCreatesAUniqueFileOrDirectory(String state, String prefix, String suffix, boolean isDir) {
        String path = (String) run("tempfile", args("state", state, "path", dir.toString(), "prefix", prefix,
                "suffix", suffix)).data().get("path");
        Path created = Path.of(path);
        assertEquals(dir, created.getParent());
        assertTrue(created.getFileName().toString().startsWith(prefix) && path.endsWith(suffix), path);
        assertEquals(isDir, Files.isDirectory(created));
    }

    @Test
    void absentUserAndGroupAreNoOps() {
        Outcome user = run("user", args("name", "swarmplay-no-such-user", "state", "absent"));
        assertEquals(Map.of("name", "swarmplay-no-such-user", "state", "absent"), user.data());
        assertFalse(run("group", args("name", "swarmplay-no-such-group", "state", "absent")).isChanged());
    }

    @Test
    void commandWarnsAboutExecutableKeepsEndsWhenAskedAndNamesMissingCommands() {
        Outcome warned = run("command", args("cmd", "printf 'x\\n'", "executable", "/bogus", "strip_empty_ends", false));
        assertEquals("x\n", warned.data().get("stdout"));
        assertEquals(List.of("As of Ansible 2.4, the parameter 'executable' is no longer supported with the 'command'"
                + " module. Not using '/bogus'."), warned.data().get("warnings"));
        ModuleException none = assertThrows(ModuleException.class, () -> run("command", args("chdir", "/")));
        assertEquals("no command given", none.getMessage());
        assertEquals(256, none.data().get("rc"));
        assertEquals("only command or argv can be given, not both", assertThrows(ModuleException.class,
                () -> run("command", args("cmd", "echo", "argv", List.of("echo")))).getMessage());
    }

    @Test
    void waitForConnectionRegistersTheSecondsItWaitedAndChangesNothing() {
        Outcome waited = run("wait_for_connection", args("sleep", 1, "timeout", 10));
        assertFalse(waited.isChanged());
        assertTrue(waited.data().get("elapsed") instanceof Double elapsed && elapsed >= 0 && elapsed < 10, waited.data().toString());
    }

    @Test
    void aProgramThatIsNotThereFailsAsPythonsErrorWithNothingOnItsStreams() {
        ModuleException missing = assertThrows(ModuleException.class,
                () -> run("command", args("cmd", "swarmplay-no-such-program --flag")));
        assertEquals("[Errno 2] No such file or directory: b'swarmplay-no-such-program'", missing.getMessage());
        assertEquals(2, missing.data().get("rc"));
        assertEquals("", missing.data().get("stdout"));
        assertEquals("", missing.data().get("stderr"));
        assertEquals(false, missing.data().get("changed"));
        // a program that is there and exits 127 keeps its own result
        ModuleException own = assertThrows(ModuleException.class, () -> run("command", args("cmd", "sh -c 'exit 127'")));
        assertEquals(127, own.data().get("rc"));
    }

    @Test
    void commandCreatesIsAGlobAndTheSkipIsRegisteredAsAnsibleDoes() throws Exception {
        file("out/result.log", "");
        Outcome skipped = run("command", args("cmd", "false", "creates", dir + "/out/*.log"));
        assertEquals(0, skipped.data().get("rc"));
        assertEquals("Did not run command since '" + dir + "/out/*.log' exists", skipped.data().get("msg"));
        assertTrue(run("command", args("cmd", "true", "creates", dir + "/out/*.txt")).isChanged());
    }

    @Test
    void copyFromTheHostWithBackupAndValidation() throws Exception {
        String src = file("src.conf", "new\n");
        String dest = file("dest.conf", "old\n");
        Outcome copied = run("copy", args("src", src, "dest", dest, "remote_src", true, "backup", true));
        assertEquals("new\n", Files.readString(Path.of(dest)));
        assertEquals("old\n", Files.readString(Path.of((String) copied.data().get("backup_file"))));
        file("src.conf", "newer\n");
        ModuleException invalid = assertThrows(ModuleException.class,
                () -> run("copy", args("src", src, "dest", dest, "remote_src", true, "validate", "grep -q nothing %s")));
        assertEquals("failed to validate", invalid.getMessage());
        assertEquals("new\n", Files.readString(Path.of(dest)), "a failed validation leaves the file as it was");
        assertEquals("validate must contain %s: true", assertThrows(ModuleException.class,
                () -> run("copy", args("content", "x", "dest", dest, "validate", "true"))).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "backrefs on the last match   | a=1;b=2;a=3 | regexp='^a=(\\d)',line='A=\\1',backrefs=true              | a=1;b=2;A=3",
        "backrefs on the first match  | a=1;b=2;a=3 | regexp='^a=(\\d)',line='A=\\1',backrefs=true,firstmatch=true | A=1;b=2;a=3",
        "backrefs without a match     | a=1         | regexp='^z',line=z,backrefs=true                       | a=1",
        "search_string replaces       | a.1;b       | search_string=a.1,line=c                               | c;b",
        "search_string removes        | a.1;b       | search_string=a.1,state=absent                         | b",
        "insertbefore the first match | a;b;a       | line=x,insertbefore=^a                                 | x;a;b;a"})
    void lineinfileEditsAsAnsibleDoes(String name, String before, String argList, String after) throws Exception {
        String path = file("f.txt", before.replace(';', '\n') + "\n");
        Map<String, Object> args = args("path", path);
        for (String pair : argList.split(",")) {
            String[] kv = pair.split("=", 2);
            args.put(kv[0], kv[1].replaceAll("^'|'$", ""));
        }
        run("lineinfile", args);
        assertEquals(after.replace(';', '\n') + "\n", Files.readString(Path.of(path)));
    }

    @Test
    void createMakesTheMissingDirectoriesAboveANewFile() throws Exception {
        Path lines = dir.resolve("语/深/汉语.txt");
        run("lineinfile", args("path", lines.toString(), "line", "汉语", "create", true));
        assertEquals("汉语\n", Files.readString(lines));
        Path block = dir.resolve("b/c/block.txt");
        run("blockinfile", args("path", block.toString(), "block", "x", "create", true));
        assertTrue(Files.readString(block).contains("x\n"), Files.readString(block));
    }

    @Test
    void lineinfileReportsAFailedValidationInItsOwnWords() throws Exception {
        String path = file("f.txt", "a\n");
        ModuleException e = assertThrows(ModuleException.class,
                () -> run("lineinfile", args("path", path, "line", "b", "validate", "grep -q nothing %s")));
        assertEquals("failed to validate: rc:1 error:", e.getMessage());
        assertEquals("a\n", Files.readString(Path.of(path)));
    }

    @Test
    void statDescribesLinksAndTheirTargets() throws Exception {
        String target = file("t.txt", "hello\n");
        Path link = Files.createSymbolicLink(dir.resolve("l"), Path.of(target));
        @SuppressWarnings("unchecked")
        Map<String, Object> own = (Map<String, Object>) run("stat", args("path", link.toString())).data().get("stat");
        assertEquals(true, own.get("islnk"));
        assertEquals(target, own.get("lnk_target"));
        @SuppressWarnings("unchecked")
        Map<String, Object> followed = (Map<String, Object>) run("stat", args("path", link.toString(), "follow", true,
                "checksum_algorithm", "md5")).data().get("stat");
        assertEquals(true, followed.get("isreg"));
        assertEquals(6L, followed.get("size"));
        assertEquals("b1946ac92492d2347c6235b4d2611184", followed.get("checksum"));
        assertEquals(true, followed.get("readable"));
        assertEquals(Map.of("exists", false), run("stat", args("path", dir + "/none")).data().get("stat"));
    }

    @Test
    void statDescribesARegularFileAndRefusesUnknownAlgorithms() throws Exception {
        String path = file("conf", "hello");
        Files.setPosixFilePermissions(Path.of(path), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        @SuppressWarnings("unchecked")
        Map<String, Object> stat = (Map<String, Object>) run("stat", args("path", path)).data().get("stat");
        assertEquals("0640", stat.get("mode"));
        assertEquals(List.of(true, false, false, true, false, false), List.of(stat.get("isreg"), stat.get("isdir"),
                stat.get("islnk"), stat.get("rgrp"), stat.get("wgrp"), stat.get("roth")));
        assertEquals(System.getProperty("user.name"), stat.get("pw_name"));
        assertEquals("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", stat.get("checksum"));
        io.swarmplay.module.ArgsException bad = assertThrows(io.swarmplay.module.ArgsException.class,
                () -> run("stat", args("path", path, "checksum_algorithm", "crc")));
        assertTrue(bad.getMessage().contains("must be one of: sha1, md5, sha224, sha256, sha384, sha512"), bad.getMessage());
    }

    @Test
    void fileMakesHardLinksAndSetsTimesOnce() throws Exception {
        String target = file("t.txt", "x");
        String hard = dir.resolve("h").toString();
        assertTrue(run("file", args("path", hard, "src", target, "state", "hard")).isChanged());
        assertTrue(Files.isSameFile(Path.of(hard), Path.of(target)));
        assertFalse(run("file", args("path", hard, "src", target, "state", "hard")).isChanged());
        Map<String, Object> times = args("path", target, "modification_time", "202001011200.00");
        assertTrue(run("file", times).isChanged());
        assertEquals(Action.NONE, planOf("file", times).action());
        assertEquals(java.time.LocalDateTime.of(2020, 1, 1, 12, 0).atZone(java.time.ZoneId.systemDefault()).toInstant(),
                Files.getLastModifiedTime(Path.of(target)).toInstant());
    }

    @SuppressWarnings("unchecked")
    private Change planOf(String module, Map<String, Object> args) {
        Module<Object> m = (Module<Object>) REGISTRY.find(module).orElseThrow();
        return m.plan(ArgsBinder.bind(m.argsType(), args), host());
    }

    @Test
    void setupGathersFactsUnderTheirAnsibleNamesAndFilters() {
        Outcome all = run("setup", Map.of());
        assertEquals(System.getProperty("user.name"), all.facts().get("ansible_user_id"));
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) all.facts().get("ansible_facts");
        assertEquals(all.facts().get("ansible_distribution"), facts.get("distribution"));
        assertTrue(((Map<?, ?>) facts.get("env")).containsKey("PATH"));
        Outcome filtered = run("setup", args("filter", "ansible_user_*"));
        assertEquals(List.of("ansible_user_id", "ansible_user_uid", "ansible_user_gid", "ansible_user_gecos",
                "ansible_user_dir", "ansible_user_shell"), List.copyOf(((Map<?, ?>) filtered.data().get("ansible_facts")).keySet()));
    }
}
