#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The app and its team folder, end to end.

Opens the window with a team folder set in its settings; the command line,
on a database of its own, plays the team's other computer. The app must
write its file after start-up, merge the other computer's file when it
arrives (the folder's monitor), write again a few seconds after its
database changed, and, when it quits right after a change, write that
change before it exits. Needs the X display and D-Bus session
build-aux/test provides; prints TAP.
"""

import glob
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid

APP_ID = "io.github.yardstick_app.Yardstick"
OBJECT_PATH = "/" + APP_ID.replace(".", "/")
BIN = os.environ["YARDSTICK_BIN"]

results = []


def check(ok, what):
    results.append((bool(ok), what))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {what}", flush=True)


def wait_for(predicate, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def device_files(folder):
    return glob.glob(os.path.join(folder, "yardstick-*.json"))


def run_ids(path):
    """The ids of the live runs in a bundle, or None while it cannot be read."""
    try:
        with open(path, encoding="utf-8") as f:
            bundle = json.load(f)
    except (OSError, ValueError):
        return None
    return {r["id"] for r in bundle.get("runs", []) if not r.get("deleted")}


def workflows(path):
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM workflows WHERE deleted = 0").fetchone()[0]


def one_run(home, workflow_id, minutes):
    """A bundle with one new run of @workflow_id, and the run's id."""
    run_id = str(uuid.uuid4())
    path = os.path.join(home, f"run-{run_id}.json")
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"format": "yardstick-bundle", "version": 1, "exported_at": now,
                   "workflows": [], "tools": [],
                   "runs": [{"id": run_id, "workflow": workflow_id, "mode": "without-ai",
                             "tool": None, "started_at": "2026-11-02T09:00:00+01:00",
                             "duration_seconds": minutes * 60, "corrections": 0,
                             "used": None, "note": "", "updated_at": now,
                             "deleted": False}],
                   "feedback": []}, f)
    return path, run_id


def main():
    if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("1..0 # SKIP needs an X display and a D-Bus session (run build-aux/test)")
        return 0
    if shutil.which("gsettings") is None:
        print("1..0 # SKIP gsettings is not installed")
        return 0

    home = tempfile.mkdtemp(prefix="ys-team-folder-")
    folder = os.path.join(home, "Team")
    os.mkdir(folder)
    # Settings that the app and gsettings share, in a file of this test's own.
    env = dict(os.environ)
    env.update(HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"), GDK_BACKEND="x11",
               GSETTINGS_BACKEND="keyfile")
    database = os.path.join(home, "data", "yardstick", "yardstick.db")
    other = os.path.join(home, "other.db")
    app = None

    print("1..6", flush=True)
    try:
        for key, value in (("team-folder", folder), ("team-folder-explained", "true")):
            subprocess.run(["gsettings", "set", APP_ID, key, value], env=env, check=True)
        subprocess.run([BIN, "--database", other, "--demo"], env=env, check=True,
                       capture_output=True)
        with sqlite3.connect(other) as db:
            (workflow_id,) = db.execute("SELECT id FROM workflows WHERE deleted = 0"
                                        " ORDER BY id LIMIT 1").fetchone()

        app = subprocess.Popen([BIN], env=env)
        check(wait_for(lambda: len(device_files(folder)) == 1),
              "after start-up the app writes this computer's file into the team folder")
        own = (device_files(folder) or [os.path.join(folder, "missing")])[0]

        # The other computer's first sync: the app's monitor sees its file.
        synced = subprocess.run([BIN, "--database", other, "--sync-folder", folder], env=env,
                                capture_output=True, text=True, timeout=60)
        check(synced.returncode == 0 and
              wait_for(lambda: os.path.exists(database) and workflows(database) == 3),
              "the other computer's file is merged once it arrives (3 workflows)")

        # A change to the app's database goes out a few seconds later.
        bundle, first_run = one_run(home, workflow_id, 41)
        subprocess.run([BIN, "--import", bundle], env=env, check=True, capture_output=True,
                       timeout=60)
        check(wait_for(lambda: first_run in (run_ids(own) or ())),
              "a change to the app's database is in its file a few seconds later")

        # A change just before quitting is written before the app exits.
        bundle, last_run = one_run(home, workflow_id, 57)
        subprocess.run([BIN, "--import", bundle], env=env, check=True, capture_output=True,
                       timeout=60)
        quit = subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID,
                               "--object-path", OBJECT_PATH, "--method",
                               "org.gtk.Actions.Activate", "quit", "[]", "{}"],
                              capture_output=True, text=True, timeout=20)
        try:
            status = app.wait(timeout=30)
        except subprocess.TimeoutExpired:
            status = None
        check(quit.returncode == 0 and status == 0, "the app quits cleanly")
        check(last_run in (run_ids(own) or ()),
              "the change made just before quitting is in the app's file")

        # And the other computer gets both runs at its next sync.
        subprocess.run([BIN, "--database", other, "--sync-folder", folder], env=env,
                       check=True, capture_output=True, timeout=60)
        with sqlite3.connect(other) as db:
            got = {row[0] for row in db.execute("SELECT id FROM runs WHERE deleted = 0")}
        check({first_run, last_run} <= got,
              "the other computer merges both runs from the app's file")
    finally:
        if app is not None and app.poll() is None:
            app.kill()
            app.wait()
        shutil.rmtree(home, ignore_errors=True)

    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
