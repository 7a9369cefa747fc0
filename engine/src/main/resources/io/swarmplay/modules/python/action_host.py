# swarmplay's host for one Ansible action plugin run, speaking one JSON object per line on
# stdin/stdout. swarmplay sends
#   {"op": "run", "path": file, "action": name, "args": {...}, "host": name}
# the plugin's ActionBase (the shim below) may ask back, any number of times,
#   {"op": "module", "name": module, "args": {...}}  ->  {"result": {...}}
# and the run ends with {"op": "done", "result": {...}} or {"op": "error", "error": text, "exception": traceback}.
import importlib.util
import json
import os
import signal
import sys
import traceback
import types

signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is swarmplay's to handle
PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8")
sys.stdout = sys.stderr  # a plugin's print() must not break the protocol
PLUGIN = {"action": "?", "path": "?"}


def send(message):
    PROTOCOL.write(json.dumps(message, default=str) + "\n")
    PROTOCOL.flush()


def ask_module(name, args):
    send({"op": "module", "name": name, "args": args})
    return json.loads(sys.stdin.readline())["result"]


class NotProvided(AttributeError):
    """The plugin used something swarmplay's ActionBase shim does not have."""


def not_provided(what):
    return NotProvided("the action plugin '%s' (%s) uses %s, which swarmplay's ActionBase does not provide"
                       % (PLUGIN["action"], PLUGIN["path"], what))


class Shim(object):
    """An object of the shim: an attribute it does not have fails naming the plugin and the attribute."""
    _what = "object"

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        raise not_provided("%s.%s" % (self._what, name))


class Task(Shim):
    _what = "self._task"

    def __init__(self, action, args):
        self.action = action
        self.args = args
        self.async_val = 0
        self.poll = 15
        self.name = action
        self.no_log = False
        self.check_mode = False
        self.diff = False
        self.environment = []
        self.delegate_to = None
        self.become = False
        self.loop = None
        self._role = None


class PlayContext(Shim):
    _what = "self._play_context"

    def __init__(self):
        self.check_mode = False
        self.diff = False
        self.become = False
        self.become_user = None
        self.verbosity = 0
        self.no_log = False


class Connection(Shim):
    _what = "self._connection"


class Loader(Shim):
    _what = "self._loader"


class Templar(Shim):
    _what = "self._templar"

    def __init__(self, variables):
        self.available_variables = variables

    def template(self, value, *args, **kwargs):
        if isinstance(value, str) and ("{{" in value or "{%" in value):
            raise not_provided("self._templar.template() on a template string")
        return value

    def is_template(self, value):
        return isinstance(value, str) and ("{{" in value or "{%" in value)


class Display(Shim):
    _what = "self._display"

    def __init__(self):
        self.warnings = []

    def warning(self, msg, *args, **kwargs):
        self.warnings.append(str(msg))

    def deprecated(self, msg, *args, **kwargs):
        self.warnings.append(str(msg))

    def _write(self, msg, *args, **kwargs):
        sys.stderr.write(str(msg) + "\n")

    display = v = vv = vvv = vvvv = vvvvv = debug = _write


class ModuleRunner(object):
    """What action_loader.get(name) returns: its run() runs that module on the host."""

    def __init__(self, name, task):
        self._name = name
        self._task = task

    def run(self, tmp=None, task_vars=None):
        return ask_module(self._name, dict(self._task.args))


class ActionLoader(Shim):
    _what = "self._shared_loader_obj.action_loader"

    def __init__(self, task):
        self._default_task = task

    def get(self, name, *args, **kwargs):
        return ModuleRunner(name, kwargs.get("task") or self._default_task)


class SharedLoader(Shim):
    _what = "self._shared_loader_obj"

    def __init__(self, task):
        self.action_loader = ActionLoader(task)


class ActionBase(Shim):
    _what = "ActionBase"
    TRANSFERS_FILES = False
    _VALID_ARGS = frozenset([])
    _requires_connection = True
    _supports_check_mode = True
    _supports_async = False

    def __init__(self, task, connection, play_context, loader, templar, shared_loader_obj):
        self._task = task
        self._connection = connection
        self._play_context = play_context
        self._loader = loader
        self._templar = templar
        self._shared_loader_obj = shared_loader_obj
        self._display = DISPLAY
        self._used_interpreter = None
        self._cleanup_remote_tmp = False

    def run(self, tmp=None, task_vars=None):
        result = {}
        if self._VALID_ARGS:
            bad = set(self._task.args.keys()) - set(self._VALID_ARGS)
            if bad:
                raise errors().AnsibleActionFail("Invalid options for %s: %s" % (self._task.action, ",".join(sorted(bad))))
        if self._task.check_mode and not self._supports_check_mode:
            raise errors().AnsibleActionSkip("check mode is not supported for this operation")
        if self._task.async_val and not self._supports_async:
            raise errors().AnsibleActionFail("async is not supported for this task.")
        return result

    def _execute_module(self, module_name=None, module_args=None, tmp=None, task_vars=None, persist_files=False,
                        delete_remote_tmp=None, wrap_async=False):
        name = module_name or self._task.action
        args = self._task.args if module_args is None else module_args
        return ask_module(name, dict(args))

    def _low_level_execute_command(self, cmd, sudoable=True, in_data=None, executable=None, encoding_errors="surrogate_then_replace", chdir=None):
        if in_data is not None:
            raise not_provided("self._low_level_execute_command(in_data=...)")
        args = {"_raw_params": cmd}
        if executable:
            args["executable"] = executable
        result = ask_module("ansible.legacy.raw", args)
        out = result.get("stdout", "")
        return {"rc": result.get("rc", 1 if result.get("failed") else 0), "stdout": out, "stdout_lines": out.splitlines(),
                "stderr": result.get("stderr", "")}

    def _remove_tmp_path(self, tmp_path, force=False):
        return None

    def cleanup(self, force=False):
        return None


DISPLAY = Display()


def errors():
    """ansible.errors, or a stand-in with the exceptions plugins raise."""
    try:
        import ansible.errors as real
        return real
    except Exception:
        return STUB_ERRORS


def stub_errors():
    module = types.ModuleType("ansible.errors")

    class AnsibleError(Exception):
        def __init__(self, message="", obj=None, show_content=True, suppress_extended_error=False, orig_exc=None):
            super(AnsibleError, self).__init__(message)
            self.message = message

    class AnsibleActionFail(AnsibleError):
        def __init__(self, message="", obj=None, show_content=True, suppress_extended_error=False, orig_exc=None, result=None):
            super(AnsibleActionFail, self).__init__(message)
            self.result = dict(result or {}, failed=True, msg=message)

    class AnsibleActionSkip(AnsibleError):
        def __init__(self, message="", obj=None, show_content=True, suppress_extended_error=False, orig_exc=None, result=None):
            super(AnsibleActionSkip, self).__init__(message)
            self.result = dict(result or {}, skipped=True, msg=message)

    module.AnsibleError = AnsibleError
    module.AnsibleActionFail = AnsibleActionFail
    module.AnsibleActionSkip = AnsibleActionSkip
    module.AnsibleAction = AnsibleError
    return module


STUB_ERRORS = stub_errors()


def install_shim():
    """`from ansible.plugins.action import ActionBase` gives the shim; the rest of ansible is the real one where installed."""
    shim = types.ModuleType("ansible.plugins.action")
    shim.ActionBase = ActionBase
    try:
        import ansible.plugins  # noqa: F401  (the real package, for ansible.plugins.* the plugin may import)
    except Exception:
        for name in ("ansible", "ansible.plugins"):
            package = types.ModuleType(name)
            package.__path__ = []
            sys.modules.setdefault(name, package)
        sys.modules.setdefault("ansible.errors", STUB_ERRORS)
        sys.modules["ansible"].errors = STUB_ERRORS
    sys.modules["ansible.plugins.action"] = shim
    sys.modules["ansible.plugins"].action = shim


def run(request):
    PLUGIN["action"], PLUGIN["path"] = request["action"], request["path"]
    install_shim()
    spec = importlib.util.spec_from_file_location("swarmplay_action_" + request["action"], request["path"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    task = Task(request["action"], dict(request.get("args") or {}))
    variables = {"inventory_hostname": request.get("host")}
    plugin = module.ActionModule(task, Connection(), PlayContext(), Loader(), Templar(variables), SharedLoader(task))
    result = plugin.run(task_vars=variables)
    if DISPLAY.warnings:
        result.setdefault("warnings", []).extend(DISPLAY.warnings)
    return result


def outcome(error):
    """Ansible's TaskExecutor: AnsibleActionFail/Skip carry their result; any other error fails the task."""
    names = [cls.__name__ for cls in type(error).__mro__]
    if ("AnsibleActionFail" in names or "AnsibleActionSkip" in names) and isinstance(getattr(error, "result", None), dict):
        return {"op": "done", "result": error.result}
    if isinstance(error, NotProvided):
        return {"op": "error", "error": str(error)}
    return {"op": "error", "error": "Unexpected failure during module execution: %s" % error,
            "exception": traceback.format_exc()}


def main():
    line = sys.stdin.readline()
    if not line:
        return
    try:
        answer = {"op": "done", "result": run(json.loads(line))}
    except BaseException as e:  # SystemExit from a plugin fails the run, not the protocol
        answer = outcome(e)
    send(answer)


main()
