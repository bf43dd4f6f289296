#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest is a public promise about what the sandbox may do:
no network and no file system, only a display and the GPU. Fail loudly if it
drifts, and let flatpak-builder parse it when the machine has one."""
import json
import os
import shutil
import subprocess
import sys

path = sys.argv[1] + "/flatpak/io.github.yardstick_app.Yardstick.json"
errors = []

try:
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
except (OSError, ValueError) as e:
    sys.exit(f"{path}: {e}")

def expect(field, wanted):
    if manifest.get(field) != wanted:
        errors.append(f"{field}: expected {wanted!r}, found {manifest.get(field)!r}")

expect("id", "io.github.yardstick_app.Yardstick")
expect("runtime", "org.gnome.Platform")
expect("sdk", "org.gnome.Sdk")
expect("command", "yardstick")
expect("finish-args", ["--share=ipc", "--socket=wayland",
                       "--socket=fallback-x11", "--device=dri"])

version = str(manifest.get("runtime-version", ""))
if not version.isdigit() or int(version) < 49:
    errors.append(f"runtime-version: expected a current GNOME release, found {version!r}")

cleanup = manifest.get("cleanup", [])
for pattern in ("/include", "/lib/pkgconfig", "*.a"):
    if pattern not in cleanup:
        errors.append(f"cleanup: missing {pattern!r}")

modules = manifest.get("modules", [])
ours = [m for m in modules if isinstance(m, dict) and m.get("name") == "yardstick"]
if not ours:
    errors.append("modules: no module named 'yardstick'")
else:
    if ours[0].get("buildsystem") != "meson":
        errors.append("modules[yardstick].buildsystem: expected 'meson'")
    if {"type": "dir", "path": ".."} not in ours[0].get("sources", []):
        errors.append("modules[yardstick].sources: expected this tree ('..')")
    if modules[-1] is not ours[0]:
        errors.append("modules: 'yardstick' must be built last")

# Every library built for the sandbox comes from a pinned release: an
# archive with its sha256, patches kept in the tree.
for module in modules:
    if not isinstance(module, dict) or module.get("name") == "yardstick":
        continue
    for source in module.get("sources", []):
        kind = source.get("type")
        if kind in ("archive", "file") and len(source.get("sha256", "")) != 64:
            errors.append(f"modules[{module.get('name')}]: {source.get('url')} has no sha256")
        elif kind == "patch" and not os.path.isfile(os.path.join(os.path.dirname(path),
                                                                 source.get("path", ""))):
            errors.append(f"modules[{module.get('name')}]: patch {source.get('path')} is missing")
        elif kind not in ("archive", "file", "patch"):
            errors.append(f"modules[{module.get('name')}]: a source of type {kind!r}")

if shutil.which("flatpak-builder"):
    result = subprocess.run(["flatpak-builder", "--show-manifest", path],
                            capture_output=True, text=True)
    if result.returncode != 0:
        errors.append("flatpak-builder --show-manifest: " + result.stderr.strip())

for e in errors:
    print(f"{path}: {e}", file=sys.stderr)
sys.exit(1 if errors else 0)
