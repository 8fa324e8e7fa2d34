"""Drive Debian's headless Chromium over the DevTools protocol, for tests of JS-rendered pages.

Streamlit draws its pages in the browser from a websocket, so a one-shot ``--dump-dom`` may
catch the page before any of it arrives. Instead the test keeps one browser open, navigates, and
polls the live DOM until what it expects is there. The protocol client is a few lines over the
``websockets`` package (already installed with Prefect); nothing is downloaded.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import signal
import subprocess
import time
from pathlib import Path

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--remote-debugging-port=0"]


class Chromium:
    """One headless Chromium with one tab; ``close()`` ends its whole process group."""

    def __init__(self, user_data_dir: Path, window: tuple[int, int] = (1280, 1000), start_timeout: float = 60):
        user_data_dir = Path(user_data_dir)
        user_data_dir.mkdir(parents=True, exist_ok=True)
        (user_data_dir / "DevToolsActivePort").unlink(missing_ok=True)  # left by an earlier browser
        self._log = open(user_data_dir.parent / f"{user_data_dir.name}.log", "wb")
        self.process = subprocess.Popen(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={user_data_dir}", f"--window-size={window[0]},{window[1]}",
             "about:blank"], stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log, start_new_session=True)
        self._ids = itertools.count(1)
        try:
            port_file = user_data_dir / "DevToolsActivePort"
            deadline = time.monotonic() + start_timeout
            while not (port_file.exists() and len(port_file.read_text().split()) >= 2):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"chromium did not start (exit code {self.process.poll()}); see {self._log.name}")
                time.sleep(0.1)
            port, path = port_file.read_text().split()[:2]
            self._ws = connect(f"ws://127.0.0.1:{port}{path}", max_size=None, open_timeout=30)
            target = self._call("Target.createTarget", url="about:blank")["targetId"]
            self._session = self._call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
            self.call("Page.enable")
        except BaseException:
            self.close()
            raise

    def _call(self, method: str, session: str | None = None, timeout: float = 30, **params) -> dict:
        message_id = next(self._ids)
        message = {"id": message_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self._ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:  # events arrive in between; only our answer matters
            reply = json.loads(self._ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def call(self, method: str, **params) -> dict:
        """A DevTools command in the tab."""
        return self._call(method, self._session, **params)

    def goto(self, url: str) -> None:
        self.call("Page.navigate", url=url)

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the tab (JSON-serialisable)."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60, interval: float = 0.25):
        """Poll a JavaScript expression until it is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                value = self.evaluate(expression)
            except RuntimeError as error:  # mid-navigation there may be no document body yet
                value, last_error = None, error
            else:
                last_error = None
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout}s for {expression!r} (last error: {last_error}); page text: "
                                   f"{self.evaluate('document.body ? document.body.innerText : null')!r:.2000}")
            time.sleep(interval)

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        Path(path).write_bytes(base64.b64decode(data))
        return Path(path)

    def close(self) -> None:
        ws = getattr(self, "_ws", None)
        if ws is not None:
            try:
                self._call("Browser.close", timeout=5)
            except (ConnectionClosed, TimeoutError):  # closing drops the connection it was asked on
                pass
            ws.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        for sig in (signal.SIGTERM, signal.SIGKILL):  # any renderer left behind, by process group
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            time.sleep(0.5)
        if self.process.poll() is None:
            self.process.wait(timeout=10)
        self._log.close()
