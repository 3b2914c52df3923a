"""An nbconvert filter that passes a notebook's SVG outputs through unchanged.

Why: Debian 12's nbconvert (6.5) sends every image/svg+xml output through lxml's clean_html, which deletes all
SVG child elements (rect, path, text, ...) and keeps only the bare <svg> tag, so any plot exported to HTML
shows as an empty box. The notebooks rendered here were just executed by our own kernel, so their SVG is trusted.
Used as: nbconvert --HTMLExporter.filters="{'clean_html': 'keep_svg.unchanged'}" (with this folder on PYTHONPATH).
"""


def unchanged(html):
    return html
