"""Timescales: the canonical form, the readable shorthand, calendars, due dates and comparison."""
