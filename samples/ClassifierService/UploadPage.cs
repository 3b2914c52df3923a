using System.Net;

namespace ClassifierService;

/// <summary>GET /: pick a picture, see it and what the model says (the page posts the file's bytes to /predict).</summary>
internal static class UploadPage
{
    public static string Html(IReadOnlyList<string> classes) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>NotebookDL classifier</title>
        <style>
          body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
          img { width: 8rem; image-rendering: pixelated; border: 1px solid #ccc; }
          #label { font-size: 1.6rem; font-weight: 600; }
          td { padding: 0.1rem 0.6rem; } td.p { text-align: right; font-variant-numeric: tabular-nums; }
          .error { color: #b00020; }
        </style>
        </head>
        <body>
        <h1>What is in this picture?</h1>
        <p>The model knows {{classes.Count}} classes: {{WebUtility.HtmlEncode(string.Join(", ", classes))}}.</p>
        <input id="file" type="file" accept="image/*">
        <p><img id="preview" alt="" hidden></p>
        <p id="label"></p>
        <table id="probabilities"></table>
        <p id="timing"></p>
        <script>
        const file = document.getElementById('file');
        file.addEventListener('change', async () => {
          const picture = file.files[0];
          if (!picture) return;
          const preview = document.getElementById('preview');
          preview.src = URL.createObjectURL(picture);
          preview.hidden = false;
          const label = document.getElementById('label');
          label.textContent = 'classifying…';
          label.className = '';
          const response = await fetch('predict', { method: 'POST', headers: { 'Content-Type': picture.type || 'application/octet-stream' }, body: picture });
          const answer = await response.json();
          const table = document.getElementById('probabilities');
          table.innerHTML = '';
          if (!response.ok) {
            label.textContent = answer.error;
            label.className = 'error';
            return;
          }
          label.textContent = answer.label;
          for (const p of answer.probabilities.slice(0, 5)) {
            const row = table.insertRow();
            row.insertCell().textContent = p.class;
            const cell = row.insertCell();
            cell.textContent = (100 * p.probability).toFixed(1) + ' %';
            cell.className = 'p';
          }
          document.getElementById('timing').textContent = `model ${answer.modelMs.toFixed(1)} ms, request ${answer.elapsedMs.toFixed(1)} ms`;
        });
        </script>
        </body>
        </html>
        """;
}
