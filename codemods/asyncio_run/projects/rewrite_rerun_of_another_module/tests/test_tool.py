import importlib
import runpy


def test_tool_runs_twice():
    runpy.run_module("app.tool", run_name="__main__")
    import app.tool

    importlib.reload(app.tool)
    config = Config()
    config.reload()


class Config:
    def reload(self):
        pass
