"""Page pictures for the HTML report: pypdfium2 renders each page once; cards get a crop around their
evidence box, the page viewer gets the whole page. Both are returned as data: URIs so the report is
one self-contained file; boxes are drawn by the HTML over the pictures (positions in percent)."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from ..model import BBox

SCALE = 2.0  # 144 dpi: small type in a crop stays legible on a phone
FULL_PAGE_WIDTH = 900  # pixels of the whole-page picture; a JPEG of that size is ~100 kB
CROP_MARGIN = (18.0, 30.0)  # points of context left/right and above/below the evidence box


@dataclass(frozen=True)
class Picture:
    uri: str  # data:image/...;base64,...
    region: BBox  # the part of the page shown, in points (x0, top, x1, bottom)

    def box_style(self, box: BBox) -> str:
        """CSS that places `box` (page points) over this picture, in percent so it scales with it."""
        x0, top, x1, bottom = self.region
        width, height = x1 - x0, bottom - top
        left = (box[0] - x0) / width * 100
        upper = (box[1] - top) / height * 100
        return (
            f"left:{left:.2f}%;top:{upper:.2f}%;"
            f"width:{(box[2] - box[0]) / width * 100:.2f}%;height:{(box[3] - box[1]) / height * 100:.2f}%"
        )


def _data_uri(image: Image.Image, fmt: str, **options: object) -> str:
    buffer = BytesIO()
    image.save(buffer, format=fmt, **options)
    mime = "jpeg" if fmt == "JPEG" else fmt.lower()
    return f"data:image/{mime};base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


class PagePictures:
    """Renders pages of one PDF on demand and keeps them for the run."""

    def __init__(self, path: str | Path, password: str | None = None) -> None:
        self._pdf = pdfium.PdfDocument(str(path), password=password)
        self._rendered: dict[int, Image.Image] = {}
        self._crops: dict[tuple[int, BBox], Picture] = {}  # a table row is the evidence of several terms
        self._sizes: dict[int, tuple[float, float]] = {}

    def close(self) -> None:
        self._pdf.close()

    def __enter__(self) -> PagePictures:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def size(self, page: int) -> tuple[float, float]:
        if page not in self._sizes:
            width, height = self._pdf[page - 1].get_size()
            self._sizes[page] = (float(width), float(height))
        return self._sizes[page]

    def _image(self, page: int) -> Image.Image:
        if page not in self._rendered:
            bitmap = self._pdf[page - 1].render(scale=SCALE)
            self._rendered[page] = bitmap.to_pil().convert("RGB")
        return self._rendered[page]

    def whole(self, page: int) -> Picture:
        image = self._image(page)
        ratio = FULL_PAGE_WIDTH / image.width
        small = image.resize((FULL_PAGE_WIDTH, round(image.height * ratio)), Image.Resampling.BILINEAR)
        width, height = self.size(page)
        return Picture(_data_uri(small, "JPEG", quality=72), (0.0, 0.0, width, height))

    def crop(self, page: int, box: BBox) -> Picture:
        """The evidence box with some context around it, as a PNG (sharp text)."""
        if (page, box) not in self._crops:
            self._crops[page, box] = self._make_crop(page, box)
        return self._crops[page, box]

    def _make_crop(self, page: int, box: BBox) -> Picture:
        width, height = self.size(page)
        region = (
            max(box[0] - CROP_MARGIN[0], 0.0),
            max(box[1] - CROP_MARGIN[1], 0.0),
            min(box[2] + CROP_MARGIN[0], width),
            min(box[3] + CROP_MARGIN[1], height),
        )
        pixels = tuple(round(v * SCALE) for v in region)
        image = self._image(page).crop(pixels)  # type: ignore[arg-type]
        # 64 colours keep anti-aliased text sharp and make the PNG a fraction of the size and encoding time
        small = image.quantize(colors=64, method=Image.Quantize.FASTOCTREE)
        return Picture(_data_uri(small, "PNG"), region)
