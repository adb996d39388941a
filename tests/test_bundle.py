"""The packaged application (PyInstaller one-folder bundle): built once, run from a read-only folder whose path has
spaces and Chinese characters, with an empty HOME, no fonts and no Python installation visible."""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("gkbg_packaging_build", ROOT / "packaging" / "build.py")
packaging_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(packaging_build)

pytestmark = pytest.mark.slow

# Run inside a private mount namespace (unshare): the system's font folders and Python's standard library are
# covered by empty file systems, the bundle folder is remounted read-only (this holds even for root), and both are
# checked before the command runs.
SANDBOX = r"""
set -e
for d in /usr/share/fonts /usr/local/share/fonts "$HIDE_PYTHON"; do
    if [ -d "$d" ]; then mount -t tmpfs -o size=64k,mode=755 gkbg-hidden "$d"; fi
done
mount --bind "$BUNDLE_DIR" "$BUNDLE_DIR"
mount -o remount,bind,ro "$BUNDLE_DIR"
if touch "$BUNDLE_DIR/probe" 2>/dev/null; then echo "sandbox: the bundle folder is writable" >&2; exit 90; fi
if [ -n "$(find /usr/share/fonts /usr/local/share/fonts -type f 2>/dev/null | head -n 1)" ]; then
    echo "sandbox: system fonts are visible" >&2; exit 91
fi
if [ -n "$(fc-list 2>/dev/null | head -n 1)" ]; then echo "sandbox: fontconfig lists fonts" >&2; exit 92; fi
if [ -e "$HIDE_PYTHON/os.py" ]; then echo "sandbox: Python's library is visible" >&2; exit 93; fi
exec "$@"
"""


def sandbox_available() -> bool:
    probe = ["unshare", "--mount", *([] if os.geteuid() == 0 else ["--map-root-user"]), "true"]
    try:
        return shutil.which("unshare") is not None and subprocess.run(probe, capture_output=True).returncode == 0
    except OSError:
        return False


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The bundle built from this checkout, copied to 'gkbg 只读 目录/年报 助手/gkbg'; returns that folder."""
    if not sandbox_available():
        pytest.fail("these tests need `unshare --mount` (util-linux; root or unprivileged user namespaces)")
    work = tmp_path_factory.mktemp("pyinstaller")
    built = packaging_build.build(work / "dist", work / "build", quiet=True)
    size_mb = packaging_build.folder_size(built) / 1e6
    assert size_mb < packaging_build.SIZE_LIMIT_MB, f"bundle is {size_mb:.1f} MB"
    target = tmp_path_factory.mktemp("gkbg 只读 目录") / "年报 助手" / "gkbg"
    shutil.copytree(built, target, symlinks=True)
    shutil.rmtree(work, ignore_errors=True)
    return target


@pytest.fixture
def run(bundle, tmp_path):
    """run(*args) -> CompletedProcess of the bundled gkbg in the sandbox; the fixture's `home` is its HOME."""
    home = tmp_path / "home"
    home.mkdir()
    fonts_conf = tmp_path / "empty-fonts.conf"
    fonts_conf.write_text('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n', "utf-8")
    env = {
        "HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
        "FONTCONFIG_FILE": str(fonts_conf), "BUNDLE_DIR": str(bundle.parent),
        "HIDE_PYTHON": sysconfig.get_paths()["stdlib"],
    }

    def go(*args: str, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        sandbox = ["unshare", "--mount", *([] if os.geteuid() == 0 else ["--map-root-user"])]
        command = [*sandbox, "bash", "-c", SANDBOX, "sandbox", str(bundle / "gkbg"), *args]
        result = subprocess.run(command, env={**env, **(extra or {})}, capture_output=True, text=True,
                                timeout=120)
        assert result.returncode < 90, result.stderr  # the sandbox itself failed
        return result

    go.home = home
    return go


def sample(bundle: Path) -> str:
    """The sample shipped inside the bundle (so it is also proof that the sample is shipped)."""
    path = bundle / "_internal" / "resources" / "samples" / "huohua-2019.gkbg.json"
    assert path.is_file()
    return str(path)


def test_version(run):
    from model.version import VERSION

    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert VERSION in result.stdout


def test_check_on_the_sample_exits_0(run, bundle):
    result = run("check", sample(bundle))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 个错误" in result.stdout


def test_export_writes_a_pdf_with_every_font_embedded_from_the_shipped_font(run, bundle, tmp_path):
    from pypdf import PdfReader

    out_dir = tmp_path / "导出 文件"
    out_dir.mkdir()
    target = out_dir / "火花镇 2019 年报.pdf"
    # a stand-in for fc-list, which the export runs: it records the library path a program started by the bundle gets
    tools = tmp_path / "tools"
    tools.mkdir()
    record = tmp_path / "fc-list-environment"
    (tools / "fc-list").write_text(f'#!/bin/sh\necho "${{LD_LIBRARY_PATH-unset}}" > "{record}"\n', "utf-8")
    (tools / "fc-list").chmod(0o755)
    result = run("export", sample(bundle), "--to", str(target), extra={"PATH": f"{tools}:/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert record.read_text("utf-8").strip() == "unset"  # not the bundle's _internal (packaging/rthook_environ.py)
    reader = PdfReader(target)
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts
    for name, font in fonts.items():
        descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font).get(
            "/FontDescriptor")
        assert descriptor is not None, f"{name} has no font descriptor (a standard font, not embedded)"
        descriptor = descriptor.get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{name} not embedded"
    # no system font was visible: every font is a subset of the shipped AR PL SungtiL GB (BousungEG-Light-GB)
    assert all(name.split("+")[-1] == "BousungEG-Light-GB" for name in fonts), sorted(fonts)
    assert "火花镇人民政府" in reader.pages[0].extract_text().replace(" ", "").replace("\n", "")
    from model.version import VERSION

    assert VERSION in reader.metadata["/Creator"]  # the version that made it


def test_export_docx(run, bundle, tmp_path):
    import docx

    target = tmp_path / "年报 2019.docx"
    result = run("export", sample(bundle), "--to", str(target))
    assert result.returncode == 0, result.stderr
    assert any("火花镇人民政府" in p.text for p in docx.Document(str(target)).paragraphs)
    import zipfile

    from model.version import VERSION

    with zipfile.ZipFile(target) as package:
        assert VERSION in package.read("docProps/app.xml").decode("utf-8")  # <Application>… version</Application>


def test_import_and_aggregate_from_the_bundle(run, bundle, tmp_path):
    """The importer (Word and PDF) and 汇总 with its workbook: their libraries are in the bundle."""
    import json

    from openpyxl import load_workbook

    from aggregate_units import write_units

    units = tmp_path / "各单位 报告"
    write_units(units, 2, year=2019, seed=3, errors=(1,), money_units=("元", "万元"))
    word, pdf = units / "火花镇 年报.docx", tmp_path / "火花镇 年报.pdf"
    for target in (word, pdf):
        assert run("export", sample(bundle), "--to", str(target)).returncode == 0
    for source in (word, pdf):
        draft = tmp_path / f"导入 {source.suffix[1:]}.gkbg.json"
        result = run("import", str(source), "-o", str(draft))
        assert result.returncode == 0, result.stdout + result.stderr
        assert json.loads(draft.read_text("utf-8"))["unit_name"] == "火花镇人民政府"
    summary, workbook = tmp_path / "县 汇总.gkbg.json", tmp_path / "明细 表.xlsx"
    result = run("aggregate", str(units), "-o", str(summary), "--unit", "某县人民政府办公室", "--xlsx", str(workbook))
    assert result.returncode == 1, result.stdout + result.stderr  # one unit has errors: made, and marked
    assert "已汇总 3 个单位的报告" in result.stdout
    sheet = load_workbook(workbook)["四、复议诉讼"]
    assert [sheet.cell(row, 2).value for row in range(5, 8)] == [
        "火花乡人民政府", "青山镇人民政府", "火花镇人民政府"]  # the folder's files by name
    assert run("aggregate", "--check", str(summary)).returncode == 0
    (units / "unit0001.gkbg.json").write_bytes((units / "unit0001.gkbg.json").read_bytes() + b"\n")
    check = run("aggregate", "--check", str(summary))
    assert check.returncode == 1 and "已修改：青山镇人民政府" in check.stdout
    import shlex

    command = shlex.split(next(line for line in check.stdout.splitlines() if " aggregate " in line))
    assert command[0] == str(bundle / "gkbg")  # the re-make command names this program, by its full path
    assert run(*command[1:]).returncode == 1  # and it re-makes the summary


def test_window_starts_offscreen_and_quits_keeping_settings_in_the_home_folder(run, bundle):
    result = run(sample(bundle), extra={"GKBG_QUIT_AFTER_START": "1"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)
    assert "火花镇人民政府" in lines["window shown"]
    assert lines["chinese font"] == "AR PL SungtiL GB"  # no font on the machine: the shipped one draws the labels
    home = run.home
    assert Path(lines["settings"]) == home / ".config" / "gkbg" / "gkbg.conf"
    assert Path(lines["settings"]).is_file()  # written on close (window geometry), in the user's folder
    assert Path(lines["recovery copies"]).is_relative_to(home / ".local" / "share")


def test_bundle_contents(bundle):
    internal = bundle / "_internal"
    qt = internal / "PySide6" / "Qt"
    assert (internal / "resources" / "fonts" / "gbsn00lp-gb2312.ttf").is_file()
    assert (internal / "resources" / "fonts" / "ARPHICPL.TXT").is_file()  # the font's licence travels with it
    assert (internal / "resources" / "icons" / "gkbg-256.png").is_file()
    assert (qt / "translations" / "qtbase_zh_CN.qm").is_file()
    assert not list((qt / "translations").glob("qtbase_de.qm"))  # only the Chinese translations
    assert list(internal.glob("PySide6/QtPdf.*")) and list(internal.glob("PySide6/QtPdfWidgets.*"))
    assert list(qt.glob("lib/libQt6Pdf.so*"))
    for module in (*internal.glob("PySide6/QtPdf*.so"), qt / "plugins" / "platforms" / "libqxcb.so"):
        linked = subprocess.run(["ldd", str(module)], capture_output=True, text=True, check=True).stdout
        assert "not found" not in linked, linked  # print preview and the X11 window can load
    unwanted = ("WebEngine", "Qml", "Quick", "Multimedia", "3DCore", "Charts", "Designer")
    assert not [p for p in internal.rglob("*") if any(u in p.name for u in unwanted)]
    assert not (bundle / "gkbg.conf").exists() and not (bundle / "recovery").exists()
