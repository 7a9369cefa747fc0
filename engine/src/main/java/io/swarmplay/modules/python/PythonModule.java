package io.swarmplay.modules.python;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.connection.FileAttrs;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A user's Ansible Python module ({@code library/NAME.py}), run on its host as Ansible runs one:
 * the module file and ansible-core's module_utils ({@link ModuleUtils}) are put in a fresh
 * temporary directory there, the host's {@code ansible_python_interpreter} runs the module with
 * {@code {"ANSIBLE_MODULE_ARGS": ...}} on its standard input, and the JSON it prints is the
 * result ({@link ModuleResult}). What it will do is unknown before it runs: a plan shows it
 * without running it, and {@code --check} skips it.
 */
@ModuleInfo(name = "python_module", checkMode = CheckSupport.NONE)
public final class PythonModule extends PythonPlugin {

    // run the module file as __main__ with the zip on its path; AnsibleModule reads its arguments from stdin
    private static final String BOOTSTRAP = "import runpy, sys; sys.path.insert(0, sys.argv[1]); module = sys.argv[2]; "
            + "sys.argv = [module]; runpy.run_path(module, run_name='__main__')";
    private static final String DEFAULT_PYTHON = "/usr/bin/python3";

    private final Supplier<Path> source;
    private final Supplier<Path> controlPython;

    PythonModule(String name, Path file, Supplier<Path> controlPython) {
        this(name, file, () -> file, controlPython);
    }

    /** {@code source}: the module file to run, looked for when it runs ({@code file} names it until then). */
    PythonModule(String name, Path file, Supplier<Path> source, Supplier<Path> controlPython) {
        super(name, file, "Python module");
        this.source = source;
        this.controlPython = controlPython;
    }

    @Override
    Map<String, Object> run(Map<String, Object> args, HostSession host) {
        byte[] source;
        Path file = this.source.get();
        try {
            source = Files.readAllBytes(file);
        } catch (IOException | UncheckedIOException e) {
            throw new ModuleException("cannot read the Python module " + file + ": " + e.getMessage());
        }
        boolean newStyle = isNewStyle(new String(source, StandardCharsets.UTF_8));
        if (!newStyle && !startsWith(source, "#!")) throw new ModuleException("module (" + name + ") is missing interpreter line");
        Command mktemp = Command.of("mktemp", "-d", "-t", "swarmplay-module.XXXXXXXX");
        String dir = host.run(mktemp).requireSuccess(mktemp).stdoutTrimmed();
        try {
            FileAttrs privateFile = new FileAttrs(0700, null, null);
            String module = dir + "/" + name + ".py";
            host.write(module, new ByteArrayInputStream(source), privateFile);
            Map<String, Object> all = moduleArgs(args, dir, host);
            ExecResult result = host.run(newStyle ? newStyle(host, dir, module, all) : oldStyle(host, dir, module, source, all));
            if (host.asyncJob()) return ModuleResult.parseAsync(result.stdout(), result.stderr(), module);
            return ModuleResult.parse(result.stdout(), result.stderr(), result.rc());
        } finally {
            host.run(Command.of("rm", "-rf", dir));
        }
    }

    /** AnsibleModule's way: the module run as {@code __main__} with module_utils on its path, its arguments on stdin. */
    private Command newStyle(HostSession host, String dir, String module, Map<String, Object> args) {
        String zip = dir + "/ansible_module_utils.zip";
        host.write(zip, new ByteArrayInputStream(ModuleUtils.zip(controlPython.get())), new FileAttrs(0600, null, null));
        return Command.of(interpreter(host), "-c", BOOTSTRAP, zip, module).withStdin(json(Map.of("ANSIBLE_MODULE_ARGS", args)));
    }

    /**
     * A module that does not use module_utils (Ansible's old-style and {@code WANT_JSON} modules):
     * run by its {@code #!} interpreter (a Python one is the host's) with the path of a file of its
     * arguments, JSON for {@code WANT_JSON}, else {@code key=value} words.
     */
    private Command oldStyle(HostSession host, String dir, String module, byte[] source, Map<String, Object> args) {
        String text = new String(source, StandardCharsets.UTF_8);
        String argsFile = dir + "/args";
        byte[] content = text.contains("WANT_JSON") ? json(args) : keyValues(args).getBytes(StandardCharsets.UTF_8);
        host.write(argsFile, new ByteArrayInputStream(content), new FileAttrs(0600, null, null));
        List<String> shebang = new java.util.ArrayList<>(List.of(text.lines().findFirst().orElse("#!").substring(2).strip().split("\\s+")));
        if (Path.of(shebang.get(0)).getFileName().toString().startsWith("python")) shebang.set(0, interpreter(host));
        shebang.add(module);
        shebang.add(argsFile);
        return Command.of(shebang);
    }

    private static String keyValues(Map<String, Object> args) {
        StringBuilder out = new StringBuilder();
        args.forEach((k, v) -> out.append(out.length() == 0 ? "" : " ").append(k).append('=')
                .append(io.swarmplay.connection.ShellQuote.quote(String.valueOf(v))));
        return out.toString();
    }

    private static boolean isNewStyle(String source) {
        return source.contains("ansible.module_utils") || source.contains("AnsibleModule(");
    }

    private static boolean startsWith(byte[] source, String prefix) {
        return new String(source, 0, Math.min(source.length, prefix.length()), StandardCharsets.UTF_8).equals(prefix);
    }

    /** The task's arguments and the {@code _ansible_*} settings Ansible passes every module. */
    private Map<String, Object> moduleArgs(Map<String, Object> args, String dir, HostView host) {
        Map<String, Object> all = new LinkedHashMap<>();
        args.forEach((k, v) -> all.put(k, ModuleResult.plain(v)));
        all.put("_ansible_check_mode", false);
        all.put("_ansible_no_log", false);
        all.put("_ansible_debug", false);
        all.put("_ansible_diff", ModuleResult.truthy(variable(host, "ansible_diff_mode", false)));
        all.put("_ansible_verbosity", 0);
        all.put("_ansible_version", "2.14.0");
        all.put("_ansible_module_name", name);
        all.put("_ansible_syslog_facility", "LOG_USER");
        all.put("_ansible_selinux_special_fs", List.of("fuse", "nfs", "vboxsf", "ramfs", "9p", "vfat"));
        all.put("_ansible_string_conversion_action", "warn");
        all.put("_ansible_shell_executable", "/bin/sh");
        all.put("_ansible_keep_remote_files", false);
        all.put("_ansible_tmpdir", dir);
        all.put("_ansible_remote_tmp", "~/.ansible/tmp");
        return all;
    }

    private static String interpreter(HostView host) {
        Object python = variable(host, "ansible_python_interpreter", "");
        String text = python == null ? "" : String.valueOf(python).strip();
        return text.isEmpty() || text.startsWith("auto") ? DEFAULT_PYTHON : text;
    }

    private static Object variable(HostView host, String name, Object fallback) {
        try {
            return host.evaluate(name + " | default(" + (fallback instanceof String ? "''" : String.valueOf(fallback).toLowerCase()) + ")");
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static byte[] json(Object value) {
        try {
            return ModuleResult.JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
