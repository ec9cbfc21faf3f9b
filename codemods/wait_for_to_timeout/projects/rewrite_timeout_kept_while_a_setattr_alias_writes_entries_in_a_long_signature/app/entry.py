"""A module named like the parameter `entry` of `Entries.update`."""
KIND = "entry"
