#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A second launch and the command line, while the window is open.

Opens the window on the default database, launches Yardstick again (the
second launch must hand over to the first and leave one window), then
imports a bundle and prints the summary from the command line while the
window holds the database, once while another program keeps a write lock
for two seconds. The open window must show what the command line
imported (read through the accessibility bus), the database must stay
whole, and quitting must leave the day's backup. Needs the X display and
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
import re
import uuid

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

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


def app_call(interface_method, *args):
    return subprocess.run(
        ["gdbus", "call", "--session", "--dest", APP_ID, "--object-path", OBJECT_PATH,
         "--method", interface_method, *args],
        capture_output=True, text=True, timeout=20)


def windows_in_app():
    """The application's own count of its windows.

    First a call that the first instance answers from its main loop, after
    whatever the second launch asked of it there (the bus delivers one
    after the other), then the window objects it exports, one per window.
    """
    if app_call("org.gtk.Actions.List").returncode != 0:
        return None
    out = subprocess.run(
        ["gdbus", "call", "--session", "--dest", APP_ID, "--object-path",
         OBJECT_PATH + "/window", "--method", "org.freedesktop.DBus.Introspectable.Introspect"],
        capture_output=True, text=True, timeout=20)
    return len(re.findall(r'<node name=\\?"', out.stdout))


def accessible_app():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == "yardstick":
            return app
    return None


def accessible_names(root):
    """Every name in the window's accessibility tree, skipping what has no size."""
    names = []
    queue = [root]
    while queue:
        node = queue.pop(0)
        try:
            node.clear_cache()
            names.append(node.get_name() or "")
            # Stack pages have no extents; their children do.
            if "Component" in node.get_interfaces():
                extents = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
                if extents.width <= 0 and extents.height <= 0:
                    continue
            queue.extend(c for c in (node.get_child_at_index(i)
                                     for i in range(node.get_child_count())) if c is not None)
        except GLib.Error:
            pass  # a node can go while it is walked
    return names


def shown_awaiting(app):
    """The count the sidebar's Awaiting Outcome row says, or None."""
    for i in range(app.get_child_count()):
        win = app.get_child_at_index(i)
        if win is None:
            continue
        for name in accessible_names(win):
            found = re.fullmatch(r"Awaiting outcome: (\d+) runs?", name)
            if found:
                return int(found.group(1))
    return None


def count_awaiting(path):
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM runs r JOIN workflows w ON w.key = r.workflow"
                          " WHERE r.used IS NULL AND r.deleted = 0 AND w.deleted = 0").fetchone()[0]


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

    print("1..11", flush=True)
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

        # The window is read through the accessibility bus, as a screen
        # reader would; the command lines below run without it.
        window_env = {k: v for k, v in env.items() if k not in ("NO_AT_BRIDGE", "GTK_A11Y")}
        first = subprocess.Popen([BIN], env=window_env)
        check(wait_for(bus_name_owned) and wait_for(lambda: len(windows_of_app()) == 1)
              and windows_in_app() == 1,
              "the first launch owns the application name and shows one window")

        second = subprocess.run([BIN], env=env, timeout=20, capture_output=True)
        check(second.returncode == 0 and first.poll() is None,
              "a second launch hands over to the first and exits 0")
        in_app = windows_in_app()
        check(in_app == 1 and len(windows_of_app()) == 1,
              f"there is still exactly one window (the application has {in_app})")

        app = accessible_app() if wait_for(lambda: accessible_app() is not None) else None
        awaiting_before = count_awaiting(database)
        shown_before = None
        if app is not None and wait_for(lambda: shown_awaiting(app) == awaiting_before):
            shown_before = awaiting_before
        imported = subprocess.run([BIN, "--import", bundle], env=env, capture_output=True,
                                  text=True, timeout=60)
        check(imported.returncode == 0 and count_runs(database) == 2 * runs_before,
              "the command line imports a bundle while the window is open")

        # The window looks at the database's data_version every second and
        # reads again when another program wrote to it.
        awaiting_after = count_awaiting(database)
        shown_after = None
        if app is not None and wait_for(lambda: shown_awaiting(app) == awaiting_after):
            shown_after = awaiting_after
        check(shown_before == awaiting_before > 0 and awaiting_after == 2 * awaiting_before
              and shown_after == awaiting_after,
              f"the open window shows the import: Awaiting Outcome went from {shown_before}"
              f" to {shown_after} runs (the database: {awaiting_before}, then {awaiting_after})")

        summary = subprocess.run([BIN, "--summary"], env=env, capture_output=True, text=True,
                                 timeout=60)
        check(summary.returncode == 0 and '"workflows"' in summary.stdout,
              "the command line prints the summary while the window is open")

        # Another program writes for two seconds; the command line waits.
        # Whatever the scheduler does, an import that succeeds while the
        # lock is held must end after it was let go.
        locked = threading.Event()
        committed = []

        def hold_write_lock():
            db = sqlite3.connect(database, isolation_level=None)
            db.execute("BEGIN IMMEDIATE")
            db.execute("UPDATE workflows SET people = people")
            locked.set()
            time.sleep(2)  # the other program's long write, not a wait for us
            db.execute("COMMIT")
            committed.append(time.monotonic())
            db.close()

        holder = threading.Thread(target=hold_write_lock)
        holder.start()
        locked.wait(10)
        start = time.monotonic()
        again = subprocess.run([BIN, "--import", bundle], env=env, capture_output=True,
                               text=True, timeout=60)
        ended = time.monotonic()
        holder.join()
        check(again.returncode == 0 and committed and ended >= committed[0],
              f"an import waits for another program's write ({ended - start:.1f} s)"
              " instead of failing")

        check(first.poll() is None, "the window is still running")
        check(integrity(database) == "ok", "the database passes integrity_check")

        # The app also makes the day's copy 10 s after start-up; whether
        # that came first depends on this machine's speed. Without it, the
        # copy must come from quitting, after every write above.
        backup = os.path.join(home, "data", "yardstick", "backups",
                              f"yardstick-{datetime.date.today().isoformat()}.db")
        if os.path.exists(backup):
            os.remove(backup)
        app_call("org.gtk.Actions.Activate", "quit", "[]", "{}")
        try:
            status = first.wait(timeout=20)
        except subprocess.TimeoutExpired:
            status = None
        check(status == 0, "the window quits cleanly through its quit action")

        # Closing the last window makes the day's backup, however short the visit.
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
