"""The web package has no import cycle, and building the app imports none of the heavy libraries.

A cycle between the app factory and the route modules once meant the routes could only be imported
after `dondoc.web.app`; these tests fail when that comes back."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import dondoc.web

WEB = Path(dondoc.web.__file__).parent
HEAVY = ("prefect", "apprise", "docx", "pdfplumber", "openpyxl", "uvicorn", "typer")


def web_modules() -> list[str]:
    names = []
    for path in sorted(WEB.rglob("*.py")):
        parts = path.relative_to(WEB.parent.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def module_imports(name: str) -> set[str]:
    """The dondoc.web modules `name` imports, at module level or inside a function (a deferred import
    only hides a cycle), but not under TYPE_CHECKING."""
    path = WEB.parent.parent / Path(*name.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
               for n in ast.walk(block)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dondoc.web"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in web_modules() else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("dondoc.web")}
    return found - {name}


def test_no_import_cycle_between_web_modules() -> None:
    graph = {m: module_imports(m) for m in web_modules()}
    done: set[str] = set()

    def visit(m: str, path: tuple[str, ...]) -> None:
        assert m not in path, "import cycle: " + " -> ".join((*path[path.index(m):], m))
        if m in done:
            return
        for dep in graph.get(m, ()):
            # a package's __init__ runs before its submodules: importing `a.b` imports `a` first
            visit(dep, (*path, m))
        done.add(m)

    for m in graph:
        visit(m, ())


SCRIPT = """
import importlib, json, sys
names = json.loads(sys.argv[1])
errors = {}
for name in names:  # each web module imported first, alone, in a clean dondoc.web namespace
    for loaded in [m for m in sys.modules if m == "dondoc.web" or m.startswith("dondoc.web.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as exc:
        errors[name] = repr(exc)
from dondoc.web.app import create_app
from dondoc.config import Settings
from dondoc.db import make_engine
import tempfile
home = tempfile.mkdtemp()
create_app(Settings(home=home), make_engine("sqlite:///" + home + "/x.db"))
heavy = [m for m in json.loads(sys.argv[2]) if m in sys.modules]
print(json.dumps({"errors": errors, "heavy": heavy}))
"""


def test_every_web_module_imports_first_and_the_app_stays_light(tmp_path: Path) -> None:
    env = {**os.environ, "DONDOC_SECRET_KEY": "import-test-key-Zq8Lm3Rv7Tx2Wn5Pk9Hd4Fs6", "DONDOC_HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(web_modules()), json.dumps(HEAVY)],
                         capture_output=True, text=True, timeout=120, check=False, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["errors"] == {}
    assert result["heavy"] == [], f"creating the web app imported {result['heavy']}"
