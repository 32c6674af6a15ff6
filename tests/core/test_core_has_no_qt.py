import subprocess
import sys


def test_importing_every_core_module_loads_no_qt() -> None:
    script = """
import importlib, pkgutil, sys
import postkit.core
for module in pkgutil.walk_packages(postkit.core.__path__, "postkit.core."):
    if ".migrations" in module.name:
        continue
    importlib.import_module(module.name)
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))
imported = sorted(name for name in sys.modules if name.startswith("postkit.core"))
print(len(imported))
assert not loaded, loaded
assert "postkit.ui" not in sys.modules
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 10
