"""The application layer: the Qt-free workflow the window and the command line share."""
