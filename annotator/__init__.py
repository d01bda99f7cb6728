"""Annotator: an offline desktop tool for labelling Arabic news sentence by sentence."""

__version__ = "0.1.0"
APP_NAME = "Annotator"
