"""Hypothesis settings for the property tests: modest, so the whole run stays fast.

No deadline: numpy's first calls and a calendar's first load vary in time.
"""

from hypothesis import settings

settings.register_profile("project", max_examples=150, deadline=None)
settings.register_profile("soak", max_examples=3000, deadline=None)
settings.load_profile("project")
