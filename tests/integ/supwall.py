# supwall.py: reads the supervisor's wallboard from a screen capture
# (stdin; its width in argv[1]) and prints "QUEUE WAITING AVAILABLE" per queue shown, the big
# digits decoded with the font of tui/big.c (digits only; "?" otherwise).
import sys

FONT = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", " ##", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
}
NAME_W = 12     # supervisor/wall.c WALL_NAME_W


def decode(rows):
    rows = [r.replace("\u2588", "#").rstrip() for r in rows]
    width = max(len(r) for r in rows)
    rows = [r.ljust(width) for r in rows]
    out = ""
    for x in range(0, width, 4):
        glyph = tuple(r[x:x + 3].ljust(3) for r in rows)
        if glyph == ("   ",) * 5:
            break
        out += next((d for d, g in FONT.items() if g == glyph), "?")
    return out


lines = [l.rstrip("\n") for l in sys.stdin]
cw = (int(sys.argv[1]) - NAME_W) // 4    # argv[1]: the screen's width
for i, l in enumerate(lines):
    if "WAITING" not in l or i + 5 >= len(lines):
        continue
    block = [r.ljust(NAME_W + 4 * cw) for r in lines[i + 1:i + 6]]
    name = lines[i + 3][:NAME_W].strip()
    wait = decode([r[NAME_W:NAME_W + cw - 1] for r in block])
    avail = decode([r[NAME_W + 3 * cw:NAME_W + 4 * cw - 1] for r in block])
    print(name, wait, avail)
