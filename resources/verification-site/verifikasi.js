/* Netralitas Desktop — checks a certificate's signed code in the visitor's browser, with no server.
 *
 * The code comes after "#" in the address (the QR holds URL#SRT2.…) or from the text box. The
 * signed list in data.js (this instansi's public keys, revoked numbers, digests of old-format
 * certificates) is checked first with the key it names; then the code's Ed25519 signature with
 * the key whose id it carries. Format: netralitas_desktop/core/certificates/payload.py.
 * Signatures: WebCrypto Ed25519 where the browser has it, else TweetNaCl (nacl.min.js). Every
 * text from a code is shown with textContent, never as HTML. */
"use strict";
(function () {
  var DATA = window.NETRALITAS_DATA;
  var BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember"];
  var HARI = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];
  var B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  var HEADLINE = { valid: "ASLI", revoked: "DICABUT", invalid: "TIDAK SAH", unrecorded: "TIDAK SAH" };
  var forceJs = /[?&]periksa=js(&|$)/.test(location.search);
  var engine = "";
  var listCache = null;

  function $(id) { return document.getElementById(id); }

  function fail(message) { var error = new Error(message); error.forUser = true; return error; }

  function b32decode(text) {
    var bits = 0, value = 0, out = [];
    for (var i = 0; i < text.length; i++) {
      var index = B32.indexOf(text.charAt(i));
      if (index < 0) throw fail("Kode QR sertifikat rusak: ada huruf yang tidak dikenal.");
      value = (value << 5) | index;
      bits += 5;
      if (bits >= 8) { bits -= 8; out.push((value >>> bits) & 0xff); }
    }
    return new Uint8Array(out);
  }

  function b64decode(text) {
    var binary = atob(text), out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }

  /* A big-endian unsigned number in decimal (a NIP needs 60 bits; no BigInt in older browsers). */
  function decimal(bytes) {
    var digits = [0];
    for (var i = 0; i < bytes.length; i++) {
      var carry = bytes[i];
      for (var k = 0; k < digits.length; k++) {
        var value = digits[k] * 256 + carry;
        digits[k] = value % 10;
        carry = Math.floor(value / 10);
      }
      while (carry) { digits.push(carry % 10); carry = Math.floor(carry / 10); }
    }
    return digits.reverse().join("");
  }

  function utf8(bytes) { return new TextDecoder("utf-8", { fatal: true }).decode(bytes); }
  function encode(text) { return new TextEncoder().encode(text); }

  function concat(a, b) {
    var out = new Uint8Array(a.length + b.length);
    out.set(a, 0);
    out.set(b, a.length);
    return out;
  }

  function hex(bytes) {
    var out = "";
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return out;
  }

  async function ed25519(publicKey, signature, message) {
    if (!forceJs && window.crypto && crypto.subtle) {
      try {
        var key = await crypto.subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]);
        var ok = await crypto.subtle.verify({ name: "Ed25519" }, key, signature, message);
        engine = "WebCrypto";
        return ok;
      } catch (error) { /* this browser has no Ed25519 in WebCrypto: TweetNaCl below */ }
    }
    engine = "TweetNaCl";
    return nacl.sign.detached.verify(message, signature, publicKey);
  }

  /* codebook.py: ASCII as is, 0x80+ a phrase, 0x02 + phrase in capitals, 0x01 n bytes of UTF-8. */
  function decodeText(bytes) {
    var out = "", i = 0, words = DATA.words;
    while (i < bytes.length) {
      var b = bytes[i];
      if (b >= 0x20 && b <= 0x7e) { out += String.fromCharCode(b); i += 1; }
      else if (b >= 0x80 && b - 0x80 < words.length) { out += words[b - 0x80]; i += 1; }
      else if (b === 2 && i + 1 < bytes.length && bytes[i + 1] >= 0x80 && bytes[i + 1] - 0x80 < words.length) {
        out += words[bytes[i + 1] - 0x80].toUpperCase(); i += 2;
      } else if (b === 1 && i + 1 < bytes.length && bytes[i + 1] > 0 && i + 2 + bytes[i + 1] <= bytes.length) {
        out += utf8(bytes.subarray(i + 2, i + 2 + bytes[i + 1])); i += 2 + bytes[i + 1];
      } else { throw fail("Kode QR sertifikat rusak."); }
    }
    return out;
  }

  function parseV2(encoded) {
    var data = b32decode(encoded.toUpperCase());
    if (data.length < 2 + 4 + 4 + 4 + 64 || data[0] !== 2 || (data[1] & ~3)) {
      throw fail("Kode QR sertifikat rusak atau dibuat oleh versi aplikasi lain.");
    }
    var body = data.subarray(0, data.length - 64), signature = data.subarray(data.length - 64);
    var kind = data[1], p = 2;
    var keyId = hex(body.subarray(p, p + 4)); p += 4;
    var days = (body[p] << 8) | body[p + 1], tenths = (body[p + 2] << 8) | body[p + 3]; p += 4;
    var holderId = "";
    if (kind === 1 || kind === 2) {
      holderId = decimal(body.subarray(p, p + 8)).padStart(18, "0"); p += 8;
    } else if (kind === 3) {
      var shown = String((body[p] << 16) | (body[p + 1] << 8) | body[p + 2]).padStart(6, "0");
      holderId = shown.slice(0, 4) + "**********" + shown.slice(4); p += 3;
    }
    var texts = [];
    for (var t = 0; t < 4; t++) {
      if (p >= body.length) throw fail("Kode QR sertifikat terpotong.");
      var length = body[p];
      if (p + 1 + length > body.length) throw fail("Kode QR sertifikat terpotong.");
      texts.push(decodeText(body.subarray(p + 1, p + 1 + length)));
      p += 1 + length;
    }
    if (p !== body.length) throw fail("Kode QR sertifikat rusak: ada data yang tidak dikenal.");
    return {
      version: 2, keyId: keyId, kind: kind, holderId: holderId, number: texts[0], name: texts[1],
      title: texts[2], instansi: texts[3], date: new Date(Date.UTC(2000, 0, 1) + days * 86400000),
      jp: tenths, signature: signature, message: concat(encode("NTS2"), body)
    };
  }

  function parseV1(code) {
    var parts = code.split("|");
    if (parts.length !== 6 || !/^\d{8}$/.test(parts[4]) || parts[5].length !== 86) {
      throw fail("Kode QR sertifikat tidak lengkap atau rusak.");
    }
    var sig = parts[5].replace(/-/g, "+").replace(/_/g, "/") + "==";
    var d = parts[4];
    return {
      version: 1, keyId: "", kind: parts[2].length === 16 ? 3 : (parts[2] ? 1 : 0),
      holderId: parts[2].length === 16 ? parts[2].slice(0, 4) + "**********" + parts[2].slice(14) : parts[2],
      number: parts[1], name: parts[3], title: "", instansi: "", jp: null,
      date: new Date(Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8))),
      signature: b64decode(sig), message: encode(code.slice(0, code.lastIndexOf("|")))
    };
  }

  function parse(text) {
    var code = text.trim();
    var hash = code.indexOf("#");
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(code)) {  /* an address: the site's own (http, https or file) */
      if (hash >= 0) code = code.slice(hash + 1);
      else {
        var match = /[?&]c=([^&]*)/.exec(code);
        if (!match) throw fail("Alamat ini tidak memuat kode sertifikat.");
        code = match[1].replace(/\+/g, " ");
      }
      code = decodeURIComponent(code).trim();
    }
    if (code.slice(0, 5).toUpperCase() === "SRT2.") return parseV2(code.slice(5).replace(/\s+/g, ""));
    if (code.indexOf("SRT1|") === 0) return parseV1(code);
    throw fail("Kode ini bukan kode QR sertifikat Netralitas.");
  }

  async function trustedList() {
    if (listCache) return listCache;
    if (!DATA || !DATA.list) throw fail("Data situs verifikasi (data.js) tidak ada.");
    var list = DATA.list, body = JSON.parse(list.body);
    var signer = body.keys.filter(function (key) { return key.key_id === list.key_id; })[0];
    if (!signer || !(await ed25519(b64decode(signer.public_key), b64decode(list.signature),
      concat(encode("NTL1"), encode(list.body))))) {
      throw fail("Data situs verifikasi rusak atau telah diubah; hubungi instansi penerbit.");
    }
    listCache = body;
    return body;
  }

  async function check(text) {
    var list = await trustedList();
    var code = parse(text);
    var result = { status: "invalid", code: code, notes: [] };
    var candidates = list.keys.filter(function (key) {
      return code.version === 1 ? key.role === "legacy" : key.key_id === code.keyId;
    });
    var signer = null;
    for (var i = 0; i < candidates.length && !signer; i++) {
      if (await ed25519(b64decode(candidates[i].public_key), code.signature, code.message)) signer = candidates[i];
    }
    if (!signer) {
      result.message = candidates.length || code.version === 1
        ? "Tanda tangan digital tidak cocok: data pada sertifikat telah diubah."
        : "Sertifikat ini tidak ditandatangani dengan kunci " + list.instansi + ".";
      return result;
    }
    result.signer = signer;
    if (code.version === 1) {
      var digest = hex(nacl.hash(code.signature).subarray(0, 16));
      if (list.legacy.indexOf(digest) < 0) {
        result.message = "Sertifikat format lama ini tidak ada dalam daftar sertifikat " + list.instansi + ".";
        return result;
      }
      result.notes.push("Sertifikat format lama: yang dijamin hanya nomor, nama, NIP/NIK dan tanggal kegiatan.");
    }
    var revoked = list.revoked.filter(function (entry) { return entry[0] === code.number; })[0];
    if (revoked) {
      result.status = "revoked";
      var when = revoked[1] ? tanggal(new Date(revoked[1] + "T00:00:00Z"), false) : "";
      result.banner = when ? "sejak " + when : "";
      result.message = "Sertifikat ini telah dicabut oleh " + list.instansi + (when ? " pada " + when : "") + ".";
      return result;
    }
    result.status = "valid";
    result.message = "Tanda tangan digital " + list.instansi + " cocok: data di atas adalah data yang diterbitkan.";
    return result;
  }

  function tanggal(date, withDay) {
    var text = date.getUTCDate() + " " + BULAN[date.getUTCMonth()] + " " + date.getUTCFullYear();
    return withDay ? HARI[date.getUTCDay()] + ", " + text : text;
  }

  function holderText(code) {
    if (!code.holderId) return "";
    if (code.kind === 3) return "NIK. " + code.holderId;
    var d = code.holderId;
    var shown = d.length === 18 ? d.slice(0, 8) + " " + d.slice(8, 14) + " " + d.slice(14, 15) + " " + d.slice(15) : d;
    return (code.kind === 2 ? "NI PPPK " : "NIP. ") + shown;  /* as the certificate prints it */
  }

  function row(list, term, value) {
    if (!value) return;
    var dt = document.createElement("dt"), dd = document.createElement("dd");
    dt.textContent = term;
    dd.textContent = value;
    list.appendChild(dt);
    list.appendChild(dd);
  }

  function show(result) {
    var section = $("hasil"), code = result.code;
    section.hidden = false;
    section.className = "kartu " + result.status;
    document.body.setAttribute("data-status", result.status);
    $("vonis").textContent = HEADLINE[result.status];
    if (result.banner) {
      var small = document.createElement("small");
      small.textContent = result.banner;
      $("vonis").appendChild(small);
    }
    $("label-nama").hidden = !code || result.status === "valid" || result.status === "revoked";
    $("label-nama").textContent = "Data pada kode (tidak terbukti asli):";
    $("nama").textContent = code ? code.name : "";
    $("idpeg").textContent = code ? holderText(code) : "";
    $("nomor").textContent = code ? "Nomor " + code.number : "";
    var details = $("rincian");
    details.textContent = "";
    if (code) {
      row(details, "Kegiatan", code.title);
      row(details, "Tanggal", tanggal(code.date, true));
      if (code.jp !== null && code.jp > 0) row(details, "Beban", String(code.jp / 10).replace(".", ",") + " JP");
      row(details, "Penerbit", code.instansi || (result.signer && result.signer.instansi));
    }
    $("cocokkan").hidden = !(result.status === "valid" || result.status === "revoked");
    $("pesan").textContent = result.message || "";
    var notes = $("catatan");
    notes.textContent = "";
    result.notes.forEach(function (note) {
      var p = document.createElement("p");
      p.className = "catatan";
      p.textContent = note;
      notes.appendChild(p);
    });
    if (result.status === "valid") window.scrollTo(0, 0);
  }

  async function run(text) {
    try {
      show(await check(text));
    } catch (error) {
      show({ status: "invalid", code: null, notes: [], message: error.forUser ? error.message :
        "Kode tidak bisa diperiksa: " + error.message });
    }
    footer();
  }

  function footer() {
    var text = "";
    if (listCache) {
      var active = listCache.keys.filter(function (key) { return !key.retired && key.role === "own"; })[0];
      text = "Daftar pencabutan per " + tanggal(new Date(listCache.made_at.slice(0, 10) + "T00:00:00Z"), false) +
        " · " + listCache.revoked.length + " sertifikat dicabut. ";
      if (active) text += "Sidik kunci " + listCache.instansi + ": " + active.fingerprint + ". ";
    }
    if (engine) text += "Pemeriksa tanda tangan: " + engine + ". ";
    text += "Pemeriksaan berjalan di peramban ini; kode tidak dikirim ke server mana pun.";
    $("kaki").textContent = text;
    document.body.setAttribute("data-engine", engine);
    document.body.setAttribute("data-width", String(document.documentElement.scrollWidth));
    if (window.parent !== window) {  /* a page that embeds the checker (an instansi portal) hears the verdict */
      window.parent.postMessage({ netralitas: true, status: document.body.getAttribute("data-status"),
        width: document.documentElement.scrollWidth, viewport: window.innerWidth }, "*");
    }
  }

  function fromAddress() {
    if (location.hash.length > 1) return decodeURIComponent(location.hash.slice(1));
    return /[?&]c=/.test(location.search) ? location.href : null;  /* an old-format address (?c=SRT1|…) */
  }

  $("periksa").addEventListener("click", function () {
    var text = $("kode").value;
    if (text.trim()) run(text);
  });
  window.addEventListener("hashchange", function () { var code = fromAddress(); if (code) run(code); });
  var initial = fromAddress();
  if (initial) run(initial);
  else {
    document.body.setAttribute("data-status", "menunggu");
    trustedList().then(footer, function () { run("-"); });
  }
})();
