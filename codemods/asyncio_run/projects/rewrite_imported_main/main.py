# asyncmod-runtime: compare
from app.cli import serve

serve()
