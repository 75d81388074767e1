"""Desktop GUI (PySide6 Qt Widgets): a thin layer over ``netralitas_desktop.core`` services."""
