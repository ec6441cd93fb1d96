"""Reading stories from disk and writing fixes back without losing anything.

A story is UTF-8, with or without a byte-order mark; its line endings are
kept as found. Anything else gets a clear message naming the file: the run
goes on with the other files and exits 2 at the end.
"""
from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

BOM = "\ufeff"
MAX_BYTES = 64 * 1024 * 1024  # a story larger than this is not copy; refuse it clearly


class FileError(Exception):
    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}")


@dataclass
class SourceFile:
    path: str
    text: str          # decoded, without the BOM
    bom: bool
    raw: bytes

    def encode(self, text: str) -> bytes:
        return ((BOM if self.bom else "") + text).encode("utf-8")


def decode(path: str, raw: bytes) -> SourceFile:
    if b"\x00" in raw[:8192]:
        raise FileError(path, "looks like a binary file (it contains NUL bytes); not linted")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        hint = ""
        try:
            raw.decode("cp1252")
            hint = " (it may be Latin-1/Windows-1252: convert it with `iconv -f latin1 -t utf-8`)"
        except UnicodeDecodeError:
            pass
        raise FileError(path, f"is not valid UTF-8 at byte {exc.start}{hint}; not linted") from None
    bom = text.startswith(BOM)
    return SourceFile(path, text[1:] if bom else text, bom, raw)


def read_source(path: str | Path, max_bytes: int = MAX_BYTES) -> SourceFile:
    p = str(path)
    try:
        size = os.path.getsize(p)
        if size > max_bytes:
            raise FileError(p, f"is {size / 1048576:.1f} MiB, over the {max_bytes / 1048576:.0f} MiB "
                               "limit for one story; not linted")
        with open(p, "rb") as fh:
            raw = fh.read()
    except FileError:
        raise
    except IsADirectoryError:
        raise FileError(p, "is a directory") from None
    except FileNotFoundError:
        raise FileError(p, "no such file") from None
    except PermissionError:
        raise FileError(p, "permission denied") from None
    except OSError as exc:
        raise FileError(p, f"cannot be read: {exc.strerror or exc}") from None
    return decode(p, raw)


def write_atomic(path: str | Path, data: bytes) -> None:
    """Replace the file's bytes in one step: a temporary file in the same folder,
    flushed to disk, given the original's permissions, then renamed over it."""
    p = Path(path)
    try:
        mode = stat.S_IMODE(os.stat(p).st_mode)
    except OSError:
        mode = 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".lintnews-tmp", dir=str(p.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
