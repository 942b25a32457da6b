#!/usr/bin/env bash
# Import throughput, natively and in the browser, on a generated CP932 dataset:
# 20,000 offices and 2.16 M progress rows (about 105 MB). Prints MB/s for each.
#   scripts/bench-import.sh [DIR]   (default: target/bench-import)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-target/bench-import}
mkdir -p "$dir"
python3 - "$dir" <<'PY'
import random, sys
out = sys.argv[1]
random.seed(1)
with open(f"{out}/offices.csv", "w", encoding="cp932", newline="") as f:
    f.write("事務所コード,事務所名,都道府県,地区\r\n")
    for i in range(20000):
        f.write(f"{i},髙﨑①事務所{i},東京都,A\r\n")
months = [f"{2026 + (4 + m) // 12}-{(4 + m) % 12 + 1:02d}" for m in range(36)]
with open(f"{out}/progress.csv", "w", encoding="cp932", newline="") as f:
    f.write("事務所コード,保険料種別,年月,納付対象月数,控除納付月数,強制徴収収納月数,事業者督励月数\r\n")
    for i in range(20000):
        for k in ["現年度", "過年度1年目", "過年度2年目"]:
            for m in months:
                d = random.randint(1000, 90000)
                f.write(f'{i},{k},{m},"{d:,}",{d * 6 // 10},{d // 100},{d // 20}\r\n')
PY
bytes=$(cat "$dir"/*.csv | wc -c)
cargo build --release --quiet --bin shuno
start=$(date +%s.%N)
target/release/shuno check "$dir" --lang en 2>&1 | tail -1
end=$(date +%s.%N)
python3 -c "b=$bytes; s=$end-$start; print(f'native: {b/1e6:.1f} MB in {s:.2f} s = {b/1e6/s:.1f} MB/s')"
scripts/build-app.sh >/dev/null
node tests/e2e/bench-import.mjs "$dir"
