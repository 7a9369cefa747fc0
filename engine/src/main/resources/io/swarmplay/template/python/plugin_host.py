# swarmplay's host for Ansible filter and test plugins: one process per run, speaking one JSON
# object per line on stdin/stdout. Requests:
#   {"op": "load", "dirs": {"filter": [dir, ...], "test": [dir, ...]}}
#     -> {"ok": true, "names": {"filter": {name: path}, "test": {...}},
#         "problems": [{path, error, message, missing, stage: "import"|"names"}]}
#   {"op": "call", "kind": "filter"|"test", "name": n, "args": [...], "kwargs": {...}}
#     -> {"ok": true, "value": v} | {"ok": false, "error": "Type: message", "missing": module-or-null}
# Files are found as ansible-core 2.14's Jinja2Loader finds them: directories in order, *.py
# sorted by name within each, a file name seen in an earlier directory skipped, the first
# plugin of a name wins, names holding '.' skipped.
import glob
import importlib.util
import json
import os
import signal
import sys
import types

signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is swarmplay's to handle; it closes this process
PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8")
sys.stdout = sys.stderr  # a plugin's print() must not break the protocol

CLASSES = {"filter": ("FilterModule", "filters"), "test": ("TestModule", "tests")}
FUNCTIONS = {"filter": {}, "test": {}}


class NotJson(Exception):
    pass


def problem(path, error, stage="call"):
    missing = error.name if isinstance(error, ModuleNotFoundError) else None
    return {"path": path, "error": "%s: %s" % (type(error).__name__, error), "message": str(error), "missing": missing,
            "stage": stage}


def load_file(kind, path, problems):
    module_name = "swarmplay_plugins.%s.%d_%s" % (kind, abs(hash(path)), os.path.basename(path)[:-3])
    try:
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    except BaseException as e:  # a plugin calling sys.exit() at import is a broken plugin, not the end
        sys.modules.pop(module_name, None)
        problems.append(problem(path, e, "import"))
        return {}
    class_name, method = CLASSES[kind]
    try:
        return dict(getattr(getattr(module, class_name)(), method)())
    except Exception as e:  # ansible-core 2.14 skips such a file silently (at -vvvv only)
        problems.append(problem(path, e, "names"))
        return {}


def load(dirs):
    names = {"filter": {}, "test": {}}
    problems = []
    for kind in ("filter", "test"):
        seen_files = set()
        for directory in dirs.get(kind, []):
            for path in sorted(glob.glob(os.path.join(directory, "*.py")), key=os.path.basename):
                base = os.path.basename(path)
                if base == "__init__.py" or base in seen_files:
                    continue
                seen_files.add(base)
                for name, function in load_file(kind, path, problems).items():
                    if "." in name or name in FUNCTIONS[kind] or not callable(function):
                        continue
                    FUNCTIONS[kind][name] = function
                    names[kind][name] = path
    return {"ok": True, "names": names, "problems": problems}


def plain(value):
    if isinstance(value, (set, frozenset)):
        return list(value)
    if isinstance(value, (types.GeneratorType, range)) or type(value).__name__ in ("dict_keys", "dict_values", "map", "filter", "zip"):
        return list(value)
    raise NotJson("a Python %s, which is not a JSON value" % type(value).__name__)


def call(request):
    function = FUNCTIONS[request["kind"]].get(request["name"])
    if function is None:
        return {"ok": False, "error": "no %s named %s" % (request["kind"], request["name"]), "missing": None}
    try:
        value = function(*request.get("args", []), **request.get("kwargs", {}))
    except BaseException as e:  # SystemExit from a plugin fails the call, not the process
        return dict(problem("", e), ok=False)
    try:
        return '{"ok": true, "value": %s}' % json.dumps(value, default=plain)
    except (NotJson, ValueError, TypeError) as e:
        return {"ok": False, "error": "it returned %s" % e, "missing": None, "not_json": True}


def main():
    for line in sys.stdin:
        request = json.loads(line)
        answer = load(request["dirs"]) if request["op"] == "load" else call(request)
        PROTOCOL.write((answer if isinstance(answer, str) else json.dumps(answer)) + "\n")
        PROTOCOL.flush()


main()
