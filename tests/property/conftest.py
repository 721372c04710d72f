"""Hypothesis settings for the property tests: modest, so the whole run stays fast.

No deadline: numpy's first calls and a calendar's first load vary in time.
``HYPOTHESIS_PROFILE=soak`` selects the long profile (this module loads its profile when
pytest collects it, after pytest's own ``--hypothesis-profile`` option has been applied).
"""

import os

from hypothesis import settings

settings.register_profile("project", max_examples=150, deadline=None)
settings.register_profile("soak", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "project"))
