"""The list of events (the window's start page) and the dialog that creates or edits one."""
