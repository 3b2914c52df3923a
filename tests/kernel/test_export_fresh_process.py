"""A learner fine-tuned from the ImageNet ResNet-18 in one kernel, exported, then loaded in a fresh kernel process,
predicts the same classes for the same images (issue 24). The images go across already normalised: an exported
learner does not carry its data's batch transforms.
"""
import os
import tempfile
import unittest

from jupyter_client.manager import start_new_kernel

from test_conformance import collect_iopub, shell_reply

TIMEOUT = 600


def run(kc, code):
    msg_id = kc.execute(code)
    reply = shell_reply(kc, msg_id, timeout=TIMEOUT)
    msgs = collect_iopub(kc, msg_id, timeout=TIMEOUT)
    assert reply["content"]["status"] == "ok", reply["content"]
    results = [m for _, m in msgs if m["msg_type"] == "execute_result"]
    return results[0]["content"]["data"]["text/plain"].strip('"') if results else None


class ExportToFreshProcessTests(unittest.TestCase):
    def test_a_fine_tuned_learner_predicts_the_same_classes_after_load_in_another_kernel(self):
        with tempfile.TemporaryDirectory(prefix="nbdl-export-") as tmp:
            learner, inputs = os.path.join(tmp, "fmnist.nbdl"), os.path.join(tmp, "inputs.pt")
            km, kc = start_new_kernel(kernel_name="notebookdl", startup_timeout=60)
            try:
                run(kc, '#r "nuget: Microsoft.ML.DnnImageFeaturizer.ResNet18, 0.24.0"')
                expected = run(kc, f"""
                    var (x, y) = Datasets.FashionMnist.Load(train: false);
                    var stats = ImageNetResNet18.Stats;
                    var norm = Normalize.FromStats([stats.Mean.Average()], [stats.Std[0]]);
                    var dls = ImageDataLoaders.FromTensors(x.narrow(0, 0, 192), y.narrow(0, 0, 192), x.narrow(0, 192, 64), y.narrow(0, 192, 64),
                        Datasets.FashionMnist.Classes, bs: 32, seed: 0, batchTfms: [norm]);
                    var learn = VisionLearner(dls, ImageNetResNet18.Architecture, pretrained: ImageNetResNet18.WeightsFile(), progress: false);
                    learn.FineTune(1);
                    learn.Export(@"{learner}");
                    var batch = dls.Valid.First();
                    PyTorchFiles.Save(new Dictionary<string, Tensor> {{ ["x"] = batch.X }}, @"{inputs}");
                    learn.Model.eval();
                    string.Join(",", learn.Model.call(batch.X).argmax(1).data<long>().ToArray())
                    """)
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)

            km, kc = start_new_kernel(kernel_name="notebookdl", startup_timeout=60)
            try:
                got = run(kc, f"""
                    var loaded = NotebookDL.Learning.Learner.Load(@"{learner}");
                    var x = PyTorchFiles.Load(@"{inputs}")["x"];
                    loaded.Model.eval();
                    string.Join(",", loaded.Model.call(x).argmax(1).data<long>().ToArray())
                    """)
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
            self.assertEqual(len(expected.split(",")), 32)
            self.assertGreater(len(set(expected.split(","))), 1, "one class for every image: the comparison would prove little")
            self.assertEqual(got, expected)
