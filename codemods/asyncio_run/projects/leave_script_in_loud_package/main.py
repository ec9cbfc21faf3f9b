# asyncmod-runtime: compare
# Calls the entry point the way the installed script does, by the name
# `[project.scripts]` gives (this file names no function of the project).
import importlib
import pathlib
import tomllib

pyproject = pathlib.Path(__file__).with_name("pyproject.toml")
with pyproject.open("rb") as file:
    target = tomllib.load(file)["project"]["scripts"]["app-serve"]
module, _, function = target.partition(":")
getattr(importlib.import_module(module), function)()
