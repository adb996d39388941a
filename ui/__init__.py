"""Qt adapters and windows over the pure model."""
from .qt_compat import immortalize_singletons

immortalize_singletons()
