#!/usr/bin/env python3
"""Work per byte on one long line, for every kind of key the engine reads.

A line made of one trigger repeated (`password:password:…`, `Name: Name: …`,
a token prefix, a tag) is the worst case for a scanner that looks ahead to
the end of the line from each key. For each trigger this times
`runbook redact` on one line of SMALL and of LARGE bytes and prints the
ratio: linear work gives about LARGE/SMALL, quadratic work its square.

    python3 bench/long_lines.py [--bin target/release/runbook] [--small MB] [--large MB]

Exit status 1 when some trigger grows faster than linearly (ratio above
twice LARGE/SMALL), so it can gate a change. Then, with --sizes 1,10,100,
the figures for the closing note of one-line inputs.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

# Keys and shapes every reader and detector anchors on; the rule prefixes
# come from `runbook rules --format json`, so a new rule is covered too.
TRIGGERS = [
    "password:", "password: ", "password=", "Password = ", "'password' => '", '"password":"',
    "&password=", "?token=", "secret ", "token is ", "api_key=", "DB_PASSWORD=", "AUTH_KEY=",
    "Name: ", "name=", "Name: Ana Lima ", "first_name: ", "Address: ", "Dirección: ",
    "Tel.: ", "Phone: ", "phone=+", "Email: ", "email=", "a@b.co ", "@", "+44 ",
    "4111 ", "4111.", "0", "1 ", "10.0.0.1 ", "2001:db8::1 ", "[client ", "X-Forwarded-For: ",
    "Authorization: Bearer ", "Bearer ", "Basic ", "curl -u ", "mysql -p", "wp option get ",
    "<input name=\"billing_phone\" value=\"", "<wp:meta_key>_billing_phone</wp:meta_key><wp:meta_value>",
    "<add key=\"Password\" value=\"", "<password>", "define('DB_PASSWORD','", "INSERT INTO wp_users VALUES (",
    "('a','b'),", "s:5:\"email\";s:", "| Name | ", "Hi ", "Merci ", "Regards, ", "$P$", "$wp$2y$",
    "-----BEGIN ", "https://u:p@", "postgres://", "\\\"password\\\":\\\"", "\x1b[31m", ":", "=", "\"", "'",
    "\\", "<", "(", ",", " ",
]

def rule_prefixes(binary):
    out = subprocess.run([binary, "rules", "--format", "json"], capture_output=True, check=True).stdout
    prefixes = []
    for rule in json.loads(out):
        words = rule["anchor"].split()
        if words and words[0] == "prefix":
            prefixes.extend(words[1:])
    return sorted(set(prefixes))

def one_line(trigger, size):
    unit = trigger.encode()
    return (unit * (size // len(unit) + 1))[:size]

def seconds(binary, path):
    start = time.perf_counter()
    subprocess.run([binary, "redact", path], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/runbook")
    ap.add_argument("--small", type=float, default=0.5)
    ap.add_argument("--large", type=float, default=2.0)
    ap.add_argument("--sizes", help="MB list: time the worst triggers at these sizes")
    args = ap.parse_args()
    triggers = TRIGGERS + rule_prefixes(args.bin)
    small, large = int(args.small * 1e6), int(args.large * 1e6)
    linear = large / small
    results = []
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "line.txt")
        for t in triggers:
            times = []
            for size in (small, large):
                with open(path, "wb") as f:
                    f.write(one_line(t, size))
                times.append(seconds(args.bin, path))
            results.append((times[1] / max(times[0], 1e-3), times[0], times[1], t))
        results.sort(reverse=True)
        print(f"{'ratio':>6} {'small s':>8} {'large s':>8}  trigger  (linear ≈ {linear:.1f})")
        for ratio, a, b, t in results[:15]:
            print(f"{ratio:6.1f} {a:8.3f} {b:8.3f}  {t!r}")
        worst = [t for ratio, a, b, t in results if ratio > 2 * linear and b > 0.2]
        if args.sizes:
            for ratio, a, b, t in results[:3]:
                row = []
                for mb in [float(x) for x in args.sizes.split(",")]:
                    with open(path, "wb") as f:
                        f.write(one_line(t, int(mb * 1e6)))
                    row.append(f"{mb:g} MB {seconds(args.bin, path):.2f} s")
                print(f"{t!r}: " + ", ".join(row))
    if worst:
        print("superlinear:", ", ".join(repr(t) for t in worst))
        return 1
    return 0

if __name__ == "__main__":
    sys.exit(main())
