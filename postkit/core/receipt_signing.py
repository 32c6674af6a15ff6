"""Headquarters' signature on receipts (Ed25519), and the public key posts check it with.

A SHA-256 inside a receipt finds damage, but anybody can edit a receipt and compute it again.
So headquarters signs each receipt with a private key that stays in its user data folder
(`keys/receipt-signing-key.pem`, made on first use, readable by its owner only), and gives the
posts the public half once, as a small JSON file (`export_public_key`), by a channel they trust;
each post imports it into its database (`postkit receipt import-key FILE`, or the Surveys menu).

The signature is an added field of the receipt, so the layout stays as it was:

    "signature": {"algorithm": "Ed25519", "key": <fingerprint>, "value": <base64>}

It signs SIGNED_PREFIX followed by the receipt's canonical JSON without `sha256` and
`signature` (keys sorted, no spaces, UTF-8: the text `receipt_digest` hashes). The `sha256`
is computed last, over the signature too, so a post on an older postkit, which checks only the
SHA-256 of everything but `sha256`, still reads a signed receipt.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from postkit.core.errors import PostkitError
from postkit.core.files import atomic_output
from postkit.core.paths import user_data_dir

KEY_FORMAT = "postkit-receipt-key/1"
ALGORITHM = "Ed25519"
KEY_SUFFIX = ".postkit-key"
SIGNED_PREFIX = b"postkit-survey-receipt-signature/1\n"
_KEY_FILE = "receipt-signing-key.pem"


@dataclass(frozen=True)
class PublicKey:
    """Headquarters' public key as a post keeps it: the raw key, base64, and its fingerprint."""

    public_key: str
    fingerprint: str

    @property
    def short(self) -> str:
        """The first 16 hex digits in groups of four, to compare by phone."""
        return " ".join(self.fingerprint[i : i + 4] for i in range(0, 16, 4))


def signing_key_file() -> Path:
    return user_data_dir() / "keys" / _KEY_FILE


def hq_signing_key() -> Ed25519PrivateKey:
    """Headquarters' private key, made (and stored owner-only) the first time it is needed."""
    path = signing_key_file()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return _new_key(path)
    except OSError as error:
        raise PostkitError(f"cannot read {path}: {error.strerror or error}") from error
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except ValueError as error:
        raise PostkitError(f"{path}: not a receipt signing key ({error})") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise PostkitError(f"{path}: not an Ed25519 key")
    return key


def _new_key(path: Path) -> Ed25519PrivateKey:
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: two windows making a key at once keep the first one's.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return hq_signing_key()
    except OSError as error:
        raise PostkitError(f"cannot write {path}: {error.strerror or error}") from error
    with os.fdopen(fd, "wb") as file:
        file.write(pem)
        file.flush()
        os.fsync(file.fileno())
    return key


def key_fingerprint(public_key: Ed25519PublicKey) -> str:
    return hashlib.sha256(_raw(public_key)).hexdigest()


def public_key_of(private_key: Ed25519PrivateKey) -> PublicKey:
    public = private_key.public_key()
    return PublicKey(base64.b64encode(_raw(public)).decode("ascii"), key_fingerprint(public))


def export_public_key(path: str | os.PathLike[str]) -> Path:
    """Write headquarters' public key as the file posts import; the path written."""
    path = Path(path)
    key = public_key_of(hq_signing_key())
    content = {
        "format": KEY_FORMAT,
        "algorithm": ALGORITHM,
        "public_key": key.public_key,
        "fingerprint": key.fingerprint,
    }
    with atomic_output(path) as temp:
        temp.write_text(json.dumps(content, indent=2) + "\n", encoding="utf-8")
    return path


def parse_public_key(content: object) -> PublicKey:
    """A key file's content (as read by the guarded JSON reader), checked; ValueError saying
    why not."""
    if not isinstance(content, dict) or content.get("format") != KEY_FORMAT:
        raise ValueError("not a receipt key from headquarters")
    if content.get("algorithm") != ALGORITHM:
        raise ValueError("not an Ed25519 key")
    text = content.get("public_key")
    try:
        raw = base64.b64decode(text if isinstance(text, str) else "", validate=True)
        public = Ed25519PublicKey.from_public_bytes(raw)
    except ValueError as error:
        raise ValueError("not an Ed25519 public key") from error
    fingerprint = key_fingerprint(public)
    stated = content.get("fingerprint")
    if stated is not None and stated != fingerprint:
        raise ValueError("the fingerprint does not match the key")
    return PublicKey(base64.b64encode(raw).decode("ascii"), fingerprint)


def signed_text(content: dict[str, object]) -> bytes:
    """What the signature covers: the receipt without `sha256` and `signature`."""
    payload = {key: value for key, value in content.items() if key not in ("sha256", "signature")}
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return SIGNED_PREFIX + text.encode("utf-8")


def signature_of(content: dict[str, object], private_key: Ed25519PrivateKey) -> dict[str, str]:
    """The `signature` field for a receipt's content."""
    value = private_key.sign(signed_text(content))
    return {
        "algorithm": ALGORITHM,
        "key": key_fingerprint(private_key.public_key()),
        "value": base64.b64encode(value).decode("ascii"),
    }


def verify_signature(content: dict[str, object], keys: dict[str, PublicKey]) -> PublicKey | None:
    """The key among `keys` (by fingerprint) whose signature the receipt carries; None when it
    is signed by none of them. ValueError when a key it names does not verify the signature:
    the receipt changed after it was signed."""
    signature = content.get("signature")
    if not isinstance(signature, dict):
        raise ValueError("the signature is not an object")
    key = keys.get(str(signature.get("key")))
    if key is None:
        return None
    if signature.get("algorithm") != ALGORITHM:
        raise ValueError(f"the signature is not {ALGORITHM}")
    try:
        value = base64.b64decode(str(signature.get("value")), validate=True)
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(key.public_key))
        public.verify(value, signed_text(content))
    except (ValueError, InvalidSignature) as error:
        raise ValueError("the signature does not match") from error
    return key


def _raw(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
