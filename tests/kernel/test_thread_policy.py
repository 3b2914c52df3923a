"""The kernel's thread policy follows the machine's load in cell loops, but a plain C# loop never loads libtorch for it.

Measured before the fix: a loop of C# arithmetic loaded libtorch's natives (seconds, hundreds of MB) as soon as
another process took a core during the loop, because the policy read libtorch's thread count to adjust it.
"""
import subprocess
import time
import unittest

from jupyter_client.manager import start_new_kernel

from test_conformance import collect_iopub, shell_reply

TIMEOUT = 60


class ThreadPolicyTests(unittest.TestCase):
    def setUp(self):
        self.km, self.kc = start_new_kernel(kernel_name="notebookdl", startup_timeout=TIMEOUT)
        self.pid = self.km.provisioner.process.pid

    def tearDown(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def libtorch_mapped(self):
        with open(f"/proc/{self.pid}/maps") as maps:
            return "libtorch_cpu" in maps.read()

    def run_while_a_core_gets_busy(self, code):
        msg_id = self.kc.execute(code)
        time.sleep(1.5)
        # Another process takes a core during the loop: the sampler (every 200 ms) changes its mind.
        busy = subprocess.Popen(["sh", "-c", "while :; do :; done"])
        try:
            time.sleep(2.5)
        finally:
            busy.kill()
            busy.wait()
        reply = shell_reply(self.kc, msg_id, timeout=TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])

    def test_a_plain_csharp_loop_does_not_load_libtorch(self):
        self.assertFalse(self.libtorch_mapped(), "libtorch loaded before any cell used it")
        self.run_while_a_core_gets_busy(
            "var sw = System.Diagnostics.Stopwatch.StartNew(); long n = 0; while (sw.ElapsedMilliseconds < 5000) { n++; }")
        self.assertFalse(self.libtorch_mapped(), "a cell without tensors loaded libtorch")

    def test_a_tensor_loop_follows_the_load(self):
        # With libtorch in use, the policy lowers libtorch's threads while the other process runs.
        self.run_while_a_core_gets_busy("""
            var x = torch.randn(64, 64); var seen = new HashSet<int>();
            var sw = System.Diagnostics.Stopwatch.StartNew();
            while (sw.ElapsedMilliseconds < 5000) { x.mm(x).Dispose(); seen.Add(torch.get_num_threads()); }
            """)
        self.assertTrue(self.libtorch_mapped())
        msg_id = self.kc.execute("string.Join(\",\", seen.Order())")
        reply = shell_reply(self.kc, msg_id, timeout=TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        result = [m for _, m in collect_iopub(self.kc, msg_id, timeout=TIMEOUT) if m["msg_type"] == "execute_result"][0]
        counts = result["content"]["data"]["text/plain"].strip('"').split(",")
        self.assertGreater(len(counts), 1, f"the thread count never changed under load: {counts}")
