"""The instansi's verification site: plain files any web host serves, checked in the visitor's browser.

``export_site(folder, url=…)`` writes:

- ``index.html`` + ``verifikasi.js``: read the code after ``#`` in the address (the QR holds
  ``URL#SRT2.…``, so the code never reaches the server's log), check its Ed25519 signature with
  WebCrypto — or, in a browser without it (older phones, a site served over plain http), with the
  bundled TweetNaCl (public domain, audited; ``nacl.min.js`` + its licence) — and show ASLI,
  DICABUT or TIDAK SAH with the holder's name large. Everything is local: a saved copy works from
  ``file://`` and offline.
- ``data.js`` (for the page) and ``daftar.json`` (the same, for ``import_trust`` on another
  computer): the signed list — this instansi's public keys (old ones too, so what they signed
  still checks), the revoked numbers with their dates (no reasons: they may name someone), the
  codebook, and the digests of version-1 certificates (see ``register``). It is signed with the
  active key: the page refuses a list that was altered.
- ``kunci-publik.pem``: the active public key, for ``netralitas verify --public-key``.

The address given becomes the one every QR made from then on holds (``site_url``).
"""

from __future__ import annotations

import base64
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ...resources import resource_path
from .. import audit
from ..errors import UserError
from ..models import AppSetting, Event, db, now
from . import keys
from .codebook import WORDS
from .models import IMPORTED, OWN

SITE_URL_SETTING = "certificate_site_url"
LIST_KIND = "netralitas-daftar-sertifikat"
LIST_DOMAIN = b"NTL1"
TRUSTED_LIST_PREFIX = "certificate_list:"  # app setting per imported list, by its signer's key id
SITE_FILES = ("index.html", "verifikasi.js", "nacl.min.js", "LISENSI-tweetnacl.txt")
DATA_VARIABLE = "NETRALITAS_DATA"


class SiteError(UserError):
    """An address, folder or list that cannot be used; the message is for the user."""


# --- the address in QR codes -----------------------------------------------------------------------------


def url_problem(url: str) -> str | None:
    url = (url or "").strip()
    if not url:
        return None
    if not re.fullmatch(r"https?://[^\s#]+", url, re.IGNORECASE):
        return "Alamat situs verifikasi harus diawali http:// atau https://, tanpa spasi dan tanpa tanda #."
    if len(url) > 120:
        return "Alamat situs verifikasi paling panjang 120 karakter (kode QR harus tetap terbaca)."
    return None


def site_url() -> str:
    """The verification site's address QR codes carry ("" without a site: the code alone)."""
    if db.obj is None:
        return ""
    row = AppSetting.get_or_none(AppSetting.key == SITE_URL_SETTING)
    return row.value if row else ""


def set_site_url(url: str, *, actor: audit.Actor | None = None) -> str:
    url = (url or "").strip()
    problem = url_problem(url)
    if problem:
        raise SiteError(problem)
    with db.atomic():
        if url:
            AppSetting.insert(key=SITE_URL_SETTING, value=url).on_conflict(
                conflict_target=[AppSetting.key], update={AppSetting.value: url}
            ).execute()
        else:
            AppSetting.delete().where(AppSetting.key == SITE_URL_SETTING).execute()
        audit.record("settings.certificate_site", actor=actor, url=url)
    return url


# --- the signed list -------------------------------------------------------------------------------------


def _key_entry(key: keys.KnownKey) -> dict[str, str]:
    return {
        "key_id": key.key_id,
        "public_key": base64.b64encode(keys.raw_public(key.public)).decode("ascii"),
        "fingerprint": key.fingerprint,
        "instansi": key.instansi,
        "role": key.role,
        "created": str(key.created_at)[:10] if key.created_at else "",
        "retired": str(key.retired_at)[:10] if key.retired_at else "",
    }


def build_list(active: keys.KnownKey, private: Ed25519PrivateKey) -> dict[str, str]:
    """The instansi's signed list (keys, revocations, version-1 digests), signed by ``active``."""
    from .register import legacy_digests, revoked_numbers

    body = {
        "kind": LIST_KIND,
        "version": 1,
        "instansi": active.instansi or _latest_instansi(),
        "made_at": now().isoformat(sep=" "),
        "keys": [_key_entry(key) for key in keys.own_keys()],
        "revoked": [list(entry) for entry in revoked_numbers()],
        "legacy": legacy_digests(),
    }
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    signature = private.sign(LIST_DOMAIN + text.encode("utf-8"))
    return {"body": text, "key_id": active.key_id, "signature": base64.b64encode(signature).decode("ascii")}


@dataclass(frozen=True)
class TrustedList:
    """A list whose signature checked: its instansi, keys, revocations and when it was made."""

    instansi: str
    made_at: str
    signer: str
    keys: list[keys.KnownKey]
    revoked: dict[str, str]
    legacy: frozenset[str]
    document: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "instansi": self.instansi,
            "made_at": self.made_at,
            "keys": [key.to_dict() for key in self.keys],
            "revoked": len(self.revoked),
        }


def read_list(document: object) -> TrustedList:
    """Check a signed list (``SiteError`` when it is not one, or was altered)."""
    broken = SiteError("Berkas ini bukan daftar sertifikat yang sah (rusak atau telah diubah).")
    if not isinstance(document, dict):
        raise broken
    try:
        text, signer = document["body"], document["key_id"]
        signature = base64.b64decode(document["signature"], validate=True)
        body = json.loads(text)
        if body.get("kind") != LIST_KIND or body.get("version") != 1:
            raise broken
        listed = [
            keys.KnownKey(
                entry["key_id"],
                keys.public_from_raw(base64.b64decode(entry["public_key"], validate=True)),
                entry.get("instansi", ""),
                entry.get("role", OWN),
                entry.get("created") or None,
                entry.get("retired") or None,
            )
            for entry in body["keys"]
        ]
        revoked = {str(number): str(date) for number, date in body.get("revoked", [])}
        legacy = frozenset(str(digest) for digest in body.get("legacy", []))
    except (KeyError, TypeError, ValueError) as err:
        raise broken from err
    if any(keys.key_id(key.public) != key.key_id for key in listed):
        raise broken
    by_id = {key.key_id: key for key in listed}
    if signer not in by_id or not keys.is_valid_signature(
        by_id[signer].public, signature, LIST_DOMAIN + text.encode("utf-8")
    ):
        raise broken
    return TrustedList(body.get("instansi", ""), body.get("made_at", ""), signer, listed, revoked, legacy, document)


def _latest_instansi() -> str:
    return Event.select(Event.instansi).order_by(Event.date.desc(), Event.id.desc()).scalar() or ""


# --- the site --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteResult:
    folder: str
    url: str
    fingerprint: str
    keys: int
    revoked: int
    files: list[str]

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__ | {}


def export_site(
    folder: str | Path, *, url: str | None = None, passphrase: bytes | None = None, actor: audit.Actor | None = None
) -> SiteResult:
    """Write the verification site into ``folder`` (see the module text); ``url`` is set first."""
    from .register import issuing_key

    if url is not None:
        set_site_url(url, actor=actor)
    active, private = issuing_key(_latest_instansi(), passphrase=passphrase)
    document = build_list(active, private)
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name in SITE_FILES:
            source = resource_path("verification-site", name)
            if name == "index.html":
                page = source.read_text(encoding="utf-8")
                page = page.replace("{{INSTANSI}}", _html(json.loads(document["body"])["instansi"] or "Instansi"))
                (folder / name).write_text(page, encoding="utf-8")
            else:
                shutil.copyfile(source, folder / name)
        data = {"list": document, "words": list(WORDS)}
        text = json.dumps(data, ensure_ascii=False, indent=1)
        (folder / "data.js").write_text(f"window.{DATA_VARIABLE} = {text};\n", encoding="utf-8")
        (folder / "daftar.json").write_text(text + "\n", encoding="utf-8")
        (folder / "kunci-publik.pem").write_bytes(keys.public_key_pem(active.public))
    except OSError as err:
        raise SiteError(f"Situs verifikasi tidak bisa ditulis ke {folder}: {err.strerror or err}.") from err
    body = json.loads(document["body"])
    audit.record("certificates.site", actor=actor, folder=str(folder), url=site_url(), revoked=len(body["revoked"]))
    files = sorted([*SITE_FILES, "data.js", "daftar.json", "kunci-publik.pem"])
    return SiteResult(str(folder), site_url(), active.fingerprint, len(body["keys"]), len(body["revoked"]), files)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# --- another computer: trusting an instansi's keys -------------------------------------------------------


def read_trust_file(path: str | Path) -> TrustedList | keys.KnownKey:
    """A signed list (``daftar.json``, ``data.js`` or the site folder) or a PEM public key."""
    path = Path(path)
    if path.is_dir():
        path = path / "daftar.json"
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SiteError(f"Berkas {path.name} tidak bisa dibaca: {err.strerror or err}.") from err
    if data.lstrip().startswith(b"-----BEGIN"):
        public = keys.load_public_key(data)
        return keys.KnownKey(keys.key_id(public), public, "", IMPORTED)
    text = data.decode("utf-8", errors="replace").strip()
    if text.startswith("window."):
        text = text.split("=", 1)[1].strip().rstrip(";")
    try:
        document = json.loads(text)
    except ValueError as err:
        raise SiteError(
            "Berkas ini bukan daftar sertifikat (daftar.json dari situs verifikasi) atau kunci publik PEM."
        ) from err
    return read_list(document.get("list", document) if isinstance(document, dict) else document)


def trust(source: TrustedList | keys.KnownKey, *, actor: audit.Actor | None = None) -> list[keys.KnownKey]:
    """Trust the keys (after their fingerprints were compared) and keep the list's revocations."""
    listed = source.keys if isinstance(source, TrustedList) else [source]
    mine = {key.key_id for key in keys.own_keys()}
    with db.atomic():
        added = [
            keys.register_key(key.public, key.instansi or getattr(source, "instansi", ""), IMPORTED)
            for key in listed
            if key.key_id not in mine
        ]
        if isinstance(source, TrustedList):
            setting = TRUSTED_LIST_PREFIX + source.signer
            value = json.dumps(source.document, ensure_ascii=False)
            AppSetting.insert(key=setting, value=value).on_conflict(
                conflict_target=[AppSetting.key], update={AppSetting.value: value}
            ).execute()
        audit.record(
            "certificates.trust",
            actor=actor,
            keys=[key.fingerprint for key in listed],
            instansi=getattr(source, "instansi", ""),
        )
    return added


def trusted_list_for(kid: str) -> TrustedList | None:
    """The newest imported list naming key ``kid`` (its revocations apply to what that key signed)."""
    best = None
    rows = AppSetting.select().where(AppSetting.key.startswith(TRUSTED_LIST_PREFIX))
    for row in rows:
        try:
            found = read_list(json.loads(row.value))
        except (SiteError, ValueError):
            continue
        if any(key.key_id == kid for key in found.keys) and (best is None or found.made_at > best.made_at):
            best = found
    return best


__all__ = [
    "SITE_URL_SETTING",
    "SiteError",
    "SiteResult",
    "TrustedList",
    "build_list",
    "export_site",
    "read_list",
    "read_trust_file",
    "set_site_url",
    "site_url",
    "trust",
    "trusted_list_for",
    "url_problem",
]
