"""One error tree. Every SlaError means "the tool could not do its job" and maps to exit code 2."""

from __future__ import annotations


class SlaError(Exception):
    """Base of every error slaextract reports to a user: one line, no traceback, exit 2."""

    exit_code = 2

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def __reduce__(self) -> tuple[type[SlaError], tuple[str, str | None]]:
        """Pickle with the path too (errors cross from a worker process to the CLI)."""
        return (type(self), (self.message, self.path))


class InputError(SlaError):
    """The input file is missing, unreadable, or not a document we can read."""


class EncryptedError(InputError):
    """The PDF is encrypted and no (or a wrong) password was given."""


class NoTextError(InputError):
    """The PDF has no text layer (scanned image); OCR is needed first."""


class LimitError(InputError):
    """The document exceeded a limit (pages, time, size)."""


class RuleError(SlaError):
    """A pattern file is malformed; the message names the file and the rule."""


class PolicyError(SlaError):
    """A policy file is malformed; the message names the file and the line."""


class UsageError(SlaError):
    """The command cannot run as asked: a bad option, nothing to read, an output it cannot write."""
