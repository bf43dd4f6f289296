#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real program as a screen-reader user would, through AT-SPI.

Creates a workflow, logs six runs without AI through the Log Run dialog, adds
a tool from Preferences, times six runs with AI through the timer and its
finish sheet, and reads the headline back from the accessibility tree. Runs
inside a D-Bus session and an X display (build-aux/test provides both) and
prints TAP.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

TIMEOUT = 20


def tap_plan_skip(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)


def visible(node):
    """GTK 4.8 sets no SHOWING state; a hidden page has no size."""
    try:
        if not node.get_state_set().contains(Atspi.StateType.VISIBLE):
            return False
        extents = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
        return extents.width > 0 and extents.height > 0
    except Exception:
        return False


def collapsed(node):
    """A widget with no size: on a hidden page, or never shown."""
    try:
        extents = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
        return extents.width <= 0 and extents.height <= 0
    except Exception:
        return False


def matches(node, role, text):
    try:
        if node.get_role_name() != role:
            return False
        name = node.get_name() or ""
    except Exception:
        return False
    # Buttons with a mnemonic are named "_Add Add": accept the plain label too.
    return text is None or name == text or name.endswith(" " + text) or text in name


def find(root, role, text=None):
    queue = [root]
    while queue:
        node = queue.pop(0)
        if matches(node, role, text) and visible(node):
            return node
        # Hidden pages are not walked, nor toasts that may vanish while they
        # are read: GTK 4.8's bridge can crash on either.
        if node is not root and (collapsed(node) or (node.get_name() or "") == "AdwToastWidget"):
            continue
        try:
            for i in range(node.get_child_count()):
                child = node.get_child_at_index(i)
                if child is not None:
                    queue.append(child)
        except Exception:
            pass
    return None


def wait_for(what, probe, timeout=TIMEOUT):
    end = time.time() + timeout
    while time.time() < end:
        found = probe()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def application():
    def probe():
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == "yardstick":
                return app
        return None
    return wait_for("the application on the accessibility bus", probe)


def window(app, title, settle=0.0):
    def probe():
        for i in range(app.get_child_count()):
            win = app.get_child_at_index(i)
            if win is not None and (win.get_name() or "") == title:
                return win
        return None
    found = wait_for(f"the window “{title}”", probe)
    # Let a new window finish mapping before it is read, as a person would
    # wait for it to appear: GTK 4.8's bridge crashes on half-built windows.
    time.sleep(settle)
    return found


def window_gone(app, title):
    def probe():
        for i in range(app.get_child_count()):
            win = app.get_child_at_index(i)
            if win is not None and (win.get_name() or "") == title:
                return None
        return True
    wait_for(f"“{title}” to close", probe)
    # Give GTK time to drop the closed dialog's accessibles, and the window
    # time to show the new figures, before the next walk: with half a second
    # the bridge crashed in most sessions here, with a second and a half in
    # one of four.
    time.sleep(1.5)


def activatable(node):
    """A menu button is a container; the button inside it has the action."""
    queue = [node]
    while queue:
        current = queue.pop(0)
        try:
            if Atspi.Action.get_n_actions(current) > 0:
                return current
        except Exception:
            pass
        queue.extend(current.get_child_at_index(i) for i in range(current.get_child_count()))
    return node


def press(root, role, text):
    node = wait_for(f"{role} “{text}”", lambda: find(root(), role, text))
    Atspi.Action.do_action(activatable(node), 0)
    return node


def type_into(root, label, text):
    node = wait_for(f"the field “{label}”", lambda: find(root(), "text", label))
    Atspi.EditableText.set_text_contents(node, text)


class AppCrashed(Exception):
    pass


def scenario(binary, results):
    """One session; raises AppCrashed when the program dies under us."""
    home = tempfile.mkdtemp(prefix="ys-a11y-")
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env.pop("NO_AT_BRIDGE", None)
    # GTK 4.8's AT-SPI bridge itself sometimes logs a critical while widgets
    # come and go; that is not ours to make fatal here.
    env.pop("G_DEBUG", None)
    # meson's MALLOC_PERTURB_ turns a use after free inside GTK 4.8's bridge
    # (freed accessible contexts still reachable from D-Bus) into a crash in
    # most sessions. Every other suite keeps it to catch our own.
    env.pop("MALLOC_PERTURB_", None)
    env["HOME"] = home
    env["GSETTINGS_BACKEND"] = "memory"
    app_process = subprocess.Popen([binary, "--database", os.path.join(home, "a11y.db")], env=env)

    try:
        app = application()

        def main_window():
            return window(app, "Yardstick")

        def titled(title):
            window(app, title, settle=1.5)
            return lambda: window(app, title)

        press(main_window, "push button", "Add a Workflow")
        dialog = titled("New Workflow")
        type_into(dialog, "Name", "Intake summary")
        press(dialog, "push button", "Add")
        window_gone(app, "New Workflow")
        results.append("ok 1 - a workflow added through its dialog")

        for _ in range(6):
            press(main_window, "push button", "Log Run")
            dialog = titled("Log Run")
            type_into(dialog, "Duration", "35")
            press(dialog, "push button", "Save")
            window_gone(app, "Log Run")
        results.append("ok 2 - six runs without AI logged by hand")

        press(main_window, "push button", "Main Menu")
        time.sleep(0.8)
        press(lambda: app, "menu item", "Preferences")
        preferences = titled("Preferences")
        press(preferences, "push button", "Claude")
        wait_for("the tool in the list", lambda: find(preferences(), "text", "Name"))
        press(preferences, "push button", "Close")
        window_gone(app, "Preferences")
        results.append("ok 3 - a tool added from the suggestions in Preferences")

        for _ in range(6):
            press(main_window, "push button", "Start With AI")
            press(main_window, "push button", "Finish")
            dialog = titled("Finish Run")
            type_into(dialog, "Duration", "20")
            press(dialog, "push button", "Save")
            window_gone(app, "Finish Run")
        results.append("ok 4 - six runs with AI timed and finished")

        headline = wait_for("the headline",
                            lambda: find(main_window(), "label", "Intake summary: with AI"))
        text = headline.get_name()
        expected = "with AI it takes 20 min instead of 35 min — 42% faster (medians of 6 and 6 runs)"
        if expected not in text:
            raise AssertionError(f"the headline says “{text}”")
        results.append(f"ok 5 - the headline states the change: {text}")
    except Exception as error:
        if app_process.poll() is not None or "no longer exists" in str(error):
            raise AppCrashed(f"exit status {app_process.poll()}: {error}") from error
        raise
    finally:
        if app_process.poll() is None:
            app_process.terminate()
            try:
                app_process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app_process.kill()
        shutil.rmtree(home, ignore_errors=True)


def main():
    binary = os.environ.get("YARDSTICK_BIN")
    if not binary:
        tap_plan_skip("YARDSTICK_BIN is not set")
    if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        tap_plan_skip("no display or no D-Bus session")

    # GTK 4.8's AT-SPI bridge can crash the program while a client walks a
    # window that is still being built (a use after free inside GTK, fixed in
    # later GTK). That is not a failure of what this test checks, so a crash
    # starts the session again, at most eight times (on a busy 2-core machine
    # two sessions in three crashed once, hence the margin); a wrong answer
    # fails at once.
    for attempt in range(1, 9):
        results = []
        try:
            scenario(binary, results)
        except AppCrashed as crash:
            print(f"# attempt {attempt}: the program crashed inside GTK after {len(results)} "
                  f"of 5 steps ({crash}); starting again")
            continue
        except AssertionError as error:
            print("1..5")
            for line in results:
                print(line)
            print(f"not ok {len(results) + 1} - {error}")
            return 1
        print("1..5")
        for line in results:
            print(line)
        return 0

    print("1..5")
    print("not ok 1 - the program crashed in every attempt")
    return 1


if __name__ == "__main__":
    sys.exit(main())
