"""Evaluation of factwire's extraction against public annotated data: `factwire eval`."""
