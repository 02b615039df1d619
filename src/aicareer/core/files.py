"""Reading only regular files: a FIFO, a device or a socket named as an input, a saved
state file or a data file is refused at once, never read (a FIFO would block for ever,
/dev/zero would fill the memory).

    data = read_regular(path, limit=MAX)   # bytes; OSError (strerror says why) otherwise

The file is opened with O_NONBLOCK (opening a FIFO with no writer then returns at once)
and checked with fstat on the open descriptor, so a file swapped between a check and
the open cannot slip through. Errors are OSError subclasses, so callers keep their
own "cannot read X: <strerror>" messages.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path


class NotRegularFile(OSError):
    """The path names a FIFO, a device, a socket: not something to read as a file."""


class FileTooLarge(OSError):
    """The file is larger than the caller's limit."""


def kind_of(mode: int) -> str:
    """'a named pipe (FIFO)', 'a character device', ... for a message."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a plain file"


def not_regular(mode: int) -> NotRegularFile:
    return NotRegularFile(errno.EINVAL, f"{kind_of(mode)}, not a regular file")


def size_text(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"


def read_regular(path: Path | str, limit: int | None = None) -> bytes:
    """The bytes of a regular file (symlinks followed). Raises FileNotFoundError,
    IsADirectoryError, NotRegularFile, FileTooLarge (over `limit` bytes) or another OSError."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise not_regular(info.st_mode)
        if limit is not None and info.st_size > limit:
            raise FileTooLarge(errno.EFBIG, f"larger than {size_text(limit)}")
        chunks = []
        total = 0
        cap = (limit + 1) if limit is not None else None
        while True:  # a file may grow while it is read: never past the limit
            chunk = os.read(fd, 1 << 20 if cap is None else min(1 << 20, cap - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if cap is not None and total >= cap:
                raise FileTooLarge(errno.EFBIG, f"larger than {size_text(limit or 0)}")
        return b"".join(chunks)
    finally:
        os.close(fd)


class StdinClosed(OSError):
    """Standard input is closed (`0<&-`) or cannot be read."""


def read_stdin(limit: int) -> bytes:
    """Up to limit + 1 bytes of standard input. Raises StdinClosed when it is closed or
    fails (never an AttributeError on a missing sys.stdin)."""
    stream = sys.stdin
    if stream is None:
        raise StdinClosed(errno.EBADF, "standard input is closed")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            return bytes(buffer.read(limit + 1))
        return str(stream.read(limit + 1)).encode("utf-8", "surrogateescape")
    except (OSError, ValueError) as exc:  # a closed or failing descriptor
        closed = isinstance(exc, ValueError) or getattr(exc, "errno", None) == errno.EBADF
        reason = getattr(exc, "strerror", None) or exc
        why = "standard input is closed" if closed else f"standard input cannot be read ({reason})"
        raise StdinClosed(errno.EBADF, why) from None


def is_regular_or_missing(path: Path) -> bool:
    """True when nothing is at `path` or it is a regular file (a symlink to one counts)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True
