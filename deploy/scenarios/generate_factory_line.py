#!/usr/bin/env python3
"""Generate the factory-line scenario and its expected summary.

Writes factory-line.jsonl (JSON Lines that the launcher plays, see deploy/README.md) and
factory-line.expected.json (the balances, device total and firing alerts that the services
must report after playing it) next to this script. The output is deterministic: running the
script again gives byte-identical files. Standard library only.

The two product keys are made up. They have the 5x5 shape of a real key, so the
station-service treats the one copied into a report's notes as an exposure.

Besides the reports, the scenario sends station artifacts and manufacturing steps that
change no count: clean answer files and the steps generalized, qa-passed and shipped for
a few line-1 devices, slmgr /dli output (Licensed) for devices that already activated,
which books at most a repeat success, and Security-SPP 8198 events (a failed activation)
for devices whose activation already failed.
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
# Shipped before the customers activate them; all activate, so they also get slmgr output.
SHIPPED_SERIALS = ["L1-0001", "L1-0002", "L1-0003", "L1-0004"]
SHIPPING_START = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
# Activated devices whose slmgr /dli output is collected; the first uses CRLF line endings.
SLMGR_SERIALS = ["L1-0001", "L1-0002", "L1-0003", "L1-0004"]
# Their Security-SPP 1003 license check comes first, after their activation reports.
LICENSE_CHECK_TIME = datetime(2026, 11, 9, 10, 0, tzinfo=timezone.utc)
# Deferred devices whose event log shows another failed activation (8198).
EVENT_LOG_SERIALS = ["L1-0082", "L1-0084"]
EVENT_LOG_TIME = datetime(2026, 11, 9, 11, 30, tzinfo=timezone.utc)
ANSWER_FILE_PATH = "C:\\Windows\\Panther\\unattend.xml"
IMAGE_ANSWER_FILE_PATH = "C:\\Windows\\System32\\Sysprep\\unattend.xml"
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
            "stationId": provisioning_station(serial),
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


CLEAN_ANSWER_FILE = """<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="specialize">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      <ComputerName>*</ComputerName>
      <RegisteredOrganization>Keyline Test Factory</RegisteredOrganization>
      <TimeZone>UTC</TimeZone>
    </component>
  </settings>
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
      <OOBE>
        <HideEULAPage>true</HideEULAPage>
        <HideOnlineAccountScreens>true</HideOnlineAccountScreens>
        <ProtectYourPC>3</ProtectYourPC>
      </OOBE>
    </component>
  </settings>
</unattend>
"""


def provisioning_station(serial):
    """Return the line-1 imaging station that provisioned the device, as provisioning_reports assigns it."""
    return "imaging-01" if int(serial[3:]) % 2 == 1 else "imaging-02"


def shipping_lines():
    """Return, per shipped device, a clean answer-file check and the steps generalized, qa-passed and shipped.

    The devices were provisioned with keyCleared true, so key-cleared is their last step. A
    final check of the image's answer file, which names no device, comes last.
    """
    lines = []
    moment = SHIPPING_START
    for serial in SHIPPED_SERIALS:
        imaging = provisioning_station(serial)
        lines.append({
            "kind": "answer-file", "serial": serial, "lineId": "line-1", "stationId": imaging,
            "path": ANSWER_FILE_PATH, "xml": CLEAN_ANSWER_FILE,
        })
        for step, station_id in [("generalized", imaging), ("qa-passed", "qa-01"), ("shipped", "qa-01")]:
            lines.append({
                "kind": "step",
                "serial": serial,
                "report": {"step": step, "lineId": "line-1", "stationId": station_id, "time": timestamp(moment)},
            })
            moment += timedelta(minutes=5)
    lines.append({
        "kind": "answer-file-check", "lineId": "line-1", "stationId": "qa-01",
        "path": IMAGE_ANSWER_FILE_PATH, "xml": CLEAN_ANSWER_FILE,
    })
    return lines


def slmgr_dli(line_ending):
    """Return slmgr /dli output of an activated KEY-A device, as cscript prints it."""
    lines = [
        "Name: Windows(R), IoTEnterprise edition",
        "Description: Windows(R) Operating System, VOLUME_MAK channel",
        "Partial Product Key: " + PARTIAL_KEYS["KEY-A"],
        "License Status: Licensed",
        "",
    ]
    return line_ending.join(lines)


def event_log_1003(serial, moment):
    """Return a Security-SPP 1003 license check that finds the SKU licensed (status 1), in wevtutil layout."""
    return (
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
        "<Provider Name='Microsoft-Windows-Security-SPP' EventSourceName='Software Protection Platform Service'/>"
        "<EventID Qualifiers='16384'>1003</EventID><Level>4</Level>"
        f"<TimeCreated SystemTime='{moment.strftime('%Y-%m-%dT%H:%M:%S')}.0000000Z'/>"
        f"<Computer>{serial}</Computer></System>"
        "<EventData><Data>55c92734-d682-4d71-983e-d6ec3f16059f</Data><Data>\n"
        "1: 11111111-2222-4333-8444-555555555555, 1, 1 [(0 [0x00000000, 1, 0], [( 1 0x00000000)])(1 )(2 )]\n"
        "</Data></EventData></Event>\n"
    )


def slmgr_lines():
    """Return, per activated device, a 1003 license check from its event log, then its slmgr /dli output.

    The station books a success from a Licensed state only when the device's last reported
    state was not Licensed, and dates it by the 1003 event's time but slmgr output by the
    time of receipt. So the 1003 check books the repeat success in the scenario's week, and
    the slmgr output, sent later, books nothing. A success dated at receipt would put a
    balance sample beside the key registration's, which the launcher also dates at receipt,
    and the depletion-forecast rule would then read the whole allotment as used within its
    7-day window. The first slmgr output has CRLF line endings.
    """
    lines = []
    for index, serial in enumerate(SLMGR_SERIALS):
        lines.append({
            "kind": "event-log", "serial": serial, "lineId": "line-1", "stationId": "activation-01",
            "channel": "internet", "xml": event_log_1003(serial, LICENSE_CHECK_TIME + timedelta(minutes=index)),
        })
    for index, serial in enumerate(SLMGR_SERIALS):
        lines.append({
            "kind": "slmgr-output", "serial": serial, "lineId": "line-1", "stationId": "activation-01",
            "channel": "internet", "text": slmgr_dli("\r\n" if index == 0 else "\n"),
        })
    return lines


def event_log_8198(serial, moment):
    """Return a Security-SPP 8198 event (activation failed, no KMS host) as wevtutil qe /f:xml prints it."""
    return (
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
        "<Provider Name='Microsoft-Windows-Security-SPP' Guid='{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}'"
        " EventSourceName='Software Protection Platform Service'/>"
        "<EventID Qualifiers='49152'>8198</EventID><Level>2</Level>"
        f"<TimeCreated SystemTime='{moment.strftime('%Y-%m-%dT%H:%M:%S')}.0000000Z'/>"
        f"<Computer>{serial}</Computer></System>"
        f"<EventData><Data>hr={KMS_CLIENT_KEY_INSTALLED}</Data>"
        "<Data>RuleId=31e71c49-8da7-4a2f-ad92-45d98a1c79ba;Action=AutoActivate;"
        "AppId=55c92734-d682-4d71-983e-d6ec3f16059f;SkuId=11111111-2222-4333-8444-555555555555;"
        "NotificationInterval=1440;Trigger=TimerEvent</Data></EventData></Event>\n"
    )


def event_log_lines():
    """Return an 8198 event-log excerpt for each chosen deferred device, an hour apart."""
    lines = []
    for index, serial in enumerate(EVENT_LOG_SERIALS):
        lines.append({
            "kind": "event-log", "serial": serial, "lineId": "line-1", "stationId": "activation-01",
            "channel": "internet", "xml": event_log_8198(serial, EVENT_LOG_TIME + timedelta(hours=index)),
        })
    return lines


def artifact_activations(lines):
    """Return the activation attempts that the station may book from slmgr output and event logs.

    A Licensed state, from slmgr or a 1003 license check, books at most one success, and an
    8198 event one failure with its HRESULT. Each names the device's key, which is KEY-A for
    every line-1 device. Every device here already activated or failed, so none changes a count.
    """
    attempts = []
    for line in lines:
        if line["kind"] == "slmgr-output" or (line["kind"] == "event-log" and ">1003<" in line["xml"]):
            result = "success"
        elif line["kind"] == "event-log":
            result = KMS_CLIENT_KEY_INSTALLED
        else:
            continue
        attempts.append({"serial": line["serial"], "keyId": "KEY-A", "partialKey": PARTIAL_KEYS["KEY-A"],
                         "result": result})
    return attempts


def scenario_lines():
    lines = [{"kind": "register-key", **key} for key in KEYS]
    lines += [{"kind": "device-provisioned", "report": report} for report in provisioning_reports()]
    lines += shipping_lines()
    # A week passes before the customers activate: the services book the line's work first, as they
    # would in that week, so that no ledger batch mixes provisioning with activations.
    lines.append({"kind": "catch-up"})
    lines += [{"kind": "activation-attempted", "report": report} for report in activation_reports()]
    lines += slmgr_lines()
    lines += event_log_lines()
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
    activations += artifact_activations(lines)
    expected = expected_summary(provisioned, activations)
    with open(directory / "factory-line.expected.json", "w", encoding="utf-8", newline="\n") as out:
        out.write(json.dumps(expected, indent=2) + "\n")


if __name__ == "__main__":
    main()
