"""Theme suggestions (issue 14): lexicons, a model trained on the project's labels, evaluation."""
