# asyncmod-runtime: compare
import app.jobs
