"""The hostile-draft corpus (tests/hostile_corpus.py): every case refused with its message — by the loader,
by `check` as a real process (exit 2, no traceback, no hang), and, for the special files, by the window."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_main
from hostile_corpus import CASES, build, file_name
from model.draft import load_draft
from model.errors import DraftError

ROOT = Path(__file__).resolve().parent.parent
BY_NAME = {case.name: case for case in CASES}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {case.name: path for case, path in build(folder)}


@pytest.mark.parametrize("name", [c.name for c in CASES if not c.special])
def test_loader_refuses_with_its_message(corpus, name):
    with pytest.raises(DraftError) as info:
        load_draft(corpus[name])
    assert BY_NAME[name].message in info.value.message
    assert info.value.message.isprintable()  # escapes shown as text, never raw control characters


@pytest.mark.parametrize("name", [c.name for c in CASES if c.special])
def test_check_of_a_special_file_answers_at_once(corpus, name):
    """A FIFO or a link to /dev/zero once blocked `check` forever or read gigabytes: now exit 2 at once."""
    result = run_main("check", corpus[name], timeout=60)
    assert result.returncode == 2, result.stderr
    assert BY_NAME[name].message in result.stderr and "Traceback" not in result.stderr


def test_every_case_through_the_command_line(corpus):
    """One process checks the whole regular corpus (as `check` would each file): exit 2 and the message."""
    script = (
        "import sys, io, contextlib\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "import main\n"
        "for path in sys.argv[1:]:\n"
        "    err = io.StringIO()\n"
        "    with contextlib.redirect_stderr(err):\n"
        "        code = main.run_cli(['check', path])\n"
        "    print(code, err.getvalue().strip().replace(chr(10), ' '))\n")
    names = [c.name for c in CASES if not c.special]
    result = subprocess.run([sys.executable, "-c", script, *(str(corpus[n]) for n in names)],
                            capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(names)
    for name, line in zip(names, lines):
        code, message = line.split(" ", 1)
        assert code == "2" and BY_NAME[name].message in message, (name, line)
        assert "\x1b" not in message


def test_corpus_script_writes_every_case(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "hostile_corpus.py"), str(tmp_path / "c")],
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert {line.split("\t")[0] for line in result.stdout.splitlines()} == {file_name(c) for c in CASES}
