#!/bin/sh
# Installs the application folder (dist/gkbg, or the folder given) for this user, or for everyone with --system:
# the program, a `gkbg` command, the menu entry (gkbg.desktop), the icons and the draft file type, so that a
# double-click on a *.gkbg.json draft opens it. `--uninstall` removes what it installed (never the user's drafts,
# settings or recovery copies).
#
#   sh packaging/linux/install.sh [--system] [--uninstall] [BUNDLE_FOLDER]
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SYSTEM=no
UNINSTALL=no
BUNDLE="$ROOT/dist/gkbg"
for arg in "$@"; do
    case "$arg" in
        --system) SYSTEM=yes ;;
        --uninstall) UNINSTALL=yes ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) BUNDLE=$arg ;;
    esac
done

if [ "$SYSTEM" = yes ]; then
    PROGRAM_DIR=/opt/gkbg
    BIN_DIR=/usr/local/bin
    DATA_DIR=/usr/share
else
    PROGRAM_DIR="$HOME/.local/opt/gkbg"
    BIN_DIR="$HOME/.local/bin"
    DATA_DIR="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
APPS="$DATA_DIR/applications"
ICONS="$DATA_DIR/icons/hicolor"
MIME="$DATA_DIR/mime"
ICON_SIZES="16 24 32 48 64 128 256"

refresh() {
    # caches the desktop reads; each tool is optional (a desktop without it rescans on its own)
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$MIME"; fi
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$APPS" || true; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$ICONS" || true; fi
}

if [ "$UNINSTALL" = yes ]; then
    rm -rf "$PROGRAM_DIR"
    rm -f "$BIN_DIR/gkbg" "$APPS/gkbg.desktop" "$MIME/packages/gkbg-draft.xml" "$ICONS/scalable/apps/gkbg.svg"
    for size in $ICON_SIZES; do
        rm -f "$ICONS/${size}x${size}/apps/gkbg.png" "$ICONS/${size}x${size}/mimetypes/application-x-gkbg-draft.png"
    done
    refresh
    echo "已卸载（草稿、设置和自动保存的恢复副本保留未动）。"
    exit 0
fi

if [ ! -x "$BUNDLE/gkbg" ]; then
    echo "找不到程序文件夹 $BUNDLE（先运行 python packaging/build.py）" >&2
    exit 2
fi

# the program: a fresh copy (an older version's files must not linger)
mkdir -p "$(dirname "$PROGRAM_DIR")" "$BIN_DIR" "$APPS" "$MIME/packages"
rm -rf "$PROGRAM_DIR.new"
cp -a "$BUNDLE" "$PROGRAM_DIR.new"
rm -rf "$PROGRAM_DIR"
mv "$PROGRAM_DIR.new" "$PROGRAM_DIR"
ln -sf "$PROGRAM_DIR/gkbg" "$BIN_DIR/gkbg"

# the menu entry runs the installed program by its full path (~/.local/bin is not always on PATH)
sed -e "s|^Exec=gkbg |Exec=\"$PROGRAM_DIR/gkbg\" |" -e "s|^TryExec=gkbg\$|TryExec=$PROGRAM_DIR/gkbg|" \
    "$HERE/gkbg.desktop" > "$APPS/gkbg.desktop"
chmod 644 "$APPS/gkbg.desktop"

# icons: the application's, and the same picture for its drafts in the file manager
ICON_SOURCE="$PROGRAM_DIR/_internal/resources/icons"
for size in $ICON_SIZES; do
    for context in apps mimetypes; do mkdir -p "$ICONS/${size}x${size}/$context"; done
    cp "$ICON_SOURCE/gkbg-$size.png" "$ICONS/${size}x${size}/apps/gkbg.png"
    cp "$ICON_SOURCE/gkbg-$size.png" "$ICONS/${size}x${size}/mimetypes/application-x-gkbg-draft.png"
done
mkdir -p "$ICONS/scalable/apps"
cp "$ICON_SOURCE/gkbg.svg" "$ICONS/scalable/apps/gkbg.svg"

# the draft file type, and gkbg as the program that opens it
cp "$HERE/gkbg-draft.xml" "$MIME/packages/gkbg-draft.xml"
refresh
if [ "$SYSTEM" = no ] && command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default gkbg.desktop application/x-gkbg-draft || true
fi

echo "已安装：$PROGRAM_DIR（命令 $BIN_DIR/gkbg，菜单项“政府信息公开工作年度报告填报助手”）。"
