from .jobs import job
