"""Sentences, clauses and paragraphs of a working text, as sorted offset lists."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from extract.numbers import UPPER

LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

_SENT = re.compile(rf"\n(?![ \t]*[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ\d])|(?<=[^\w,\s])[ \t]*\n|(?<![A-Z]\.)(?<![A-Z][a-z]\.)(?<=[.!?…])\s*(?=[{UPPER}\"'(\[])"
                   rf"|(?<=[{LOWER}]{{2}}[.!?…])[ \t]+(?=\d)|(?<=\./\.)[ \t]+(?=\S)")
_CLAUSE = re.compile(r"[;:()\[\]|]|,(?=\s)|\s-\s|\n")
_PARA = re.compile(r"\n\s*\n|\n(?=\s*[-•*+])")


@dataclass(frozen=True, slots=True)
class Segments:
    """Boundaries of sentences, clauses and paragraphs (start offsets, sorted)."""

    sentences: tuple[int, ...]
    clauses: tuple[int, ...]
    paragraphs: tuple[int, ...]
    length: int

    @staticmethod
    def of(work: str) -> Segments:
        raw = sorted(set([0] + [m.end() for m in _SENT.finditer(work)]))
        sents = [b for k, b in enumerate(raw)
                 if k == 0 or work[b:raw[k + 1] if k + 1 < len(raw) else len(work)].strip()]
        clauses = sorted(set(sents + [m.end() for m in _CLAUSE.finditer(work)]))
        paras = [0] + [m.end() for m in _PARA.finditer(work)]
        return Segments(tuple(sorted(set(sents))), tuple(clauses), tuple(paras), len(work))

    @staticmethod
    def _bounds(starts: tuple[int, ...], pos: int, length: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, pos) - 1
        s = starts[max(i, 0)]
        e = starts[i + 1] if i + 1 < len(starts) else length
        return s, e

    def sentence(self, pos: int) -> tuple[int, int]:
        return self._bounds(self.sentences, pos, self.length)

    def clause(self, pos: int) -> tuple[int, int]:
        return self._bounds(self.clauses, pos, self.length)

    def paragraph(self, pos: int) -> tuple[int, int]:
        return self._bounds(self.paragraphs, pos, self.length)

    def sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self.sentences, pos) - 1

    def sentence_at(self, index: int) -> tuple[int, int]:
        index = max(0, min(index, len(self.sentences) - 1))
        s = self.sentences[index]
        e = self.sentences[index + 1] if index + 1 < len(self.sentences) else self.length
        return s, e
