import queue

from app import work

work.Queue = queue.Queue
