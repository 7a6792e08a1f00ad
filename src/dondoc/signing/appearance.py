"""The visible part of each signature (pyHanko stamp styles).

NĐ 30/2020: the signer's image is their signature in blue on a transparent background (.png); the
seal is the organisation's seal in red, transparent, at true size; an annex shows, top right, the
number and symbol and the signing time in blue Times New Roman. The images are the organisation's
own (scanned signature, seal): dondoc never draws a seal. Without a configured signature image the
authority's box shows the signer's name and time in text instead (a warning says so).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from dondoc.signing.errors import SigningConfigError

BLUE = (0.0, 0.0, 1.0)
# Times New Roman where installed (Windows fonts copied onto the server), else Liberation Serif 2
# (metric-compatible, with Vietnamese), else DejaVu Serif. Debian 12's Liberation Serif 1.07 lacks
# most Vietnamese letters with two marks (ệ, ố, ờ: LibreOffice falls back to DejaVu for them too).
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf",
    "/usr/share/fonts/truetype/msttcorefonts/times.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
)


def stamp_font() -> Path:
    from dondoc.config import get_settings

    configured = str(get_settings().sign_font or "")
    for candidate in ([configured] if configured else []) + list(FONT_CANDIDATES):
        if Path(candidate).is_file():
            return Path(candidate)
    raise SigningConfigError("không có phông chữ Times New Roman/Liberation Serif cho phần chữ của chữ ký số: "
                             "cài fonts-liberation hoặc đặt DONDOC_SIGN_FONT=đường dẫn tệp .ttf")


def vn_time(moment: dt.datetime) -> str:
    """ISO 8601 with the Vietnamese offset: 2025-11-13T09:00:05+07:00."""
    import pendulum

    if moment.tzinfo is None:
        raise ValueError("moment must be aware")
    return pendulum.instance(moment).in_timezone("Asia/Ho_Chi_Minh").isoformat(timespec="seconds")


def image_aspect(path: Path) -> float:
    from PIL import Image

    with Image.open(path) as img:
        return img.width / img.height


def image_style(source: Path | Any):  # type: ignore[no-untyped-def]
    """A stamp that is only the image (a PNG path or a PIL image), scaled into the field's box, no
    border, fully opaque (the PNG's own alpha channel makes it transparent)."""
    from PIL import Image
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.stamp import TextStampStyle

    if isinstance(source, Path):
        if not source.is_file():
            raise SigningConfigError(f"không có tệp hình ảnh {source}")
        with Image.open(source) as img:
            img.load()
            image = img.convert("RGBA") if img.mode not in ("RGBA", "LA") else img.copy()
    else:
        image = source
    return TextStampStyle(
        stamp_text="", border_width=0, background=PdfImage(image), background_opacity=1.0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
            inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT))


def text_image(lines: list[str], *, box_mm: tuple[float, float], size_pt: float = 10, dpi: int = 300,
               align_right: bool = True) -> Any:
    """Blue text lines on a transparent image the size of the box at `dpi`: the text of an annex's
    signature (or of a signature without an image). Drawn with Pillow rather than as PDF text:
    pyHanko's own text stamps need a font shaper whose output lost Vietnamese diacritics here."""
    from PIL import Image, ImageDraw, ImageFont

    px = dpi / 25.4
    w, h = round(box_mm[0] * px), round(box_mm[1] * px)
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    font_px = round(size_pt / 72 * dpi)
    font = ImageFont.truetype(str(stamp_font()), font_px)
    step = round(font_px * 1.2)
    y = 0
    for line in lines:
        while font.getlength(line) > w and font_px > 8:  # a long organisation name: shrink, never cut
            font_px -= 2
            font = ImageFont.truetype(str(stamp_font()), font_px)
        x = w - font.getlength(line) if align_right else 0
        draw.text((x, y), line, fill=(0, 0, 255, 255), font=font)
        y += step
    return img
