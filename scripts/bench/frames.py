"""Frame capture of the X root window, for launch "as the user sees it" (issue 12).

Standard library only: libX11/libXext through ctypes (XShmGetImage of the whole root window into a
shared-memory segment, or plain XGetImage without MIT-SHM; ZPixmap, 32 bits a pixel under Xvfb's
24-bit screen); changed rows found with memcmp on the frames' own buffers (halving), their pixels counted
with Python's big integers (XOR, fold each 32-bit pixel onto its low bit, popcount).
PNG written with zlib. Nothing here starts or stops processes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import struct
import time
import zlib
from pathlib import Path


class _Funcs(ctypes.Structure):
    _fields_ = [("create_image", ctypes.c_void_p),
                ("destroy_image", ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)),
                ("get_pixel", ctypes.c_void_p), ("put_pixel", ctypes.c_void_p),
                ("sub_image", ctypes.c_void_p), ("add_pixel", ctypes.c_void_p)]


class _XImage(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int),
                ("bitmap_pad", ctypes.c_int), ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int),
                ("bits_per_pixel", ctypes.c_int), ("red_mask", ctypes.c_ulong),
                ("green_mask", ctypes.c_ulong), ("blue_mask", ctypes.c_ulong),
                ("obdata", ctypes.c_void_p), ("f", _Funcs)]


_memcmp = ctypes.CDLL(None).memcmp
_memcmp.restype = ctypes.c_int
_memcmp.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t]

class _ShmInfo(ctypes.Structure):
    _fields_ = [("shmseg", ctypes.c_ulong), ("shmid", ctypes.c_int), ("shmaddr", ctypes.c_void_p),
                ("readOnly", ctypes.c_int)]


ZPIXMAP = 2
ALL_PLANES = ctypes.c_ulong(-1 & 0xFFFFFFFFFFFFFFFF)


class Screen:
    """The root window of $DISPLAY; grab() returns one frame as bytes (BGRX rows, no padding)."""

    def __init__(self) -> None:
        self.x = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x.XGetImage.restype = ctypes.POINTER(_XImage)
        self.x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                     ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        self.x.XDisplayWidth.argtypes = self.x.XDisplayHeight.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.dpy = self.x.XOpenDisplay(None)
        if not self.dpy:
            raise RuntimeError("cannot open $DISPLAY")
        self.root = self.x.XDefaultRootWindow(self.dpy)
        self.width = self.x.XDisplayWidth(self.dpy, 0)
        self.height = self.x.XDisplayHeight(self.dpy, 0)
        self.method = "XGetImage"
        self.shm = None
        try:
            self._shm_init()
            self.method = "XShmGetImage"
        except Exception:  # noqa: BLE001 - no MIT-SHM (remote display): the plain request
            self.shm = None

    def _shm_init(self) -> None:
        """MIT-SHM: the server writes the frame into a segment we map; one copy out per frame."""
        ext = ctypes.CDLL(ctypes.util.find_library("Xext") or "libXext.so.6")
        libc = ctypes.CDLL(None, use_errno=True)
        if not ext.XShmQueryExtension(ctypes.c_void_p(self.dpy)):
            raise RuntimeError("no MIT-SHM")
        self.x.XDefaultVisual.restype = ctypes.c_void_p
        self.x.XDefaultVisual.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.x.XDefaultDepth.argtypes = [ctypes.c_void_p, ctypes.c_int]
        ext.XShmCreateImage.restype = ctypes.POINTER(_XImage)
        ext.XShmCreateImage.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                        ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint, ctypes.c_uint]
        ext.XShmAttach.argtypes = ext.XShmDetach.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        ext.XShmGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_int,
                                     ctypes.c_int, ctypes.c_ulong]
        libc.shmget.argtypes = [ctypes.c_int, ctypes.c_size_t, ctypes.c_int]
        libc.shmat.restype = ctypes.c_void_p
        libc.shmat.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
        libc.shmctl.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_void_p]
        info = _ShmInfo()
        img = ext.XShmCreateImage(self.dpy, self.x.XDefaultVisual(self.dpy, 0), self.x.XDefaultDepth(self.dpy, 0),
                                  ZPIXMAP, None, ctypes.byref(info), self.width, self.height)
        size = img.contents.bytes_per_line * img.contents.height
        info.shmid = libc.shmget(0, size, 0o1600)  # IPC_PRIVATE, IPC_CREAT | 0600
        if info.shmid < 0:
            raise RuntimeError("shmget failed")
        addr = libc.shmat(info.shmid, None, 0)
        libc.shmctl(info.shmid, 0, None)  # IPC_RMID now: the segment goes when both sides detach
        info.shmaddr = img.contents.data = addr
        info.readOnly = 0
        if not ext.XShmAttach(self.dpy, ctypes.byref(info)):
            raise RuntimeError("XShmAttach failed")
        self.x.XSync(ctypes.c_void_p(self.dpy), 0)
        self.shm = (ext, img, info, size)

    def grab(self) -> bytes:
        if self.shm:
            ext, img, _, size = self.shm
            if not ext.XShmGetImage(self.dpy, self.root, img, 0, 0, ALL_PLANES):
                raise RuntimeError("XShmGetImage failed")
            return ctypes.string_at(img.contents.data, size)
        img = self.x.XGetImage(self.dpy, self.root, 0, 0, self.width, self.height, ALL_PLANES, ZPIXMAP)
        if not img:
            raise RuntimeError("XGetImage failed")
        im = img.contents
        if im.bits_per_pixel != 32 or im.bytes_per_line != self.width * 4:
            raise RuntimeError(f"unexpected image layout: {im.bits_per_pixel} bpp, {im.bytes_per_line} B/line")
        data = ctypes.string_at(im.data, im.bytes_per_line * im.height)
        im.f.destroy_image(ctypes.cast(img, ctypes.c_void_p))
        return data

    def close(self) -> None:
        self.x.XCloseDisplay(self.dpy)


class Differ:
    """Changed pixels between two frames of one size, and their bounding box."""

    def __init__(self, width: int, height: int) -> None:
        self.w, self.h = width, height
        self.stride = width * 4
        self.rgb = int.from_bytes(b"\xff\xff\xff\x00" * width, "little")  # ignore the pad byte
        self.low = int.from_bytes(b"\x01\x00\x00\x00" * width, "little")  # bit 0 of each pixel

    def more_than(self, a: bytes, b: bytes, threshold: int, key: str = "wide") -> bool:
        """Whether more than `threshold` pixels differ: every 4th row first (a launch's big changes
        then cost a quarter), all rows when that sample does not settle it."""
        if a == b:
            return False
        if self.diff(a, b, every=4)[key] * 4 > threshold * 8:
            return True
        return self.diff(a, b)[key] > threshold

    def _rows(self, a: bytes, b: bytes, y0: int, y1: int):
        """The rows in [y0, y1) that differ: memcmp on the frames' own buffers (no copies), halving."""
        pa = ctypes.cast(ctypes.c_char_p(a), ctypes.c_void_p).value
        pb = ctypes.cast(ctypes.c_char_p(b), ctypes.c_void_p).value
        s = self.stride

        def rows(y0: int, y1: int):
            if _memcmp(pa + y0 * s, pb + y0 * s, (y1 - y0) * s) == 0:
                return
            if y1 - y0 == 1:
                yield y0
                return
            mid = (y0 + y1) // 2
            yield from rows(y0, mid)
            yield from rows(mid, y1)

        yield from rows(y0, y1)

    def diff(self, a: bytes, b: bytes, every: int = 1) -> dict:
        """Changed pixels and their bounding box (x0, y0, x1, y1 inclusive, or None): `all` of them,
        and `wide`, leaving out changed columns that form strips narrower than `NARROW` pixels (gaps
        of up to 3 px joined): a blinking caret and an overlay scrollbar fading in or out.
        every=N counts only every Nth row (the counts are then about 1/N of the real ones)."""
        if a == b:
            return {"all": 0, "box": None, "wide": 0, "wide_box": None}
        s = self.stride
        rows: list[tuple[int, int]] = []
        cols = 0
        for y in self._rows(a, b, 0, self.h):
            if y % every:
                continue
            v = (int.from_bytes(a[y * s:(y + 1) * s], "little")
                 ^ int.from_bytes(b[y * s:(y + 1) * s], "little")) & self.rgb
            v |= v >> 1
            v |= v >> 2
            v |= v >> 4
            v |= v >> 8
            v |= v >> 16
            v &= self.low
            if v:
                rows.append((y, v))
                cols |= v
        out = {"all": 0, "box": None, "wide": 0, "wide_box": None}
        if not rows:
            return out
        out["all"] = sum(v.bit_count() for _, v in rows)
        out["box"] = _box(rows, cols)
        flags = cols.to_bytes(self.w * 4, "little")[0::4]
        wide = bytearray(self.w * 4)
        for m in _RUN.finditer(flags):
            if m.end() - m.start() >= NARROW:
                wide[m.start() * 4:m.end() * 4:4] = b"\x01" * (m.end() - m.start())
        mask = int.from_bytes(wide, "little")
        if mask:
            kept = [(y, v & mask) for y, v in rows if v & mask]
            out["wide"] = sum(v.bit_count() for _, v in kept)
            out["wide_box"] = _box(kept, cols & mask)
        return out


NARROW = 8
_RUN = re.compile(rb"\x01(?:\x00{0,3}\x01)*")


def _box(rows: list[tuple[int, int]], cols: int) -> tuple[int, int, int, int]:
    lo = ((cols & -cols).bit_length() - 1) // 32
    hi = (cols.bit_length() - 1) // 32
    return (lo, rows[0][0], hi, rows[-1][0])


def write_png(path: Path, frame: bytes, width: int, height: int) -> None:
    """BGRX frame -> 8-bit RGB PNG."""
    raw = bytearray()
    stride = width * 4
    for y in range(height):
        row = frame[y * stride:(y + 1) * stride]
        rgb = bytearray(width * 3)
        rgb[0::3], rgb[1::3], rgb[2::3] = row[2::4], row[1::4], row[0::4]
        raw += b"\x00" + rgb

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(bytes(raw), 6)) + chunk(b"IEND", b""))


def watch(screen: Screen, t0: float, *, interval: float = 0.05, threshold: int = 600,
          quiet: float = 2.0, timeout: float = 20.0, first: bytes | None = None) -> dict:
    """Frames from now until the screen has had no significant change for `quiet` seconds.

    A change is significant when more than `threshold` pixels, outside narrow strips (Differ),
    differ from the frame of the last significant change: a caret blinking or a scrollbar fading
    never counts, a change made of many small steps still does. `last_any` is the last frame, within
    the same window, where more than `threshold` pixels changed counting the strips. t0 is the exec
    time (time.perf_counter()); times are ms after it, a frame's time being the middle of its grab.
    Returns the changes (each with its frame), the final frame and what the capture cost.
    """
    differ = Differ(screen.width, screen.height)
    ref = any_ref = prev = first if first is not None else screen.grab()
    changes: list[dict] = []
    grabs: list[float] = []
    diffs: list[float] = []
    last_change = time.perf_counter()
    last_any = None
    frames = 0
    busy_to_last = 0.0
    timed_out = False
    while True:
        due = time.perf_counter() + interval
        a = time.perf_counter()
        frame = screen.grab()
        b = time.perf_counter()
        grabs.append((b - a) * 1000)
        frames += 1
        t = round(((a + b) / 2 - t0) * 1000, 1)
        if differ.more_than(ref, frame, threshold):
            changes.append({"t": t, "frame": frame, "ref": ref, "prev": prev})
            ref = frame
            last_change = b
        if frame is ref or (frame != prev and differ.more_than(any_ref, frame, threshold, "all")):
            any_ref = frame
            last_any = t
        prev = frame
        c = time.perf_counter()
        diffs.append((c - b) * 1000)
        if last_change == b:
            busy_to_last = sum(grabs) + sum(diffs)
        if c - last_change >= quiet and changes:
            break
        if c - t0 > timeout:
            timed_out = True
            break
        time.sleep(max(0.0, due - time.perf_counter()))
    for c in changes:  # exact figures, now that the clock has stopped
        d = differ.diff(c.pop("ref"), c["frame"])
        prev = c.pop("prev")
        step = differ.diff(prev, c["frame"])
        c.update(pixels=d["wide"], box=d["wide_box"], pixels_all=d["all"], box_all=d["box"],
                 since_previous_frame=step["all"], box_previous_frame=step["box"])
    return {"changes": changes, "last": changes[-1]["t"] if changes else None, "last_any": last_any,
            "final": ref, "frames": frames, "grab_ms": grabs, "diff_ms": diffs,
            "busy_ms_to_last": round(busy_to_last, 1), "timed_out": timed_out}
