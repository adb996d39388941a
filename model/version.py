"""The application's name and version: shown in 关于, written into every draft and export."""

APP_ID = "gkbg"
APP_NAME = "政府信息公开工作年度报告填报助手"
VERSION = "0.2.0"


def generator() -> str:
    """What a draft's `generator` key and an export's properties name as their maker."""
    return f"{APP_ID} {VERSION}"


def version_line() -> str:
    """What `gkbg --version` prints."""
    return f"{generator()}（{APP_NAME}）"
