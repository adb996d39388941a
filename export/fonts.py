"""Chinese TrueType fonts for the PDF: found on the machine by role, else the shipped one; glyph coverage, widths."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from model.errors import ReportError
from model.resources import resource_path

from .layout import FontRole

BUNDLED = resource_path("fonts", "gbsn00lp-gb2312.ttf")

# file names tried for each role, best first (Windows office PCs, then common Linux packages)
ROLE_FILES: dict[FontRole, tuple[str, ...]] = {
    FontRole.TITLE: ("方正小标宋简体.ttf", "方正小标宋_gbk.ttf", "fzxbsjw.ttf", "fzxbsk.ttf", "simsun.ttc",
                     "simsun.ttf", "gbsn00lp.ttf", "simhei.ttf"),
    FontRole.HEADING: ("黑体.ttf", "simhei.ttf", "方正黑体_gbk.ttf", "wqy-zenhei.ttc", "wqy-microhei.ttc",
                       "msyh.ttc"),
    FontRole.SUBHEADING: ("楷体_gb2312.ttf", "kaiti_gb2312.ttf", "simkai.ttf", "楷体.ttf", "方正楷体_gbk.ttf",
                          "stkaiti.ttf", "gkai00mp.ttf"),
    FontRole.BODY: ("仿宋_gb2312.ttf", "fangsong_gb2312.ttf", "simfang.ttf", "方正仿宋_gbk.ttf", "simsun.ttc",
                    "gbsn00lp.ttf"),
    FontRole.PAGE_NUMBER: ("simsun.ttc", "simsun.ttf", "宋体.ttf", "nsimsun.ttf", "gbsn00lp.ttf"),
}
ROLE_FILES[FontRole.TABLE] = ROLE_FILES[FontRole.BODY]
# tried for characters the role's font lacks
FALLBACK_FILES = ("simsun.ttc", "simhei.ttf", "msyh.ttc", "gbsn00lp.ttf", "wqy-zenhei.ttc", "wqy-microhei.ttc",
                  "droidsansfallbackfull.ttf", "gkai00mp.ttf", "simsunb.ttf")


def font_dirs() -> list[Path]:
    """The folders the system keeps fonts in, on this platform."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts",
            home / ".local" / "share" / "fonts"]


_INDEX: dict[str, Path] | None = None


def installed_fonts() -> dict[str, Path]:
    """Lower-case file name -> path of every TrueType font file found (cached for the process)."""
    global _INDEX
    if _INDEX is None:
        index: dict[str, Path] = {}
        for folder in font_dirs():
            for root, _dirs, files in os.walk(folder):
                for name in files:
                    if name.lower().endswith((".ttf", ".ttc")):
                        index.setdefault(name.lower(), Path(root) / name)
        for path in _fontconfig_files():
            index.setdefault(path.name.lower(), path)
        _INDEX = index
    return _INDEX


def _fontconfig_files() -> list[Path]:
    """TrueType files fontconfig knows (fc-list), where there is one: fonts outside the usual folders."""
    if sys.platform == "win32" or not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [Path(line) for line in out.splitlines() if line.lower().endswith((".ttf", ".ttc"))]


@dataclass
class LoadedFont:
    """A font registered with reportlab under `name`, and the characters it has glyphs for."""

    name: str
    path: Path
    chars: frozenset[int]

    def has(self, ch: str) -> bool:
        return ord(ch) in self.chars


_LOADED: dict[Path, LoadedFont | None] = {}


def load_font(path: Path) -> LoadedFont | None:
    """Register a TrueType font with reportlab (once); None when reportlab cannot embed it."""
    path = Path(path)
    if path not in _LOADED:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        name = f"GK{len(_LOADED)}-{path.stem}"
        try:
            font = TTFont(name, str(path), subfontIndex=0)
        except (TTFError, OSError, ValueError, KeyError, IndexError):
            _LOADED[path] = None  # CFF outlines, no embedding allowed, unreadable
        else:
            pdfmetrics.registerFont(font)
            _LOADED[path] = LoadedFont(name, path, frozenset(font.face.charToGlyph))
    return _LOADED[path]


_GLYPH_WIDTHS: dict[tuple[str, str], float] = {}


def text_width(text: str, font: str, size: float) -> float:
    """Width in points of text set in a font load_font registered: its glyphs' advances (cached per glyph)."""
    total = 0.0
    for ch in text:
        w = _GLYPH_WIDTHS.get((font, ch))
        if w is None:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            w = _GLYPH_WIDTHS[(font, ch)] = stringWidth(ch, font, 1000) / 1000
        total += w
    return total * size


def runs_width(runs: list[tuple[str, str]], size: float) -> float:
    """Width in points of (font name, text) runs, as PdfFonts.runs splits a text."""
    return sum(text_width(text, name, size) for name, text in runs)


def needs_glyph(ch: str) -> bool:
    """False for white space and control characters: no font needs to draw them."""
    return not (ch.isspace() or ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0)


class FontChain:
    """The fonts tried for one role, the role's own font first; later ones are loaded only when needed."""

    def __init__(self, paths: list[Path]) -> None:
        self._paths = list(dict.fromkeys(paths))
        self._fonts: list[LoadedFont] = []
        self._next = 0

    def _load_more(self) -> bool:
        while self._next < len(self._paths):
            font = load_font(self._paths[self._next])
            self._next += 1
            if font is not None:
                self._fonts.append(font)
                return True
        return False

    @property
    def primary(self) -> LoadedFont:
        if not self._fonts and not self._load_more():
            raise ReportError("找不到可用于导出 PDF 的中文字体")
        return self._fonts[0]

    def font_for(self, ch: str) -> LoadedFont | None:
        for font in self._fonts:
            if font.has(ch):
                return font
        while self._load_more():
            if self._fonts[-1].has(ch):
                return self._fonts[-1]
        return None


class PdfFonts:
    """Font chains for every role, built from options, the machine's fonts and the shipped font."""

    def __init__(self, extra: dict[FontRole, list[str]] | None = None, system_fonts: bool = True) -> None:
        extra = extra or {}
        index = installed_fonts() if system_fonts else {}
        fallback = [index[n] for n in FALLBACK_FILES if n in index]
        self.chains: dict[FontRole, FontChain] = {}
        for role in FontRole:
            own = [Path(p) for p in extra.get(role, [])]
            own += [index[n] for n in ROLE_FILES[role] if n in index]
            if role is FontRole.SUBHEADING:  # without any 楷体 on the machine: the body face, then the shipped 宋体
                own += [index[n] for n in ROLE_FILES[FontRole.BODY] if n in index]
            others = [Path(p) for r in FontRole if r is not role for p in extra.get(r, [])]
            self.chains[role] = FontChain(own + fallback + others + [BUNDLED])

    def missing(self, text: str, role: FontRole = FontRole.BODY) -> list[str]:
        """Characters of text that no font of the role's chain can draw, in order of appearance."""
        chain = self.chains[role]
        chain.primary  # noqa: B018 - fail early when no font loads at all
        return [ch for ch in dict.fromkeys(text) if needs_glyph(ch) and chain.font_for(ch) is None]

    def runs(self, text: str, role: FontRole) -> list[tuple[str, str]]:
        """Split text into (font name, text) runs, each character drawn by the first font that has it."""
        chain = self.chains[role]
        primary = chain.primary.name
        runs: list[tuple[str, str]] = []
        for ch in text:
            font = chain.font_for(ch) if needs_glyph(ch) else None
            name = font.name if font is not None else primary
            if runs and runs[-1][0] == name:
                runs[-1] = (name, runs[-1][1] + ch)
            else:
                runs.append((name, ch))
        return runs


def describe_missing(chars: list[str]) -> str:
    """The clerk's message naming the characters no font can draw (the first ten)."""
    shown = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in chars[:10])
    more = f"等{len(chars)}个字符" if len(chars) > 10 else ""
    return f"以下字符在所有可用字体中都没有字形，无法导出：{shown}{more}。请改用常用字后再导出。"


def check_glyphs(fonts: PdfFonts, texts_by_role: dict[FontRole, str]) -> None:
    """Raise ReportError naming every character that no font can draw."""
    missing: dict[str, None] = {}
    for role, text in texts_by_role.items():
        missing.update(dict.fromkeys(fonts.missing(text, role)))
    if missing:
        raise ReportError(describe_missing(list(missing)))
