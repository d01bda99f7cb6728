#!/usr/bin/env bash
# macOS: dist/Annotator.app (from `pyinstaller packaging/annotator.spec` on a Mac) -> a .dmg.
# Not built or tested on Linux (see ../README.md). Needs Xcode's command-line tools (hdiutil,
# codesign). Optional: MACOS_SIGN_IDENTITY="Developer ID Application: ..." signs with the
# hardened runtime; NOTARY_PROFILE (a `xcrun notarytool store-credentials` profile) notarizes.
# Without them the app gets an ad-hoc signature: it runs on the Mac that built it, and on
# others only after right-click > Open.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=$(python3 packaging/render_templates.py --print | sed -n 's/^VERSION=//p')
APP=dist/Annotator.app
DMG="dist/Annotator-$VERSION-macos-$(uname -m).dmg"
[ -d "$APP" ] || { echo "no $APP: run pyinstaller packaging/annotator.spec on macOS first" >&2; exit 1; }

"$APP/Contents/MacOS/annotator" --version
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/annotator" doctor

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" "$APP"
else
    codesign --force --deep --sign - "$APP"
fi

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "Annotator $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO "$DMG"

if [ -n "${NOTARY_PROFILE:-}" ] && [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --sign "$MACOS_SIGN_IDENTITY" --timestamp "$DMG"
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
fi
echo "built $DMG"
