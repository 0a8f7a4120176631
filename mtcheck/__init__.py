"""mtcheck: a translation-quality checker for machine-translated news.

``import mtcheck`` stays light: no torch, transformers or streamlit (a test asserts it).
"""
__version__ = "0.1.0"

__all__ = ["__version__"]
