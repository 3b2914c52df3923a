"""A kernel started by a process that ignores SIGINT (a background job of a non-interactive shell) still turns SIGINT
into an interrupt of the running cell. Before the fix .NET never installed its handler in that case and the loop ran on.
"""
import signal
import time
import unittest

from jupyter_client.manager import start_new_kernel

from test_conformance import shell_reply

TIMEOUT = 60


class InheritedSigintTests(unittest.TestCase):
    def test_sigint_interrupts_when_the_launcher_ignored_it(self):
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)   # inherited by the kernel process
        try:
            km, kc = start_new_kernel(kernel_name="notebookdl", startup_timeout=TIMEOUT)
        finally:
            signal.signal(signal.SIGINT, previous)
        try:
            with open(f"/proc/{km.provisioner.process.pid}/status") as status:
                ignored = int(next(l for l in status if l.startswith("SigIgn:")).split()[1], 16)
            self.assertFalse(ignored & (1 << (signal.SIGINT - 1)), "the kernel still ignores SIGINT")
            msg_id = kc.execute("var spins = 0L; while (true) { spins++; }")
            deadline = time.time() + TIMEOUT
            while time.time() < deadline:
                msg = kc.get_iopub_msg(timeout=TIMEOUT)
                if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
                    break
            time.sleep(0.5)
            km.signal_kernel(signal.SIGINT)
            reply = shell_reply(kc, msg_id, timeout=10)
            self.assertEqual(reply["content"]["status"], "error")
            self.assertTrue(km.is_alive())
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
