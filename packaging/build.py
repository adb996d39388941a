"""Builds the one-folder application dist/gkbg/ with PyInstaller from packaging/gkbg.spec, and reports its size."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "gkbg.spec"
SIZE_LIMIT_MB = 150


def folder_size(folder: Path) -> int:
    """Bytes of every file under folder (symbolic links not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path, quiet: bool = False, clean: bool = False) -> Path:
    """Run PyInstaller; returns the bundle folder (dist/gkbg). Raises CalledProcessError when it fails."""
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
               "--distpath", str(dist), "--workpath", str(work)]
    if clean:
        command.append("--clean")  # also empties PyInstaller's cache of processed libraries
    if quiet:
        command += ["--log-level", "WARN"]
    # the build must not pick up a developer's PYTHONPATH or a half-installed copy: the spec adds ROOT itself
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return dist / "gkbg"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the gkbg folder is made")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder")
    parser.add_argument("--quiet", action="store_true", help="only PyInstaller's warnings and errors")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's caches first")
    args = parser.parse_args(argv)
    bundle = build(args.dist.resolve(), args.work.resolve(), args.quiet, args.clean)
    size_mb = folder_size(bundle) / 1e6
    print(f"built {bundle} ({size_mb:.1f} MB)")
    if size_mb > SIZE_LIMIT_MB:
        print(f"the bundle is larger than {SIZE_LIMIT_MB} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
