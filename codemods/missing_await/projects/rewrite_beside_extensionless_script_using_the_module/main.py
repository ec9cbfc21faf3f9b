# asyncmod-runtime: compare
import subprocess
import sys

run = subprocess.run([sys.executable, "bin/worker"], capture_output=True, text=True)
print(run.stdout, end="")
print("exit", run.returncode)
