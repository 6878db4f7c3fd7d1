"""PDF files built by hand for the tests (nothing stored): a text layer, a damaged
cross-reference, a decompression bomb, encryption."""

from __future__ import annotations

import io
import zlib


def pdf(stream: bytes, *, filters: bytes = b"", xref_shift: int = 0) -> bytes:
    """A one-page PDF whose page content is ``stream`` (already encoded by ``filters``);
    ``xref_shift`` moves the startxref pointer off its table (a damaged file)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length "
        + str(len(stream)).encode()
        + filters
        + b" >>\nstream\n"
        + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n"
        f"{xref + xref_shift}\n%%EOF\n".encode()
    )
    return out.getvalue()


def text_pdf(text: str, **kw: int) -> bytes:
    return pdf(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode(), **kw)


def bomb_pdf(expanded: int = 200_000_000) -> bytes:
    """A 200 kB PDF whose page content inflates to ``expanded`` bytes."""
    content = b"BT /F1 12 Tf 72 720 Td (Talks were held.) Tj ET\n" + b" " * expanded
    return pdf(zlib.compress(content, 9), filters=b" /Filter /FlateDecode")


def encrypted_pdf(text: str, password: str) -> bytes:
    """A PDF encrypted (RC4, which pypdf opens without extra packages) with ``password``
    for reading: "" opens in any reader."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(text))))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
