#!/usr/bin/env python3
"""Turns a terminal capture with its colours (`tmux capture-pane -e -p`) into
an SVG picture of that screen, cell for cell. Standard library only.

    python3 assets/ansi_svg.py COLS ROWS < capture.ansi > screen.svg
"""
import html
import re
import sys

CELL_W, CELL_H, PAD = 8.4, 17, 10
BG, FG = "#1d1f21", "#d7dae0"
# The 16 colours of a common dark terminal theme.
BASE16 = ["#1d1f21", "#cc6666", "#b5bd68", "#f0c674", "#81a2be", "#b294bb", "#8abeb7", "#c5c8c6",
          "#666666", "#d54e53", "#b9ca4a", "#e7c547", "#7aa6da", "#c397d8", "#70c0b1", "#eaeaea"]
SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER_ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[A-Za-ln-z]|\][^\x07]*\x07|[()][0-9A-B])")


def colour_256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    level = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (level, level, level)


class Style:
    def __init__(self):
        self.fg = self.bg = None
        self.bold = self.dim = self.reverse = self.underline = False

    def copy(self):
        s = Style()
        s.__dict__.update(self.__dict__)
        return s

    def key(self):
        return tuple(sorted(self.__dict__.items()))

    def apply(self, params):
        codes = [int(p) if p else 0 for p in re.split("[;:]", params)] if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.__init__()
            elif c == 1:
                self.bold = True
            elif c == 2:
                self.dim = True
            elif c == 4:
                self.underline = True
            elif c == 7:
                self.reverse = True
            elif c == 22:
                self.bold = self.dim = False
            elif c == 24:
                self.underline = False
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = BASE16[c - 30]
            elif 90 <= c <= 97:
                self.fg = BASE16[c - 90 + 8]
            elif 40 <= c <= 47:
                self.bg = BASE16[c - 40]
            elif 100 <= c <= 107:
                self.bg = BASE16[c - 100 + 8]
            elif c == 39:
                self.fg = None
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    value, i = colour_256(codes[i + 2]), i + 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    value, i = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5]), i + 4
                else:
                    value = None
                if c == 38:
                    self.fg = value
                else:
                    self.bg = value
            i += 1

    def colours(self):
        fg, bg = self.fg or FG, self.bg
        if self.reverse:
            fg, bg = (self.bg or BG), (self.fg or FG)
        return fg, bg


def cells(line):
    """(character, style) per cell of one captured line."""
    out, style, pos = [], Style(), 0
    line = OTHER_ESCAPE.sub("", line)
    for m in SGR.finditer(line):
        out += [(ch, style.copy()) for ch in line[pos:m.start()]]
        style.apply(m.group(1))
        pos = m.end()
    out += [(ch, style.copy()) for ch in line[pos:]]
    return out


def svg(lines, cols, rows):
    width, height = cols * CELL_W + 2 * PAD, rows * CELL_H + 2 * PAD
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" '
        f'font-size="14">',
        f'<rect width="100%" height="100%" rx="6" fill="{BG}"/>',
    ]
    for y, line in enumerate(lines[:rows]):
        row = cells(line)[:cols]
        top = PAD + y * CELL_H
        # Runs of one style: a background rectangle, then the text.
        x = 0
        while x < len(row):
            end = x
            while end < len(row) and row[end][1].key() == row[x][1].key():
                end += 1
            style = row[x][1]
            fg, bg = style.colours()
            left = PAD + x * CELL_W
            if bg:
                parts.append(f'<rect x="{left:.1f}" y="{top}" width="{(end - x) * CELL_W:.1f}" '
                             f'height="{CELL_H}" fill="{bg}"/>')
            text = "".join(ch for ch, _ in row[x:end])
            if text.strip():
                attrs = f'fill="{fg}"'
                if style.bold:
                    attrs += ' font-weight="bold"'
                if style.dim:
                    attrs += ' opacity="0.6"'
                if style.underline:
                    attrs += ' text-decoration="underline"'
                parts.append(f'<text x="{left:.1f}" y="{top + CELL_H - 4}" {attrs} '
                             f'textLength="{(end - x) * CELL_W:.1f}" xml:space="preserve">'
                             f'{html.escape(text)}</text>')
            x = end
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main():
    cols, rows = int(sys.argv[1]), int(sys.argv[2])
    sys.stdout.write(svg(sys.stdin.read().split("\n"), cols, rows))


if __name__ == "__main__":
    main()
