#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A second launch and the command line, while the window is open.

Opens the window on the default database, launches Yardstick again (the
second launch must hand over to the first and leave one window), then
imports a bundle and prints the summary from the command line while the
window holds the database, once while another program keeps a write lock
for two seconds. The database must stay whole, and quitting must leave the
day's backup. Needs the X display and
D-Bus session build-aux/test provides; prints TAP.
"""

import datetime
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid

APP_ID = "io.github.yardstick_app.Yardstick"
OBJECT_PATH = "/" + APP_ID.replace(".", "/")
BIN = os.environ["YARDSTICK_BIN"]

results = []


def check(ok, what):
    results.append((bool(ok), what))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {what}", flush=True)


def bus_name_owned():
    out = subprocess.run(
        ["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
         "--object-path", "/org/freedesktop/DBus",
         "--method", "org.freedesktop.DBus.NameHasOwner", APP_ID],
        capture_output=True, text=True)
    return "true" in out.stdout


def windows_of_app():
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--class", "yardstick"],
                         capture_output=True, text=True)
    return [line for line in out.stdout.split() if line]


def wait_for(predicate, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def integrity(path):
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def count_runs(path):
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM runs WHERE deleted = 0").fetchone()[0]


def main():
    if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("1..0 # SKIP needs an X display and a D-Bus session (run build-aux/test)")
        return 0
    if shutil.which("xdotool") is None:
        print("1..0 # SKIP xdotool is not installed")
        return 0

    home = tempfile.mkdtemp(prefix="ys-instances-")
    env = dict(os.environ)
    env.update(HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"), GDK_BACKEND="x11")
    database = os.path.join(home, "data", "yardstick", "yardstick.db")
    other = os.path.join(home, "other.db")
    bundle = os.path.join(home, "other-team.json")
    first = None

    print("1..10", flush=True)
    try:
        subprocess.run([BIN, "--demo"], env=env, check=True, capture_output=True)
        subprocess.run([BIN, "--database", other, "--demo"], env=env, check=True,
                       capture_output=True)
        # The sample team has fixed ids; new ids make its runs new here.
        with sqlite3.connect(other) as db:
            for (run_id,) in db.execute("SELECT id FROM runs").fetchall():
                db.execute("UPDATE runs SET id = ? WHERE id = ?", (str(uuid.uuid4()), run_id))
        subprocess.run([BIN, "--database", other, "--export", bundle], env=env, check=True,
                       capture_output=True)
        runs_before = count_runs(database)

        first = subprocess.Popen([BIN], env=env)
        check(wait_for(bus_name_owned) and wait_for(lambda: len(windows_of_app()) == 1),
              "the first launch owns the application name and shows one window")

        second = subprocess.run([BIN], env=env, timeout=20, capture_output=True)
        check(second.returncode == 0 and first.poll() is None,
              "a second launch hands over to the first and exits 0")
        time.sleep(1)
        check(len(windows_of_app()) == 1, "there is still exactly one window")

        imported = subprocess.run([BIN, "--import", bundle], env=env, capture_output=True,
                                  text=True, timeout=60)
        check(imported.returncode == 0 and count_runs(database) == 2 * runs_before,
              "the command line imports a bundle while the window is open")

        summary = subprocess.run([BIN, "--summary"], env=env, capture_output=True, text=True,
                                 timeout=60)
        check(summary.returncode == 0 and '"workflows"' in summary.stdout,
              "the command line prints the summary while the window is open")

        # Another program writes for two seconds; the command line waits.
        locked = threading.Event()

        def hold_write_lock():
            db = sqlite3.connect(database, isolation_level=None)
            db.execute("BEGIN IMMEDIATE")
            db.execute("UPDATE workflows SET people = people")
            locked.set()
            time.sleep(2)
            db.execute("COMMIT")
            db.close()

        holder = threading.Thread(target=hold_write_lock)
        holder.start()
        locked.wait(10)
        start = time.monotonic()
        again = subprocess.run([BIN, "--import", bundle], env=env, capture_output=True,
                               text=True, timeout=60)
        waited = time.monotonic() - start
        holder.join()
        check(again.returncode == 0 and waited >= 1.5,
              f"an import waits for another program's write ({waited:.1f} s) instead of failing")

        check(first.poll() is None, "the window is still running")
        check(integrity(database) == "ok", "the database passes integrity_check")

        subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID,
                        "--object-path", OBJECT_PATH,
                        "--method", "org.gtk.Actions.Activate", "quit", "[]", "{}"],
                       capture_output=True, timeout=20)
        try:
            status = first.wait(timeout=20)
        except subprocess.TimeoutExpired:
            status = None
        check(status == 0, "the window quits cleanly through its quit action")

        # Closing the last window makes the day's backup, however short the visit.
        backup = os.path.join(home, "data", "yardstick", "backups",
                              f"yardstick-{datetime.date.today().isoformat()}.db")
        check(os.path.exists(backup) and integrity(backup) == "ok"
              and count_runs(backup) == count_runs(database),
              "quitting left today's backup, whole and with every run")
    finally:
        if first is not None and first.poll() is None:
            first.kill()
            first.wait()
        shutil.rmtree(home, ignore_errors=True)

    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
