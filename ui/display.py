"""Is there a screen to open the window on? One Chinese line instead of Qt's abort when there is none."""
from __future__ import annotations

import os
import sys

# platform plugins that need no display server
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")
HINT = "命令行功能（检查、导出等）不需要显示，见 python main.py -h"


def display_problem(env=None, platform: str | None = None) -> str | None:
    """Why Qt could not open a window here, as one Chinese line; None when it can (or we cannot tell).

    Only Linux and the BSDs need a display server (X11 or Wayland); Windows and macOS always have a screen.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    chosen = [p.split(":")[0].strip() for p in env.get("QT_QPA_PLATFORM", "").split(";") if p.strip()]
    if any(p in HEADLESS_PLATFORMS for p in chosen):
        return None
    wayland, x11 = env.get("WAYLAND_DISPLAY", ""), env.get("DISPLAY", "")
    if not chosen:  # Qt's own choice: Wayland in a Wayland session, else X11
        chosen = ["wayland", "xcb"] if wayland else ["xcb"]
    if "wayland" in chosen and wayland:
        return None
    if "xcb" in chosen:
        if not x11:
            return f"错误：没有可用的图形显示（未设置 DISPLAY），无法打开窗口。{HINT}"
        if not x_server_answers(x11):
            return f"错误：无法连接图形显示“{x11}”（远程桌面已断开或显示服务未运行），无法打开窗口。{HINT}"
        return None
    if chosen and chosen[0].startswith("wayland"):
        return f"错误：没有可用的 Wayland 显示（未设置 WAYLAND_DISPLAY），无法打开窗口。{HINT}"
    return None


def x_server_answers(display: str, timeout: float = 2.0) -> bool:
    """True when an X server listens at display (":0", "unix:0", "host:10.0"); True when the name is
    not one we know how to reach (Qt will say)."""
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return True
    import _socket  # the C module alone: the socket package costs start-up time

    if host in ("", "unix") or host.startswith("/"):
        addresses = [(_socket.AF_UNIX, f"\0/tmp/.X11-unix/X{number}"),  # Linux abstract socket
                     (_socket.AF_UNIX, f"/tmp/.X11-unix/X{number}")]
    else:
        addresses = [(_socket.AF_INET, (host, 6000 + int(number)))]
    for family, address in addresses:
        sock = _socket.socket(family, _socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:
            sock.connect(address)
            return True
        except OSError:
            continue
        finally:
            sock.close()
    return False


class StartupMessages:
    """A Qt message handler for the QApplication's construction. A fatal message (no platform plugin could
    start) becomes one Chinese line and exit code 2 instead of Qt's abort; the other messages are held and
    written once the application exists (release())."""

    def __init__(self) -> None:
        self.held: list[str] = []

    def __call__(self, kind, _context, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        if kind != QtMsgType.QtFatalMsg:
            self.held.append(message)
            return
        sys.stderr.write(f"错误：图形界面无法启动，无法打开窗口（{qt_reason(self.held + [message])}）。{HINT}\n")
        sys.stderr.flush()
        os._exit(2)

    def release(self) -> None:
        for message in self.held:
            sys.stderr.write(message + "\n")
        self.held.clear()


def qt_reason(messages: list[str]) -> str:
    """Why Qt could not start, in Chinese where we know the message."""
    import re

    for message in messages:
        found = re.search(r'Could not (find|load) the Qt platform plugin "([^"]*)"', message)
        if found:
            plugin = found[2]
            return (f"找不到界面插件“{plugin}”" if found[1] == "find"
                    else f"界面插件“{plugin}”无法加载，可能缺少系统库")
        if "could not connect to display" in message:
            return "无法连接图形显示"
    return f"Qt：{messages[-1].splitlines()[0]}" if messages else "原因不明"
