"""What every feature of the window shares: widgets and message boxes, the background-job
runner (``jobs``), live data (``live``), telling errors (``errors``), opening a finished file
(``files``), the event tab interface (``tabs``), settings, translation, labels for core codes,
the PDF page renderer, the signature pad, the registration search, the result banner and its
sounds, and the participant form.

Nothing here imports a feature package.
"""
