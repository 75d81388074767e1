"""Qt-free core: models, services and jobs. Nothing here imports Qt."""
