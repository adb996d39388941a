"""导出字体设置: the DOCX font names per role, kept in QSettings and turned into ExportOptions."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel

from ..dialogs import ok_cancel_buttons
from ..screen_fit import fit_dialog
from ..settings import EXPLANATIONS_KEY

FONT_ROLES = (  # (settings key, ExportOptions field, label); the defaults are export.options.DEFAULT_DOCX_FONTS
    ("export/title_font", "title_font", "标题字体："),
    ("export/heading_font", "heading_font", "一级标题字体："),
    ("export/subheading_font", "subheading_font", "二级标题字体："),
    ("export/body_font", "body_font", "正文字体："),
    ("export/table_font", "table_font", "表格字体："),
)
CHOICES = ("方正小标宋简体", "小标宋", "仿宋_GB2312", "仿宋", "黑体", "宋体", "楷体_GB2312", "楷体")


def default_font(field: str) -> str:
    """The official font of an ExportOptions field (title_font → 方正小标宋简体)."""
    from export.layout import FontRole
    from export.options import DEFAULT_DOCX_FONTS

    return DEFAULT_DOCX_FONTS[FontRole(field.removesuffix("_font"))]


def font_names(settings) -> dict[str, str]:
    """ExportOptions field → font name, from settings or the official defaults."""
    names = {}
    for key, field, _label in FONT_ROLES:
        value = settings.value(key, "")
        names[field] = value.strip() if isinstance(value, str) and value.strip() else default_font(field)
    return names


def export_options(settings, **extra):
    """The ExportOptions of the fonts and the 检查说明 page chosen in settings, and of extra."""
    from export import ExportOptions

    extra.setdefault("explanations_page", bool(settings.value(EXPLANATIONS_KEY, False, bool)))
    return ExportOptions(**font_names(settings), **extra)


class ExportFontsDialog(QDialog):
    """Editable choices: Word shows the name given; the clerk's PC must have that font installed."""

    def __init__(self, settings, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("导出字体设置")
        self.settings = settings
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        note = QLabel("导出 Word 文档时使用的中文字体名称（按公文格式默认）。"
                      "PDF 会自动使用本机已安装的相应字体。", self)
        note.setWordWrap(True)
        note.setMinimumWidth(note.fontMetrics().horizontalAdvance("中") * 26)  # two lines, not five
        form.addRow(note)
        current = font_names(settings)
        for key, field, label in FONT_ROLES:
            box = QComboBox(self)
            box.setEditable(True)
            box.addItems(CHOICES)
            box.setCurrentText(current[field])
            self.boxes[key] = box
            form.addRow(label, box)
        buttons = ok_cancel_buttons(self)
        buttons.addButton(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        form.addRow(buttons)
        fit_dialog(self)

    def restore_defaults(self) -> None:
        for key, field, _label in FONT_ROLES:
            self.boxes[key].setCurrentText(default_font(field))

    def accept(self) -> None:
        for key, box in self.boxes.items():
            self.settings.setValue(key, box.currentText().strip())
        super().accept()
