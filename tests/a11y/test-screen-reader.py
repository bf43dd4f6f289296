#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real program as a screen-reader user would, through AT-SPI.

Creates a workflow (its fair test switched off), logs six runs without AI
through the Log Run dialog, adds a tool from Preferences, opens and closes the
keyboard shortcuts, times six runs with AI through the timer and its finish
sheet, and reads the headline back from the accessibility tree; then turns
the fair test on, presses the single Start, reads what Yardstick drew and
finishes that run; Log Run then says that a run logged by hand is not
part of the fair test, and the run list says the run was drawn. Runs inside a D-Bus session and an X display
(build-aux/test provides both) and prints TAP.

After start-up and after each window closes, it asks the application for the
window one past the last shown one. GTK 4.8 answers that with the last
toplevel even when that one is hidden, and a hidden window that was never
mapped has no object path, so the program crashed (SIGSEGV) while Yardstick
kept GtkApplication's hidden help overlay alive
(docs/upstream/gtk-atspi-get-child-at-index.md). The program runs with the
suite's G_DEBUG=fatal-criticals and MALLOC_PERTURB_, once, with no retry: a
crash is a failure.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

TIMEOUT = 20
STEPS = 9


def visible(node):
    """GTK 4.8 sets no SHOWING state; a hidden page has no size."""
    try:
        if not node.get_state_set().contains(Atspi.StateType.VISIBLE):
            return False
        extents = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
        return extents.width > 0 and extents.height > 0
    except GLib.Error:
        return False


def collapsed(node):
    """A widget with no size: on a hidden page, or never shown."""
    try:
        extents = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
        return extents.width <= 0 and extents.height <= 0
    except GLib.Error:
        return False


def matches(node, role, text, exact=False):
    try:
        if node.get_role_name() != role:
            return False
        name = node.get_name() or ""
    except GLib.Error:
        return False
    # Buttons with a mnemonic are named "_Add Add": accept the plain label too.
    return (text is None or name == text or name.endswith(" " + text) or
            (not exact and text in name))


def find(root, role, text=None, exact=False):
    return find_node(root, lambda node: matches(node, role, text, exact))


def find_node(root, accept):
    """The first node on screen, breadth first, that @accept takes."""
    queue = [root]
    while queue:
        node = queue.pop(0)
        if accept(node) and visible(node):
            return node
        # Nothing on a hidden page can be pressed or read, so its subtree is
        # not walked: the walk stays short.
        if node is not root and collapsed(node):
            continue
        try:
            for i in range(node.get_child_count()):
                child = node.get_child_at_index(i)
                if child is not None:
                    queue.append(child)
        except GLib.Error:
            # A toast or a closing dialog can go while it is walked.
            pass
    return None


def described(description):
    def accept(node):
        try:
            return node.get_description() == description
        except GLib.Error:
            return False
    return accept


def wait_for(what, probe, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = probe()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def application(process):
    def probe():
        if process.poll() is not None:
            raise AssertionError(f"the program stopped at start-up (exit status {process.poll()})")
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == "yardstick":
                return app
        return None
    return wait_for("the application on the accessibility bus", probe)


def window(app, title):
    def probe():
        for i in range(app.get_child_count()):
            win = app.get_child_at_index(i)
            if win is not None and (win.get_name() or "") == title:
                return win
        return None
    return wait_for(f"the window “{title}”", probe)


def activatable(node):
    """A menu button is a container; the button inside it has the action."""
    queue = [node]
    while queue:
        current = queue.pop(0)
        try:
            if Atspi.Action.get_n_actions(current) > 0:
                return current
        except GLib.Error:
            pass
        children = (current.get_child_at_index(i) for i in range(current.get_child_count()))
        queue.extend(child for child in children if child is not None)
    return node


def press(root, role, text):
    node = wait_for(f"{role} “{text}”", lambda: find(root(), role, text))
    Atspi.Action.do_action(activatable(node), 0)
    return node


def type_into(root, label, text):
    node = wait_for(f"the field “{label}”", lambda: find(root(), "text", label))
    Atspi.EditableText.set_text_contents(node, text)


class Session:
    """The program under test and the TAP lines it has earned."""

    def __init__(self, binary):
        self.home = tempfile.mkdtemp(prefix="ys-a11y-")
        env = dict(os.environ)
        # The suite turns accessibility off for the other tests; this one needs it.
        env.pop("GTK_A11Y", None)
        env.pop("NO_AT_BRIDGE", None)
        env["HOME"] = self.home
        env["GSETTINGS_BACKEND"] = "memory"
        self.process = subprocess.Popen(
            [binary, "--database", os.path.join(self.home, "a11y.db")], env=env)
        self.passed = 0
        self.app = None

    def ok(self, what):
        self.passed += 1
        print(f"ok {self.passed} - {what}", flush=True)

    def window(self, title):
        return lambda: window(self.app, title)

    def window_gone(self, title):
        def probe():
            for i in range(self.app.get_child_count()):
                win = self.app.get_child_at_index(i)
                if win is not None and (win.get_name() or "") == title:
                    return None
            return True
        wait_for(f"“{title}” to close", probe)
        self.probe_past_last_window(f"after “{title}” closed")

    def probe_past_last_window(self, when):
        """The regression probe: the index one past the last shown window."""
        count = self.app.get_child_count()
        try:
            self.app.get_child_at_index(count)
        except GLib.Error:
            pass  # an error reply is a correct answer; only a crash is wrong
        # The reply can come before the crash; ask for a window that is there.
        try:
            first = self.app.get_child_at_index(0)
        except GLib.Error:
            first = None
        if first is None or self.process.poll() is not None:
            raise AssertionError(f"no answer after asking for window {count} of {count} {when}")

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.home, ignore_errors=True)


def scenario(session):
    session.app = application(session.process)
    main_window = session.window("Yardstick")
    main_window()
    session.probe_past_last_window("after start-up")
    session.ok("the application answers for a window past the last, after start-up")

    press(main_window, "push button", "Add a Workflow")
    dialog = session.window("New Workflow")
    type_into(dialog, "Name", "Intake summary")
    # The person chooses with or without AI for the runs below.
    fair_test = wait_for("the Fair test switch", lambda: find(dialog(), "check box", "Fair test"))
    if not fair_test.get_state_set().contains(Atspi.StateType.CHECKED):
        raise AssertionError("the fair test is not on for a new workflow")
    Atspi.Action.do_action(activatable(fair_test), 0)
    wait_for("the switch off", lambda: not fair_test.get_state_set().contains(Atspi.StateType.CHECKED))
    press(dialog, "push button", "Add")
    session.window_gone("New Workflow")
    session.ok("a workflow added through its dialog")

    for _ in range(6):
        press(main_window, "push button", "Log Run")
        dialog = session.window("Log Run")
        type_into(dialog, "Duration", "35")
        press(dialog, "push button", "Save")
        session.window_gone("Log Run")
    session.ok("six runs without AI logged by hand")

    press(main_window, "push button", "Main Menu")
    press(lambda: session.app, "menu item", "Preferences")
    preferences = session.window("Preferences")
    press(preferences, "push button", "Claude")
    wait_for("the tool in the list", lambda: find(preferences(), "text", "Name"))
    press(preferences, "push button", "Close")
    session.window_gone("Preferences")
    session.ok("a tool added from the suggestions in Preferences")

    press(main_window, "push button", "Main Menu")
    press(lambda: session.app, "menu item", "Keyboard Shortcuts")
    shortcuts = session.window("Keyboard Shortcuts")
    wait_for("the shortcut for Log Run", lambda: find(shortcuts(), "label", "Log a run by hand"))
    press(shortcuts, "push button", "Close")
    session.window_gone("Keyboard Shortcuts")
    session.ok("the keyboard shortcuts opened from the menu and closed")

    for _ in range(6):
        press(main_window, "push button", "Start With AI")
        press(main_window, "push button", "Finish")
        dialog = session.window("Finish Run")
        type_into(dialog, "Duration", "20")
        press(dialog, "push button", "Save")
        session.window_gone("Finish Run")
    session.ok("six runs with AI timed and finished")

    headline = wait_for("the headline",
                        lambda: find(main_window(), "label", "Intake summary: with AI"))
    text = headline.get_name()
    # Every pair is 20 min against 35 min: 0.5714, 42.9% less, its range
    # a single value, printed outward as 42% to 43%.
    expected = ("with AI it takes about 42% less time (between 42% and 43% less), "
                "from 6 runs with AI and 6 without")
    if expected not in text:
        raise AssertionError(f"the headline says “{text}”")
    session.ok(f"the headline states the change: {text}")

    # A fair test: one Start, and the draw read back in words.
    press(main_window, "push button", "Workflow Menu")
    press(lambda: session.app, "menu item", "Edit Workflow")
    dialog = session.window("Edit Workflow")
    fair_test = wait_for("the Fair test switch", lambda: find(dialog(), "check box", "Fair test"))
    Atspi.Action.do_action(activatable(fair_test), 0)
    wait_for("the switch on", lambda: fair_test.get_state_set().contains(Atspi.StateType.CHECKED))
    press(dialog, "push button", "Save")
    session.window_gone("Edit Workflow")
    # The single Start, not Start With AI or Start Without AI.
    start = wait_for("the Start button", lambda: find(main_window(), "push button", "Start",
                                                      exact=True))
    Atspi.Action.do_action(activatable(start), 0)
    drawn = wait_for("the draw", lambda: find(main_window(), "label", "This run:"))
    said = drawn.get_name()
    if said not in ("This run: with AI", "This run: without AI"):
        raise AssertionError(f"the draw says “{said}”")
    press(main_window, "push button", "Finish")
    dialog = session.window("Finish Run")
    type_into(dialog, "Duration", "25")
    press(dialog, "push button", "Save")
    session.window_gone("Finish Run")
    session.ok(f"a fair test's Start drew the run: {said}")

    # Logged by hand, a run is not drawn, and Log Run says so.
    press(main_window, "push button", "Log Run")
    dialog = session.window("Log Run")
    wait_for("the fair-test line", lambda: find(dialog(), "label", "Runs logged by hand are not "
                                                "part of the fair test. To have Yardstick draw, "
                                                "press Start instead.", exact=True))
    press(dialog, "push button", "Cancel")
    session.window_gone("Log Run")
    # The drawn run's row in the run list says how its mode was decided.
    press(main_window, "page tab", "Runs")
    row = wait_for("the drawn run's row", lambda: find_node(main_window(), described(
        "Yardstick drew with or without AI for this run, and it was done that way.")))
    session.ok(f"Log Run says it is not drawn; the run list says “{row.get_name()}” was drawn")


def main():
    binary = os.environ.get("YARDSTICK_BIN")
    if not binary:
        print("1..0 # SKIP YARDSTICK_BIN is not set")
        return 0
    if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("1..0 # SKIP no display or no D-Bus session")
        return 0

    print(f"1..{STEPS}", flush=True)
    session = Session(binary)
    try:
        scenario(session)
        return 0
    except Exception as error:  # noqa: BLE001 (any failure is one TAP line)
        try:
            status = session.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            status = None
        if status is not None:
            error = f"the program stopped (exit status {status}): {error}"
        print(f"not ok {session.passed + 1} - {error}", flush=True)
        return 1
    finally:
        session.close()


if __name__ == "__main__":
    sys.exit(main())
