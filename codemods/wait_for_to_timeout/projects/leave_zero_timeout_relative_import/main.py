# asyncmod-runtime: compare
from app.job import run

run()
