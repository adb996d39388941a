"""Operating-system errors told in Chinese: the reason for an errno, never Python's English text."""
# (errno names that only some systems define are added when present)
from __future__ import annotations

import errno
import os

_REASONS = {
    errno.ENOSPC: "磁盘空间已满",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "磁盘为只读",
    errno.ENOENT: "文件或文件夹不存在（可能已被删除或移动，或U盘已拔出）",
    errno.EBUSY: "文件正被其他程序占用",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中的某一级不是文件夹",
    errno.EIO: "读写设备出错（磁盘或U盘可能已损坏或已拔出）",
    errno.ENXIO: "设备不存在",
    errno.ENODEV: "设备不存在",
    errno.EMFILE: "打开的文件过多",
    errno.ENFILE: "打开的文件过多",
    errno.EINVAL: "文件名或路径无效",
    errno.EFBIG: "文件过大",
    errno.EXDEV: "不能跨磁盘移动文件",
    errno.EEXIST: "文件已存在",
    errno.EAGAIN: "文件暂时无法访问",
}
for _name, _text in (("EDQUOT", "磁盘配额已满"), ("ELOOP", "符号链接过多或形成循环"),
                     ("ETXTBSY", "文件正被其他程序占用"), ("ESTALE", "网络文件已失效"), ("ENOTSUP", "文件系统不支持此操作"), ("EOPNOTSUPP", "文件系统不支持此操作"),
                     ("ETIMEDOUT", "网络连接超时"), ("EHOSTDOWN", "网络主机不可用"),
                     ("ECONNABORTED", "网络连接中断"), ("ECONNRESET", "网络连接中断")):
    if hasattr(errno, _name):
        _REASONS.setdefault(getattr(errno, _name), _text)


def os_reason(exc: OSError, writing: bool = False) -> str:
    """The reason of an OSError in Chinese (the errno's name when it is an unusual one)."""
    if isinstance(exc, PermissionError) and os.name == "nt":
        return "没有权限，或文件正被其他程序（如 WPS、Word）打开"
    code = exc.errno or 0
    if code in (errno.EACCES, errno.EPERM):
        return "没有写入权限（文件夹或文件为只读）" if writing else "没有读取权限"
    if code == errno.ENOENT and writing:
        return "文件夹不存在（可能已被删除或移动，或U盘已拔出）"
    if code in _REASONS:
        return _REASONS[code]
    name = errno.errorcode.get(code)
    return f"系统错误（{name}）" if name else "未知的系统错误"
