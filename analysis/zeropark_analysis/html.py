"""Small HTML helpers: escaped tables, sections, figures embedded as base64 PNG (the report is one
self-contained file: no scripts, no external images or style sheets)."""

import base64
import html
import io
import numbers

STYLE = """
body{font-family:sans-serif;max-width:1100px;margin:auto;padding:0 1em;color:#222}
h1{border-bottom:2px solid #2a7;padding-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 8px;font-size:90%}
td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#eef5f0}
.note{color:#666;font-size:90%}img{max-width:100%}
"""


def esc(text):
    return html.escape(str(text))


def number(value, digits=None):
    """A number as people read it: thousands separators, sensible decimals."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if value != value:  # NaN
        return "–"
    if isinstance(value, numbers.Integral):
        return f"{value:,d}"
    magnitude = abs(value)
    if digits is None:
        digits = 0 if magnitude >= 1000 else 1 if magnitude >= 10 else 3 if magnitude >= 0.01 or magnitude == 0 else 6
    return f"{value:,.{digits}f}"


def table(header, rows):
    """Rows of cells; numbers right-aligned and formatted, text escaped."""
    out = ["<table><tr>" + "".join(f"<th>{esc(h)}</th>" for h in header) + "</tr>"]
    for row in rows:
        cells = []
        for cell in row:
            if isinstance(cell, numbers.Real) and not isinstance(cell, bool):
                cells.append(f'<td class="n">{number(cell)}</td>')
            else:
                cells.append(f"<td>{esc(cell)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def figure_png(fig, dpi=90):
    """A matplotlib figure as an <img> with the PNG inline; closes the figure."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="figure" src="data:image/png;base64,{encoded}">'


def note(text):
    return f'<p class="note">{esc(text)}</p>'


def section(title, *parts, anchor=None):
    anchor = anchor or title.lower().replace(" ", "_")
    return f'<h2 id="{esc(anchor)}">{esc(title)}</h2>\n' + "\n".join(parts)


def page(title, subtitle, sections):
    toc = "".join(f"<li>{esc(t)}</li>" for t, _ in sections)
    body = "\n".join(s for _, s in sections)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f"<style>{STYLE}</style></head><body><h1>{esc(title)}</h1><p>{esc(subtitle)}</p>"
            f"<ol>{toc}</ol>\n{body}\n</body></html>\n")
