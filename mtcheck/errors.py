"""One exception tree; each error knows its exit code. The CLI maps them to codes in one spot."""
from __future__ import annotations


class MtcheckError(Exception):
    """Base of every error mtcheck raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        super().__init__(message)

    def __str__(self) -> str:
        msg = super().__str__()
        return f"{self.path}: {msg}" if self.path else msg


class UsageError(MtcheckError):
    """Wrong options or arguments (exit 2)."""

    exit_code = 2


class ConfigError(UsageError):
    """A configuration file or value that cannot be used (exit 2)."""


class InputError(MtcheckError):
    """An input that cannot be checked: unreadable, empty, binary, undecodable, malformed (exit 3)."""

    exit_code = 3
    kind = "input"


class EmptyInput(InputError):
    kind = "empty"


class BinaryInput(InputError):
    kind = "binary"


class DecodeError(InputError):
    kind = "undecodable"


class MalformedInput(InputError):
    kind = "malformed"


class LanguageError(InputError):
    """Source and target in the same language, or a language that cannot be handled."""

    kind = "language"


class ModelUnavailable(MtcheckError):
    """A model was asked for and cannot be loaded offline (exit 4)."""

    exit_code = 4


class CheckCrashed(MtcheckError):
    """A check raised under ``--strict`` (without it, the crash is recorded in the report's check_errors).
    Exit 1, the code of an internal error."""

    exit_code = 1
    kind = "check"
