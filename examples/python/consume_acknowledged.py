"""Reads complaints.acknowledged from Python and prints each acknowledgement as one JSON line.

    python3 examples/python/consume_acknowledged.py                      # follow the local stack's topic
    python3 examples/python/consume_acknowledged.py --bootstrap-servers localhost:9092 \
        --complaint-id 3f2a... --max-messages 1 --timeout 60             # wait for one complaint's acknowledgement

Needs `confluent-kafka` and `avro` (Debian: python3-confluent-kafka python3-avro; pip: confluent-kafka avro).
Values are Avro single-object encoded (schemas/README.md): the writer schema is found by the fingerprint in
bytes 2-9 among the committed schema history, so no schema registry is involved. Only committed records are
read (read_committed), as every service reads them.
"""
import argparse
import datetime
import decimal
import json
import sys
import time
import uuid
from pathlib import Path

from confluent_kafka import Consumer, KafkaException

from single_object import decode, fingerprint

ROOT = Path(__file__).resolve().parents[2]
HISTORY = ROOT / "schemas" / "src" / "main" / "resources" / "schema-history"
TOPIC = "complaints.acknowledged"


def load_schemas(history):
    """fingerprint -> schema text for every committed version of every event."""
    schemas = {}
    for path in sorted(history.glob("*/v*.avsc")):
        text = path.read_text()
        schemas[fingerprint(text)] = text
    if not schemas:
        raise SystemExit(f"no schemas under {history}")
    return schemas


def plain(value):
    """JSON-friendly view of a decoded record: timestamps as ISO-8601, money as strings."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap-servers", default="localhost:9092")
    parser.add_argument("--complaint-id", help="print only this complaint's acknowledgements")
    parser.add_argument("--max-messages", type=int, default=0, help="stop after this many printed (0: never)")
    parser.add_argument("--timeout", type=float, default=0, help="give up after this many seconds (0: never)")
    parser.add_argument("--history", type=Path, default=HISTORY, help="the schema-history folder")
    args = parser.parse_args()

    schemas = load_schemas(args.history)
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap_servers,
        "group.id": f"python-example-{uuid.uuid4()}",  # a fresh group: read the topic from its start
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "isolation.level": "read_committed",
    })
    consumer.subscribe([TOPIC])
    printed = 0
    deadline = time.monotonic() + args.timeout if args.timeout else None
    try:
        while deadline is None or time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                raise KafkaException(message.error())
            event = decode(schemas, message.value())
            if args.complaint_id and event["complaintId"] != args.complaint_id:
                continue
            print(json.dumps({"partition": message.partition(), "offset": message.offset(),
                              "key": message.key().decode(), "event": plain(event)}), flush=True)
            printed += 1
            if args.max_messages and printed >= args.max_messages:
                return 0
    except KeyboardInterrupt:
        return 0
    finally:
        consumer.close()
    print(f"timed out after {args.timeout} s with {printed} message(s)", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
