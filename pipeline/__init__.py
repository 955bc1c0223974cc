"""chiso: numeric indicators from Vietnamese news.

>>> import pipeline
>>> [r.text for r in pipeline.extract("Toàn huyện kết nạp mới 57 đảng viên, đạt 114% kế hoạch.")]
['57', '114%']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .extract import indicators
from .records import Indicator
from .tokenizer import analyse

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language

__all__ = ["Indicator", "extract", "extract_many", "load", "to_dataframe", "__version__"]
__version__ = "0.1.0"


def extract(text: str, *, all_kinds: bool = False, only_numeric_clauses: bool = True) -> list[Indicator]:
    """Indicator records of one document, offsets into `text` as given."""
    if not text.strip():
        return []
    return indicators(analyse(text, only_numeric_clauses), all_kinds)


def extract_many(texts: Iterable[str], **kwargs: bool) -> Iterator[list[Indicator]]:
    """`extract` over many documents, in order."""
    for text in texts:
        yield extract(text, **kwargs)


def load(only_numeric_clauses: bool = True) -> Language:
    """A spaCy `Language` with the underthesea tokenizer and the `chiso_indicators` component
    (`doc.spans["indicators"]`, every record field as `span._.<field>`). spaCy is imported lazily."""
    from .component import load as _load

    return _load(only_numeric_clauses)


def to_dataframe(records_or_path: str | Path | Iterable[Any]) -> pd.DataFrame:
    """Records as a pandas `DataFrame` with typed columns: from `Indicator`s, record dicts,
    `chiso extract` output lines or a path to that output. pandas is imported lazily."""
    from .frame import to_dataframe as _to_dataframe

    return _to_dataframe(records_or_path)
