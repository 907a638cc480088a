"""Writes one ComplaintReceived, as a Python producer would, to the file named on the command line.

    python3 write_complaint_received.py HISTORY_DIR OUT_FILE

The Java test CrossLanguageDecodingIT decodes it with the project's deserializer.
"""
import datetime
import decimal
import json
import sys
from pathlib import Path

# The encoding lives once, in the example client every Python user starts from.
sys.path.insert(0, str(Path(__file__).resolve().parents[4] / "examples" / "python"))
from single_object import encode  # noqa: E402

history, out = Path(sys.argv[1]), Path(sys.argv[2])
schema = (history / "ComplaintReceived" / "v2.avsc").read_text()
datum = {
    "eventId": "5b0e7c8e-2f0b-4c47-9d8e-0c6a9d2f1a01",
    "complaintId": "py-complaint-1",
    "occurredAt": datetime.datetime(2025, 11, 23, 12, 13, 20, tzinfo=datetime.timezone.utc),
    "causationId": None,
    "round": 1,
    "customer": {"id": "C-PY-1", "name": "Ada Lovelace", "email": "ada@example.com", "phone": None,
                 "tier": "GOLD", "customerSince": None},
    "channel": "EMAIL",
    "subject": "Parcel arrived crushed",
    "description": "The box was crushed and the vase inside is broken.",
    "order": {"id": "O-PY-1", "sku": "VASE-01", "amount": {"amount": decimal.Decimal("79.90"), "currency": "EUR"},
              "completedFraction": None},
    "desiredOutcome": "A new vase",
    "idempotencyKey": None,
    "reopenedFrom": None,
}
out.write_bytes(encode(schema, datum))
print(json.dumps({"wrote": str(out), "bytes": out.stat().st_size}))
