using System.Text.Json;
using NotebookDL.Vision.Augment;
using static NotebookDL.Tests.Vision.Augment.AugmentTestSupport;

namespace NotebookDL.Tests.Vision.Augment;

/// <summary>
/// Our resampling step against PyTorch's: for fixed per-image matrices, AffineCoordTransform must equal
/// F.grid_sample(x, F.affine_grid(theta, size, align_corners=True), padding_mode='reflection', align_corners=True)
/// computed by /usr/bin/python3 (the interpreter with torch), exchanging raw float32 files and JSON.
/// </summary>
public class GridSampleParityTests
{
    private const string Script = """
        import json, sys, numpy as np, torch
        import torch.nn.functional as F
        d = sys.argv[1]
        meta = json.load(open(f"{d}/meta.json"))
        x = torch.from_numpy(np.fromfile(f"{d}/x.f32", dtype="<f4").reshape(meta["shape"]))
        theta = torch.from_numpy(np.fromfile(f"{d}/theta.f32", dtype="<f4").reshape(meta["shape"][0], 2, 3))
        grid = F.affine_grid(theta, meta["shape"], align_corners=True)
        out = F.grid_sample(x, grid, mode="bilinear", padding_mode="reflection", align_corners=True)
        out.numpy().astype("<f4").tofile(f"{d}/out.f32")
        """;

    /// <summary>A different fixed matrix per image.</summary>
    private sealed class PerImage(AffineMatrix[] matrices) : AffineAugment(1)
    {
        public override AffineMatrix[] Draw(int n, AugmentRandom random, bool sameForAll = false) => matrices;
    }

    [Fact]
    public void Affine_resampling_matches_pytorch()
    {
        if (!File.Exists(PythonProcess.Executable)) Assert.Fail($"{PythonProcess.Executable} (with torch) is required for the parity test.");
        long[] shape = [4, 2, 7, 11];
        AffineMatrix[] matrices =
        [
            AffineMatrix.Rotation(30),
            AffineMatrix.FlipHorizontal * AffineMatrix.Rotation(-17) * AffineMatrix.Zoom(1.3, 0.2, 0.9),
            AffineMatrix.Zoom(0.6),                                  // zoom out: reflection fills the border
            new AffineMatrix(0.9, 0.3, 0.25, -0.2, 1.1, -0.4),       // shear and shift beyond the edge
        ];
        using var x = RandomImages(4, 2, 7, 11, seed: 21);
        using var theta = AffineMatrix.ToTheta(matrices.Select(m => m.ForAspect(7, 11)).ToArray(), float32, CPU);

        using var dir = new TempDir("nbdl-augment-parity-");
        TensorFiles.Write(dir.File("x.f32"), x);
        TensorFiles.Write(dir.File("theta.f32"), theta);
        File.WriteAllText(dir.File("meta.json"), JsonSerializer.Serialize(new { shape }));
        PythonProcess.Run(Script, dir.Path);
        using var expected = TensorFiles.Read(dir.File("out.f32"), ScalarType.Float32, shape);

        var (result, _) = new AffineCoordTransform([new PerImage(matrices)], []).Apply(x, Labels(4), training: true);
        using (result) Assert.True(MaxAbsDiff(result, expected) < 1e-5f, $"max difference {MaxAbsDiff(result, expected)}");
    }
}
