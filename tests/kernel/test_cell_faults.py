"""A cell can fail in every way a notebook user's cell fails, and the kernel lives on with the user's variables.

One kernel process for the whole class: after each fault the same process must answer, and the variables defined
before the first fault must still hold their values. Native errors read as PyTorch's one line, without C++ frames.
"""
import threading
import time
import unittest

from jupyter_client.manager import start_new_kernel

from test_conformance import collect_iopub, shell_reply

TIMEOUT = 60


class CellFaultTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name="notebookdl", startup_timeout=TIMEOUT)
        cls.pid = cls.km.provisioner.process.pid if cls.km.provisioner else None
        reply, _ = cls.run_cell(cls, "var survivor = 42; var kept = torch.arange(6).reshape(2, 3);")
        assert reply["content"]["status"] == "ok", reply["content"]

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def run_cell(self, code, interrupt_after=None):
        msg_id = self.kc.execute(code)
        if interrupt_after is not None:
            deadline = time.time() + TIMEOUT
            while time.time() < deadline:  # wait until the kernel has taken the cell
                msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
                if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
                    break
            time.sleep(interrupt_after)
            self.km.interrupt_kernel()
        reply = shell_reply(self.kc, msg_id, timeout=TIMEOUT)
        return reply, collect_iopub(self.kc, msg_id, timeout=TIMEOUT)

    def fails_and_survives(self, code, ename=None, evalue_has=None, **kwargs):
        reply, msgs = self.run_cell(code, **kwargs)
        content = reply["content"]
        self.assertEqual(content["status"], "error", f"{code!r} should fail: {content}")
        if ename:
            self.assertEqual(content["ename"], ename, content)
        if evalue_has:
            self.assertIn(evalue_has, content["evalue"])
        self.assertNotIn("frame #", content["evalue"], "C++ frames reached the user")
        self.assertNotIn("Exception raised from", "\n".join(content["traceback"]), "C++ frames reached the user")
        self.assert_alive()
        return content

    def assert_alive(self):
        self.assertTrue(self.km.is_alive(), "the kernel process died")
        reply, msgs = self.run_cell("$\"{survivor} {kept.sum().item<long>()}\"")
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        result = [m for _, m in msgs if m["msg_type"] == "execute_result"][0]
        self.assertEqual(result["content"]["data"]["text/plain"], '42 15', "earlier variables were lost")

    def test_01_exception(self):
        self.fails_and_survives('throw new InvalidOperationException("boom");', "InvalidOperationException")

    def test_02_native_error_reads_like_pytorch(self):
        content = self.fails_and_survives("torch.ones(2, 3).reshape(4, -1, 5)",
                                          evalue_has="shape '[4, -1, 5]' is invalid for input of size 6")
        self.assertEqual(content["evalue"].count("\n"), 0, content["evalue"])

    def test_03_matmul_shapes(self):
        self.fails_and_survives("torch.ones(2, 3).matmul(torch.ones(2, 3))", "ArgumentException",
                                "matmul: (2x3) @ (2x3): inner sizes 3 and 2 differ")
        self.fails_and_survives("torch.matmul(torch.ones(2, 3), torch.ones(4, 5))", "ArgumentException", "matmul: (2x3) @ (4x5)")
        # Inside a module a user defines in a cell, called the way a Learner calls it.
        self.fails_and_survives("class Projection : nn.Module<Tensor, Tensor> { public Projection() : base(\"p\") { }\n"
                                "  public override Tensor forward(Tensor x) => x.matmul(x); }\n"
                                "new Projection().call(torch.ones(2, 3))", "ArgumentException", "matmul: (2x3) @ (2x3)")

    def test_04_mm_shapes(self):
        self.fails_and_survives("torch.ones(2, 3).mm(torch.ones(2, 3))", evalue_has="cannot be multiplied")

    def test_05_bmm_shapes(self):
        self.fails_and_survives("torch.ones(2, 2, 3).bmm(torch.ones(2, 2, 3))", evalue_has="Expected size for first two dimensions")

    def test_06_linear_shapes(self):
        self.fails_and_survives("torch.nn.functional.linear(torch.ones(2, 3), torch.ones(4, 5))", evalue_has="cannot be multiplied")
        # A model whose head does not fit its input, called the way a Learner calls it.
        self.fails_and_survives("var net = nn.Sequential(nn.Linear(3, 4), nn.Linear(5, 1)); net.call(torch.ones(2, 3))",
                                evalue_has="cannot be multiplied")

    def test_07_cat_shapes(self):
        self.fails_and_survives("torch.cat(new[] { torch.ones(2, 3), torch.ones(4, 5) }, 0)", evalue_has="Sizes of tensors must match")

    def test_08_conv_shapes(self):
        self.fails_and_survives("torch.nn.functional.conv2d(torch.ones(1, 3, 8, 8), torch.ones(4, 2, 3, 3))",
                                evalue_has="expected input[1, 3, 8, 8] to have 2 channels")

    def test_09_sixteen_tebibytes(self):
        self.fails_and_survives("torch.empty(new long[] { 1L << 42 }, torch.float32)", evalue_has="DefaultCPUAllocator: can't allocate memory")

    def test_10_unbounded_recursion(self):
        self.fails_and_survives("int Down(int n) { return Down(n + 1) + 1; } Down(0)")

    def test_11_interrupt_busy_loop(self):
        self.fails_and_survives("while (true) { }", "KeyboardInterrupt", interrupt_after=0.5)

    def test_12_interrupt_blocked_wait(self):
        self.fails_and_survives("new System.Threading.ManualResetEventSlim(false).Wait();", "KeyboardInterrupt", interrupt_after=0.5)

    def test_13_async(self):
        self.fails_and_survives('await Task.Delay(10); throw new TimeoutException("later");', "TimeoutException")

    def test_14_ten_megabytes_of_output(self):
        reply, msgs = self.run_cell('Console.Write(new string(\'x\', 10_000_000)); "done"')
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        streamed = sum(len(m["content"].get("text", "")) for _, m in msgs if m["msg_type"] == "stream")
        self.assertGreater(streamed, 0)
        self.assert_alive()

    def test_15_disposed_tensor(self):
        self.fails_and_survives("var gone = torch.ones(2); gone.Dispose(); gone.sum()", "InvalidOperationException")

    def test_16_tensors_dropped_in_a_loop_are_freed(self):
        # 60 tensors of 200 MB, none disposed: 12 GB if nothing frees them before the GC would run on its own.
        peak = [0]
        done = threading.Event()

        def watch():
            while not done.is_set():
                with open(f"/proc/{self.pid}/status") as status:
                    for line in status:
                        if line.startswith("VmRSS:"):
                            peak[0] = max(peak[0], int(line.split()[1]) * 1024)
                time.sleep(0.05)

        watcher = threading.Thread(target=watch)
        watcher.start()
        try:
            reply, _ = self.run_cell("for (int i = 0; i < 60; i++) { var t = torch.ones(50_000_000); }")
        finally:
            done.set()
            watcher.join()
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        self.assertLess(peak[0], 5 << 30, f"the kernel grew to {peak[0] / 2**30:.1f} GiB")
        self.assert_alive()


if __name__ == "__main__":
    unittest.main()
