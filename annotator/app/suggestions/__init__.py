"""Theme suggestions in a project: the workflow around core.suggest (no Qt here).

Light modules (the window imports them; they never import numpy or scikit-learn):
- scheme.py: the active themes' keys and lexicons, from the themes' stored keywords;
- policy.py: when to (re)train: no model, a model that cannot be read, themes or keywords
  changed since, or enough new labels (the interval grows with the project);
- uncertainty.py: how unsure a suggestion is, per unit and per article;
- session_suggestions.py: what the annotation session shows and accepts;
- service.py: the background process the window talks to (start, ask, stop, poll).

Heavy modules (run in the background process or by a command):
- training.py: the labelled units a model learns from; models.py: load, train and save;
- scoring.py: compute and store suggestions in batches; engine.py: the one object the
  command line and the background worker drive; worker.py: the background process's loop;
- evaluation.py: cross-validation and the learning curve on the project's own labels.
"""
