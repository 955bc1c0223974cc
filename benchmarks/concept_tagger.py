"""Can a learned word tagger write better concepts than chiso's rules? chiso vs. a CRF that marks
which words of the figure's sentence belong to its concept, on each development set, with the
SPEC §4 concept score.

    .venv/bin/python benchmarks/concept_tagger.py

The SPEC §4 concept score is a syllable-overlap F1, blind to order, so a concept can be any
subset of the sentence's words. For every gold figure that chiso detects, each word of the
sentence is labelled `I` when it is one of the gold concept's syllables (taken nearest the number
first, as many times as the gold writes it) and `O` otherwise. A linear-chain CRF
(underthesea_core's CRFTrainer, already a dependency of chiso through underthesea) learns the
labels from 30 features a word (the word, its neighbours and bigrams, which side of the number it
is on and how far, how many marks stand between, whether chiso's own concept holds it, the
figure's kind …). It is trained leave-one-set-out on the other development sets, never on the set
it is scored on, and never on news-test.

- tagger: the concept is the words tagged `I`;
- keep/add: chiso's concept, less its words the tagger gives under 10% and plus the words outside
  it the tagger gives over 90%.

The bag oracle keeps exactly the sentence's words that the gold concept holds: the most any choice
of the sentence's words can reach. Prints a Markdown table.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from underthesea_core import CRFTagger, CRFTrainer  # noqa: E402

from benchmarks.concept_ceiling import concept_pairs  # noqa: E402
from pipeline.evaluate import _syllables, overlap_f1  # noqa: E402
from pipeline.gate import present_gold_sets  # noqa: E402

TOKEN = re.compile(r"\w+|[^\w\s]")
MARKS = frozenset(",;:()")
KEEP_BELOW, ADD_ABOVE = 0.1, 0.9

Row = tuple[dict, dict, list[str], list[list[str]], list[str], list[bool]]


def _norm(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold()


def sequence(text: str, g: dict, p: dict) -> Row:
    """The sentence's words, their features and labels, and which of them chiso's concept holds."""
    a, b = p["sentence"]
    spans = [(m.start() + a, m.end() + a, m.group()) for m in TOKEN.finditer(text[a:b])]
    inside = [i for i, (s, e, _) in enumerate(spans) if s >= p["start"] and e <= p["end"]] or [0]
    lo, hi = inside[0], inside[-1]
    order = sorted(range(len(spans)), key=lambda i: min(abs(i - lo), abs(i - hi)))

    def marked(bag: Counter) -> list[bool]:
        out = [False] * len(spans)
        for i in order:
            w = _norm(spans[i][2])
            if bag[w] > 0 and not lo <= i <= hi:
                bag[w] -= 1
                out[i] = True
        return out

    ours = marked(Counter(_syllables(p.get("concept") or "")))
    labels = ["I" if x else "O" for x in marked(Counter(_syllables(g["concept"])))]
    words = [_norm(w) for _, _, w in spans]
    feats = []
    for i, w in enumerate(words):
        side = "L" if i < lo else "R" if i > hi else "F"
        between = words[i + 1 : lo] if i < lo else words[hi + 1 : i]
        marks = min(3, sum(x in MARKS for x in between))
        rel = str(max(-12, min(8, i - lo if i < lo else i - hi if i > hi else 0)))
        f = [
            "bias",
            f"w={w}",
            f"side={side}",
            f"rel={rel}",
            f"ours={ours[i]}",
            f"ours_side={ours[i]}{side}",
            f"marks={marks}",
            f"ours_marks={ours[i]}{marks}",
            f"rel_ours={rel}{ours[i]}",
            f"w_side={w}|{side}",
            f"cap={spans[i][2][:1].isupper()}",
            f"digit={any(c.isdigit() for c in w)}",
            f"mark={not w[0].isalnum()}",
            f"kind={p['kind']}|{side}",
            f"bi-={words[i - 1] if i else 'BOS'}_{w}",
            f"bi+={w}_{words[i + 1] if i + 1 < len(words) else 'EOS'}",
        ]
        for k in (-2, -1, 1, 2):
            j = i + k
            f.append(f"w[{k}]={words[j] if 0 <= j < len(words) else 'PAD'}")
            if 0 <= j < len(words):
                f.append(f"ours[{k}]={ours[j]}")
        feats.append(f)
    return g, p, [w for _, _, w in spans], feats, labels, ours


def train(rows: list[Row]) -> CRFTagger:
    trainer = CRFTrainer(loss_function="lbfgs", l1_penalty=0.5, l2_penalty=0.01, max_iterations=150, verbose=0)
    return CRFTagger.from_model(trainer.train([r[3] for r in rows], [r[4] for r in rows]))


def score(rows: list[Row], tagger: CRFTagger) -> tuple[float, float, float, float]:
    i_label = list(tagger.labels()).index("I")
    ours = tagged = mixed = oracle = 0.0
    for g, p, words, feats, labels, in_ours in rows:
        probs = [m[i_label] for m in tagger.marginals(feats)]
        tags = tagger.tag(feats)
        ours += overlap_f1(g["concept"], p.get("concept"))
        tagged += overlap_f1(g["concept"], " ".join(w for w, t in zip(words, tags, strict=True) if t == "I"))
        kept = [
            w
            for w, pr, o in zip(words, probs, in_ours, strict=True)
            if (o and pr >= KEEP_BELOW) or (not o and pr > ADD_ABOVE)
        ]
        mixed += overlap_f1(g["concept"], " ".join(kept))
        oracle += overlap_f1(g["concept"], " ".join(w for w, lab in zip(words, labels, strict=True) if lab == "I"))
    n = len(rows)
    return ours / n, tagged / n, mixed / n, oracle / n


def main() -> None:
    sets = {
        name: [sequence(t, g, p) for t, g, p in concept_pairs(docs)]
        for name, docs in present_gold_sets(lambda *_: None)
        if name.startswith("news-dev")
    }
    print("| held-out set | figures | chiso | tagger | keep/add | bag oracle |")
    print("|---|---|---|---|---|---|")
    for name, rows in sets.items():
        tagger = train([r for other, rs in sets.items() if other != name for r in rs])
        ours, tagged, mixed, oracle = score(rows, tagger)
        print(f"| {name} | {len(rows)} | {ours:.4f} | {tagged:.4f} | {mixed:.4f} | {oracle:.4f} |")


if __name__ == "__main__":
    main()
