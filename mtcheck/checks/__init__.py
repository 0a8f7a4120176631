"""The check registry. Each check is a small registered function ``fn(ctx) -> Iterable[Issue]``.

Its docstring's first line is its title; the rest says when it gives false positives. Importing this
package registers the built-in checks.
"""
from __future__ import annotations

from .registry import REGISTRY, CheckContext, CheckInfo, register, run_checks

# Built-in check modules register themselves on import.
from . import alignment as _alignment  # noqa: F401,E402
from . import numbers as _numbers  # noqa: F401,E402
from . import untranslated as _untranslated  # noqa: F401,E402
from . import noise as _noise  # noqa: F401,E402
from . import casing as _casing  # noqa: F401,E402
from . import punctuation as _punctuation  # noqa: F401,E402
from . import glossary as _glossary  # noqa: F401,E402
from . import terms as _terms  # noqa: F401,E402
from . import meaning as _meaning  # noqa: F401,E402
from . import custom as _custom  # noqa: F401,E402
from . import entities as _entities  # noqa: F401,E402
from . import repetition as _repetition  # noqa: F401,E402
from . import consistency as _consistency  # noqa: F401,E402
from . import calques as _calques  # noqa: F401,E402
from . import markup as _markup  # noqa: F401,E402

__all__ = ["REGISTRY", "CheckContext", "CheckInfo", "register", "run_checks"]
