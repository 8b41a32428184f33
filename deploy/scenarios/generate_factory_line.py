#!/usr/bin/env python3
"""Generate the factory-line scenario and its expected summary.

Writes factory-line.jsonl (JSON Lines that the launcher plays, see deploy/README.md) and
factory-line.expected.json (the balances, device total and firing alerts that the services
must report after playing it) next to this script. The output is deterministic: running the
script again gives byte-identical files. Standard library only.

The two product keys are made up. They have the 5x5 shape of a real key, so the
station-service treats the one copied into a report's notes as an exposure.
"""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

KEYS = [
    {"keyId": "KEY-A", "productKey": "KLTST-AAAAA-BBBBB-CCCCC-7QX4M", "allotment": 150},
    {"keyId": "KEY-B", "productKey": "KLTST-DDDDD-EEEEE-FFFFF-H2K9D", "allotment": 100},
]
PARTIAL_KEYS = {key["keyId"]: key["productKey"][-5:] for key in KEYS}

PROVISIONING_START = datetime(2026, 11, 2, 6, 0, tzinfo=timezone.utc)
# Activation is deferred: devices activate when customers first connect them, a week later.
ACTIVATION_START = datetime(2026, 11, 9, 8, 0, tzinfo=timezone.utc)
LINE_1_METHODS = ["unattend", "audit-mode-ipk", "offline-dism"]
EXPOSED_SERIAL = "L1-0042"
KMS_CLIENT_KEY_INSTALLED = "0xC004F074"
KMS_DNS_NAME_MISSING = "0x8007232B"
# The alert-service gets KEYLINE_ALERTS_KEY_LOW_THRESHOLD=20 from the launcher.
KEY_LOW_THRESHOLD = 20


def timestamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def provisioning_reports():
    """Return the device-provisioned reports of both lines, line 1 first."""
    reports = []
    for number in range(1, 121):
        serial = f"L1-{number:04d}"
        report = {
            "serial": serial,
            "lineId": "line-1",
            "stationId": "imaging-01" if number % 2 == 1 else "imaging-02",
            "time": timestamp(PROVISIONING_START + timedelta(minutes=number - 1)),
            "keyId": "KEY-A",
            "partialKey": PARTIAL_KEYS["KEY-A"],
            "method": LINE_1_METHODS[(number - 1) % len(LINE_1_METHODS)],
            "keyCleared": True,
        }
        if serial == EXPOSED_SERIAL:
            report["notes"] = "station log: cscript slmgr.vbs /ipk " + KEYS[0]["productKey"]
        reports.append(report)
    for number in range(1, 91):
        reports.append({
            "serial": f"L2-{number:04d}",
            "lineId": "line-2",
            "stationId": "imaging-03",
            "time": timestamp(PROVISIONING_START + timedelta(minutes=number - 1)),
            "keyId": "KEY-B",
            "partialKey": PARTIAL_KEYS["KEY-B"],
            "method": "unattend",
            "keyCleared": True,
        })
    return reports


def activation(serial, line_id, key_id, result, channel="internet"):
    station_id = "activation-01" if line_id == "line-1" else "activation-02"
    report = {"serial": serial, "lineId": line_id, "stationId": station_id}
    if key_id is not None:
        report["keyId"] = key_id
    report["partialKey"] = PARTIAL_KEYS["KEY-A" if line_id == "line-1" else "KEY-B"]
    report["channel"] = channel
    report["result"] = result
    return report


def channel_for(number):
    """Return "phone" for every tenth device number and "internet" for the others."""
    return "phone" if number % 10 == 0 else "internet"


def activation_reports():
    """Return the activation-attempted reports in the order the customers' devices send them."""
    reports = [activation("L1-0010", "line-1", "KEY-A", KMS_CLIENT_KEY_INSTALLED)]
    for number in range(1, 81):
        reports.append(activation(f"L1-{number:04d}", "line-1", "KEY-A", "success", channel_for(number)))
    for number in range(81, 84):
        reports.append(activation(f"L1-{number:04d}", "line-1", "KEY-A", KMS_CLIENT_KEY_INSTALLED))
    for number in range(84, 86):
        reports.append(activation(f"L1-{number:04d}", "line-1", "KEY-A", KMS_DNS_NAME_MISSING))
    reports.append(activation("L1-0005", "line-1", "KEY-A", "success"))
    # Never provisioned, and named only by its partial key.
    reports.append(activation("L9-9999", "line-1", None, "success"))
    for number in range(1, 86):
        reports.append(activation(f"L2-{number:04d}", "line-2", "KEY-B", "success", channel_for(number)))
    for index, report in enumerate(reports):
        report["time"] = timestamp(ACTIVATION_START + timedelta(minutes=index))
    return reports


def scenario_lines():
    lines = [{"kind": "register-key", **key} for key in KEYS]
    lines += [{"kind": "device-provisioned", "report": report} for report in provisioning_reports()]
    lines += [{"kind": "activation-attempted", "report": report} for report in activation_reports()]
    return lines


def expected_summary(provisioned, activations):
    """Compute the summary that the ledger and alert rules should reach for these reports.

    A device's first successful activation consumes one count and releases its commitment,
    and a repeat consumes nothing. A success from a device that was never provisioned
    consumes from the key that its partial key names, and raises an unknown-device alert.
    """
    key_by_partial = {partial: key_id for key_id, partial in PARTIAL_KEYS.items()}
    device_key = {report["serial"]: report["keyId"] for report in provisioned}
    activated = set()
    committed = {key["keyId"]: 0 for key in KEYS}
    consumed = {key["keyId"]: 0 for key in KEYS}
    unknown_devices = set()
    for report in provisioned:
        committed[report["keyId"]] += 1
    for report in activations:
        if report["result"] != "success" or report["serial"] in activated:
            continue
        activated.add(report["serial"])
        key_id = report.get("keyId") or key_by_partial[report["partialKey"]]
        if report["serial"] in device_key:
            committed[device_key[report["serial"]]] -= 1
        else:
            unknown_devices.add(report["serial"])
        consumed[key_id] += 1

    keys = []
    for key in KEYS:
        key_id = key["keyId"]
        available = key["allotment"] - consumed[key_id] - committed[key_id]
        keys.append({
            "keyId": key_id,
            "allotment": key["allotment"],
            "committed": committed[key_id],
            "consumed": consumed[key_id],
            "available": available,
        })
    low_keys = [key for key in keys if key["available"] < KEY_LOW_THRESHOLD]
    exposures = sum(1 for report in provisioned if KEYS[0]["productKey"] in report.get("notes", ""))
    return {
        "keys": keys,
        "devices": len(device_key) + len(unknown_devices),
        "firingAlertsByRule": {
            "activation-unknown-device": len(unknown_devices),
            "key-exposure": exposures,
            "key-low": len(low_keys),
        },
    }


def main():
    directory = Path(__file__).resolve().parent
    lines = scenario_lines()
    with open(directory / "factory-line.jsonl", "w", encoding="utf-8", newline="\n") as out:
        for line in lines:
            out.write(json.dumps(line, separators=(",", ":")) + "\n")

    provisioned = [line["report"] for line in lines if line["kind"] == "device-provisioned"]
    activations = [line["report"] for line in lines if line["kind"] == "activation-attempted"]
    expected = expected_summary(provisioned, activations)
    with open(directory / "factory-line.expected.json", "w", encoding="utf-8", newline="\n") as out:
        out.write(json.dumps(expected, indent=2) + "\n")


if __name__ == "__main__":
    main()
