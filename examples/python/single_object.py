"""Avro single-object encoding for the Make It Right topics, with nothing but the plain `avro` package.

Layout of every record value (see schemas/README.md):
  bytes 0-1   marker C3 01
  bytes 2-9   CRC-64-AVRO fingerprint of the writer schema's Parsing Canonical Form, little-endian
  bytes 10-   Avro binary encoding of the record

The fingerprint is computed here from the schema JSON, following the specification, because some
versions of the Python library (1.11.1 in Debian 12) get the canonical form of annotated primitives
such as {"type": "long", "logicalType": "timestamp-millis"} wrong.
"""
import io
import json
import struct

import avro.io
import avro.schema

_EMPTY = 0xC15D213AA4D7A795  # the CRC-64-AVRO seed from the Avro specification
_TABLE = []
for _i in range(256):
    _fp = _i
    for _ in range(8):
        _fp = (_fp >> 1) ^ (_EMPTY & -(_fp & 1))
    _TABLE.append(_fp)

_PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}
_KEEP = ["name", "type", "fields", "symbols", "items", "values", "size"]


def _fullname(name, namespace):
    return name if "." in name or not namespace else namespace + "." + name


def _canonical(node, namespace):
    if isinstance(node, str):
        return json.dumps(node if node in _PRIMITIVES else _fullname(node, namespace))
    if isinstance(node, list):
        return "[" + ",".join(_canonical(branch, namespace) for branch in node) + "]"
    kind = node["type"]
    if isinstance(kind, str) and kind in _PRIMITIVES:
        return json.dumps(kind)
    if kind in ("record", "enum", "fixed"):
        namespace = node.get("namespace", namespace) if "." not in node["name"] else node["name"].rsplit(".", 1)[0]
        parts = ['"name":' + json.dumps(_fullname(node["name"], namespace)), '"type":' + json.dumps(kind)]
        if kind == "record":
            fields = ",".join('{"name":' + json.dumps(f["name"]) + ',"type":' + _canonical(f["type"], namespace) + "}"
                              for f in node["fields"])
            parts.append('"fields":[' + fields + "]")
        elif kind == "enum":
            parts.append('"symbols":' + json.dumps(node["symbols"], separators=(",", ":")))
        else:
            parts.append('"size":' + str(int(node["size"])))
        return "{" + ",".join(parts) + "}"
    if kind == "array":
        return '{"type":"array","items":' + _canonical(node["items"], namespace) + "}"
    if kind == "map":
        return '{"type":"map","values":' + _canonical(node["values"], namespace) + "}"
    return _canonical(kind, namespace)  # {"type": "SomeNamedType"}


def canonical_form(schema_json):
    """Parsing Canonical Form of a schema given as JSON text."""
    return _canonical(json.loads(schema_json), None)


def fingerprint(schema_json):
    """CRC-64-AVRO of the schema's Parsing Canonical Form, as an unsigned 64-bit int."""
    fp = _EMPTY
    for byte in canonical_form(schema_json).encode("utf-8"):
        fp = (fp >> 8) ^ _TABLE[(fp ^ byte) & 0xFF]
    return fp


def encode(schema_json, datum):
    out = io.BytesIO()
    out.write(b"\xc3\x01")
    out.write(struct.pack("<Q", fingerprint(schema_json)))
    avro.io.DatumWriter(avro.schema.parse(schema_json)).write(datum, avro.io.BinaryEncoder(out))
    return out.getvalue()


def decode(schemas_by_fingerprint, data):
    """Decodes one record value; schemas_by_fingerprint maps fingerprint -> schema JSON text."""
    if data[:2] != b"\xc3\x01":
        raise ValueError("not Avro single-object encoding")
    (fp,) = struct.unpack("<Q", data[2:10])
    schema = avro.schema.parse(schemas_by_fingerprint[fp])
    return avro.io.DatumReader(schema).read(avro.io.BinaryDecoder(io.BytesIO(data[10:])))
