"""Team work without widgets: handing out packages, merging them back, agreement, review."""
