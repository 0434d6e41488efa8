"""The arrows of docs/architecture.md, checked on the code: no app imports upwards, no module imports in a circle."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Each app and the apps it may import from (its own level and below), as docs/architecture.md draws them.
BASE = {"common", "privacy", "accounts"}
MAY_IMPORT = {
    "common": set(),
    "privacy": {"common"},
    "accounts": {"common", "privacy"},
    "knowledge": BASE,
    # Backup and restore: beside knowledge, importing only accounts (the retention pruned after a restore); no app
    # imports it.
    "operations": BASE,
    "forum": BASE | {"knowledge"},
    "events": BASE | {"knowledge"},
    "search": BASE | {"knowledge", "forum", "events"},
    "people": BASE | {"knowledge", "forum", "events"},
    "importing": BASE | {"knowledge", "forum", "events", "search"},
    "devtools": BASE | {"knowledge", "forum", "events", "search", "importing", "people"},
    "intranet": BASE | {"knowledge", "forum", "events", "search", "importing", "people"},
}


def project_modules():
    """Every module of the project's apps (migrations left out: they import what they freeze), by dotted name."""
    for app in MAY_IMPORT:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts), path


def imports_of(name, path):
    """The project modules this module imports at any depth of its code, with the line of each import."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module
            found += [(target, node.lineno)]
            found += [(f"{target}.{alias.name}", node.lineno) for alias in node.names]
    return [(target, line) for target, line in found if target.split(".")[0] in MAY_IMPORT]


def test_no_app_imports_an_app_above_it():
    upwards = []
    for name, path in project_modules():
        app = name.split(".")[0]
        for target, line in imports_of(name, path):
            imported_app = target.split(".")[0]
            if imported_app != app and imported_app not in MAY_IMPORT[app]:
                upwards.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert upwards == []


def test_no_modules_import_each_other_in_a_circle():
    modules = dict(project_modules())
    graph = {}
    for name, path in modules.items():
        targets = set()
        for target, _line in imports_of(name, path):
            # "from x import y" names a module x.y or a name in x: keep whichever is a module.
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                targets.add(target)
        graph[name] = targets

    def circle_from(start):
        path, seen = [start], set()

        def visit(node):
            for following in sorted(graph[node]):
                if following == start:
                    return [*path, start]
                if following not in seen:
                    seen.add(following)
                    path.append(following)
                    if found := visit(following):
                        return found
                    path.pop()
            return None

        return visit(start)

    circles = {" → ".join(circle) for name in graph if (circle := circle_from(name))}
    assert circles == set()
