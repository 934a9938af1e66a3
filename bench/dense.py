#!/usr/bin/env python3
"""Writes evidence dense with secrets and customer records, for benchmarks.

`dense.py --mb N --out FILE` concatenates the evidence of the project's own
generators (tests/heldout and tests/families: support emails, chats, order
exports, SQL dumps, WXR, configs, logs), a labelled value every few hundred
bytes, with fresh seeds until 20 MB; past that the same material repeats,
so the bytes grow and the distinct values do not (see distinct.py for that).

`dense.py --mb N --from FILE --out OUT` repeats or cuts FILE to N MB instead.

`dense.py --distinct N --out FILE` writes N order lines, each with a
customer's name, email and phone of its own: memory with many distinct values.
"""

import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATORS = ["tests/heldout/generate.py", "tests/families/generate.py"]
FRESH_LIMIT = 20 * 1000 * 1000


def generated(seed, tmp):
    """The evidence files of one round of both generators, as bytes."""
    for i, generator in enumerate(GENERATORS):
        out = os.path.join(tmp, f"{seed}-{i}")
        subprocess.run(
            [sys.executable, os.path.join(ROOT, generator), "--out", out,
             "--seed", f"bench-{seed}-{i}", "--files", "200"],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        for name in sorted(os.listdir(out)):
            if name != "labels.json":
                with open(os.path.join(out, name), "rb") as f:
                    data = f.read()
                yield data if data.endswith(b"\n") else data + b"\n"


def fresh_material(target):
    material = bytearray()
    with tempfile.TemporaryDirectory() as tmp:
        seed = 0
        while len(material) < min(target, FRESH_LIMIT):
            for piece in generated(seed, tmp):
                material += piece
            seed += 1
    return material


def write_sized(material, target, out):
    """`material` repeated or cut to `target` bytes, ending at a line end."""
    written = 0
    with open(out, "wb") as f:
        while written < target:
            piece = material[: target - written]
            if len(piece) < len(material):
                piece = piece[: piece.rfind(b"\n") + 1] or piece
            f.write(piece)
            written += len(piece)
            if len(piece) < len(material):
                break


FIRST = ["Ana", "Bo", "Chiara", "Dmitri", "Eilidh", "Femi", "Grete", "Hiro", "Ines", "Jonas"]
LAST = ["Lima", "Berg", "Rossi", "Ivanov", "MacLeod", "Adeyemi", "Hansen", "Sato", "Costa", "Weber"]


def distinct(count, out):
    with open(out, "w") as f:
        for i in range(count):
            first, last = FIRST[i % 10], LAST[(i // 10) % 10]
            f.write(
                f"2024-05-{1 + i % 28:02d} order #{100000 + i} for {first} {last} "
                f"<{first.lower()}.{last.lower()}.{i}@example.org>, "
                f"phone +44 7700 {i % 1000000:06d}\n"
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--mb", type=float, help="size of the dense bundle, in MB")
    size.add_argument("--distinct", type=int, help="number of distinct customers")
    parser.add_argument("--from", dest="source", help="size this file instead of generating")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if args.mb is not None:
        target = int(args.mb * 1000 * 1000)
        if args.source:
            with open(args.source, "rb") as f:
                material = f.read()
        else:
            material = fresh_material(target)
        write_sized(material, target, args.out)
    else:
        distinct(args.distinct, args.out)


if __name__ == "__main__":
    main()
