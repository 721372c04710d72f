"""The one meaning of "which rule applies": every other module asks here.

- :mod:`compiler.rules.scope`: which children a rule covers, which facts it
  needs, whether two rules can meet one case;
- :mod:`compiler.rules.overrides`: which rule an override names, and which
  applicable rules it hides for a case (only where the overriding rule applies
  too: a conditional override leaves the rule it overrides in force elsewhere);
- :mod:`compiler.rules.applying`: the rules that apply to one case;
- :mod:`compiler.rules.floor`: how a local rule stands against the statutory
  rules that apply to the same cases, case by case.

Checks, packs, the evaluator, scenarios, the site and the diff call these
functions; none answers the questions on its own.

Contract: shared core, above the model and the timescales; it imports nothing that loads,
checks or emits, so the evaluator can use it.
"""
