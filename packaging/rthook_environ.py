"""PyInstaller runtime hook: programs the bundle starts (fc-list, a file manager, a PDF viewer) run with the user's own
library path, not the bundle's; the bundle's own loading is unaffected (the dynamic loader read it at start-up)."""
import os
import sys

if sys.platform.startswith("linux"):
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = original
