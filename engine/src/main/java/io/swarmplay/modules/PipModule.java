package io.swarmplay.modules;

import io.swarmplay.connection.Command;
import io.swarmplay.connection.ExecResult;
import io.swarmplay.module.Alias;
import io.swarmplay.module.Change;
import io.swarmplay.module.CheckSupport;
import io.swarmplay.module.Choices;
import io.swarmplay.module.Default;
import io.swarmplay.module.HostSession;
import io.swarmplay.module.HostView;
import io.swarmplay.module.Module;
import io.swarmplay.module.ModuleException;
import io.swarmplay.module.ModuleInfo;
import io.swarmplay.module.Outcome;
import io.swarmplay.modules.support.PipRequirement;
import io.swarmplay.modules.support.Results;
import io.swarmplay.modules.support.Words;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python packages through pip, as ansible-core 2.14's {@code pip} module: {@code present} and
 * {@code absent} compare with {@code pip list --format=freeze} first (an installed package is ok
 * without pip reaching an index), {@code latest}, {@code forcereinstall} and {@code requirements}
 * always run pip. pip is {@code executable}, else the virtualenv's {@code bin/pip3}/{@code bin/pip}
 * (the virtualenv is created with {@code virtualenv_command} when missing), else
 * {@code ansible_python_interpreter -m pip.__main__}.
 * <pre>{@code
 * - pip: {name: [passlib, 'six>=1.10'], state: present}
 * - pip: {requirements: /srv/app/requirements.txt, virtualenv: /srv/app/venv}
 * }</pre>
 */
@ModuleInfo(name = "pip", checkMode = CheckSupport.FULL)
public final class PipModule implements Module<PipModule.Args> {

    public record Args(List<String> name, String version, String requirements, String virtualenv,
                       boolean virtualenv_site_packages, @Default("virtualenv") String virtualenv_command,
                       String virtualenv_python,
                       @Choices({"present", "absent", "latest", "forcereinstall"}) String state,
                       String extra_args, boolean editable, String chdir, String executable, String umask) {
    }

    /** What apply runs: an optional virtualenv creation, then pip; {@code compare} says changed by comparing freezes. */
    record Plan(Command createVenv, Command pip, List<String> pipArgv, boolean compare) {
    }

    private static final Map<String, String> LANG_C = Map.of("LANG", "C", "LC_ALL", "C", "LC_MESSAGES", "C");

    @Override
    public Class<Args> argsType() {
        return Args.class;
    }

    @Override
    public Change plan(Args args, HostView host) {
        check(args);
        List<String> packages = packages(args);
        String state = args.state() == null ? "present" : args.state();
        boolean venvMissing = args.virtualenv() != null && host.stat(args.virtualenv()).isEmpty();
        List<String> pip = venvMissing ? venvPip(args, "pip3") : pipArgv(args, host);
        Command venv = venvMissing ? venvCommand(args, host) : null;
        List<String> argv = pipCommand(args, pip, packages, state);
        Plan plan = new Plan(venv, command(argv, args.chdir()), argv, args.requirements() != null);
        if (venv == null && args.requirements() == null && args.extra_args() == null
                && (state.equals("present") || state.equals("absent"))) {
            Command freeze = freeze(pip, args.chdir());
            ExecResult listed = host.probe(freeze).requireSuccess(freeze);
            Map<String, String> installed = installed(listed.stdout());
            boolean missing = packages.stream().map(PipRequirement::parse).anyMatch(r -> r == null || !r.isPresentIn(installed));
            boolean present = packages.stream().map(PipRequirement::parse)
                    .anyMatch(r -> r != null && installed.containsKey(r.packageName()));
            if (state.equals("present") ? !missing : !present) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("cmd", String.join(" ", freeze.argv()));
                data.put("stdout", listed.stdout());
                data.put("stderr", listed.stderr());
                return Results.none(String.join(", ", packages) + (state.equals("present") ? " installed" : " not installed"), data);
            }
        }
        String what = args.requirements() != null ? "requirements " + args.requirements() : String.join(", ", packages);
        Change change = state.equals("absent") ? Change.delete("uninstall " + what) : Change.run(state + " " + what);
        return change.withPayload(plan);
    }

    private static void check(Args args) {
        if (args.name() != null && args.requirements() != null) {
            throw new ModuleException("parameters are mutually exclusive: name|requirements");
        }
        if (args.name() == null && args.requirements() == null) {
            throw new ModuleException("one of the following is required: name, requirements");
        }
        if (args.executable() != null && args.virtualenv() != null) {
            throw new ModuleException("parameters are mutually exclusive: executable|virtualenv");
        }
        if (args.version() != null && (args.name() == null || args.name().size() > 1)) {
            throw new ModuleException("version is incompatible with multiple packages");
        }
        if (args.version() != null && PipRequirement.parse(args.name().get(0)) != null
                && !PipRequirement.parse(args.name().get(0)).clauses().isEmpty()) {
            throw new ModuleException("The 'version' argument conflicts with any version specifier provided along with a package name. "
                    + "Please keep the version specifier, but remove the 'version' argument.");
        }
    }

    /** The requirements as pip gets them: {@code name==version} when {@code version} is given. */
    static List<String> packages(Args args) {
        if (args.name() == null) return List.of();
        if (args.version() != null) return List.of(args.name().get(0) + "==" + args.version());
        return args.name();
    }

    static List<String> pipCommand(Args args, List<String> pip, List<String> packages, String state) {
        List<String> argv = new ArrayList<>(pip);
        argv.add(state.equals("absent") ? "uninstall" : "install");
        if (state.equals("absent")) argv.add("-y");
        if (state.equals("latest")) argv.add("-U");
        if (state.equals("forcereinstall")) argv.addAll(List.of("-U", "--force-reinstall"));
        if (args.extra_args() != null) argv.addAll(Words.split(args.extra_args()));
        if (args.editable()) argv.add("-e");
        if (args.requirements() != null) argv.addAll(List.of("-r", args.requirements()));
        argv.addAll(packages);
        return argv;
    }

    private static List<String> pipArgv(Args args, HostView host) {
        if (args.executable() != null) return List.of(args.executable());
        if (args.virtualenv() != null) {
            String pip3 = args.virtualenv() + "/bin/pip3";
            return host.stat(pip3).isPresent() ? List.of(pip3) : List.of(args.virtualenv() + "/bin/pip");
        }
        return List.of(python(host), "-m", "pip.__main__");
    }

    private static List<String> venvPip(Args args, String name) {
        return List.of(args.virtualenv() + "/bin/" + name);
    }

    /** {@code virtualenv_command} with the Python to use and site packages; venv-based commands take no {@code -p}. */
    static Command venvCommand(Args args, HostView host) {
        List<String> argv = new ArrayList<>(Words.split(args.virtualenv_command()));
        boolean venv = argv.contains("venv") || argv.get(0).endsWith("pyvenv");
        if (args.virtualenv_site_packages()) argv.add("--system-site-packages");
        if (!venv) argv.add("-p" + (args.virtualenv_python() != null ? args.virtualenv_python() : python(host)));
        argv.add(args.virtualenv());
        return command(argv, args.chdir());
    }

    private static String python(HostView host) {
        Object python = host.evaluate("ansible_python_interpreter | default('')");
        return python == null || String.valueOf(python).isBlank() ? "python3" : String.valueOf(python);
    }

    private static Command freeze(List<String> pip, String chdir) {
        List<String> argv = new ArrayList<>(pip);
        argv.addAll(List.of("list", "--format=freeze"));
        return command(argv, chdir).withEnv(LANG_C);
    }

    private static Command command(List<String> argv, String chdir) {
        Command command = Command.of(argv);
        return chdir == null ? command : command.inDirectory(chdir);
    }

    /** {@code name==version} lines by canonical name. */
    static Map<String, String> installed(String freeze) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : freeze.split("\n")) {
            int eq = line.indexOf("==");
            if (eq > 0) out.put(PipRequirement.canonical(line.substring(0, eq).strip()), line.substring(eq + 2).strip());
        }
        return out;
    }

    @Override
    public Outcome apply(Args args, Change change, HostSession host) {
        if (change.isNone()) return Results.outcome(change);
        Plan plan = (Plan) change.payload();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        if (plan.createVenv() != null) run(plan.createVenv(), host, out, err);
        String before = plan.compare() ? host.run(freeze(pipOf(plan), args.chdir())).stdout() : null;
        ExecResult pip = run(plan.pip(), host, out, err);
        String state = args.state() == null ? "present" : args.state();
        boolean changed = plan.createVenv() != null
                || (before != null ? !before.equals(host.run(freeze(pipOf(plan), args.chdir())).stdout())
                : pip.stdout().contains(state.equals("absent") ? "Successfully uninstalled" : "Successfully installed"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cmd", String.join(" ", plan.pipArgv()));
        data.put("name", args.name());
        data.put("version", args.version());
        data.put("state", state);
        data.put("requirements", args.requirements());
        data.put("virtualenv", args.virtualenv());
        data.put("stdout", out.toString());
        data.put("stderr", err.toString());
        return (changed ? Outcome.changed(change) : Outcome.ok(Change.none(change.summary()))).withData(data);
    }

    private static List<String> pipOf(Plan plan) {
        int verb = plan.pipArgv().indexOf(plan.pipArgv().contains("uninstall") ? "uninstall" : "install");
        return plan.pipArgv().subList(0, verb);
    }

    private static ExecResult run(Command command, HostSession host, StringBuilder out, StringBuilder err) {
        ExecResult result = host.run(command);
        out.append(result.stdout());
        err.append(result.stderr());
        if (!result.succeeded()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("cmd", String.join(" ", command.argv()));
            data.put("stdout", out.toString());
            data.put("stderr", err.toString());
            throw new ModuleException("\n:stderr: " + result.stderr(), data);
        }
        return result;
    }
}
