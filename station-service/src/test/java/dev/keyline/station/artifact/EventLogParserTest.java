package dev.keyline.station.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.schemas.keys.KeyFinding;
import dev.keyline.schemas.keys.KeyFingerprinter;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.station.support.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogParserTest {

    @Test
    void wevtutilEventsWithoutRootRead() {
        List<LogEvent> events = EventLogParser.parse(Fixtures.artifact("events-wevtutil.xml"));

        assertThat(events).hasSize(4);
        assertThat(events.get(0).provider()).isEqualTo("Microsoft-Windows-Security-SPP");
        assertThat(events.get(0).eventId()).isEqualTo(8198);
        assertThat(events.get(0).time()).isEqualTo(Instant.parse("2026-11-30T09:15:02.1234567Z"));
        assertThat(events.get(0).computer()).isEqualTo("IOT-TEST-01");
        assertThat(events.get(0).data().get(0)).isEqualTo("hr=0xC004C003");
        assertThat(events.get(2).eventId())
                .as("instance id 0x400003EB normalized")
                .isEqualTo(1003);
    }

    @Test
    void evidenceInterpreted() {
        EventLogInterpreter.Interpretation interpretation =
                EventLogInterpreter.interpret(EventLogParser.parse(Fixtures.artifact("events-wevtutil.xml")));

        List<ActivationEvidence> evidence = interpretation.evidence();
        assertThat(evidence)
                .extracting(ActivationEvidence::kind)
                .containsExactly(
                        ActivationEvidence.Kind.FAILED,
                        ActivationEvidence.Kind.ATTEMPTED,
                        ActivationEvidence.Kind.LICENSE_CHECKED);
        assertThat(evidence.get(0).result()).isEqualTo("0xC004C003");
        assertThat(evidence.get(2).licenseStatus()).isEqualTo(LicenseStatus.LICENSED);
        assertThat(interpretation.ignored()).isEqualTo(1);
        assertThat(interpretation.problems()).isEmpty();
    }

    @Test
    void getWinEventExportRead() {
        List<LogEvent> events = EventLogParser.parse(Fixtures.artifact("events-get-winevent.xml"));

        assertThat(events).hasSize(1);
        assertThat(events.get(0).eventId()).isEqualTo(118);
        EventLogInterpreter.Interpretation interpretation = EventLogInterpreter.interpret(events);
        assertThat(interpretation.evidence()).singleElement().satisfies(item -> assertThat(item.kind())
                .isEqualTo(ActivationEvidence.Kind.ATTEMPTED));
    }

    @Test
    void garbledHresultNotBooked() {
        for (String hr : List.of(
                "0xC004C020FFFFFFFF",
                "0xC004C02",
                "0xC004C02G",
                "0xC004C020_junk",
                "0xC004C020.5",
                "0xC004C020-1",
                "0xC004C020\u0663")) {
            String xml = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                    + "<Provider Name='Microsoft-Windows-Security-SPP'/><EventID>8198</EventID>"
                    + "<TimeCreated SystemTime='2026-11-30T09:15:02Z'/></System>"
                    + "<EventData><Data>hr=" + hr + "</Data></EventData></Event>";

            EventLogInterpreter.Interpretation interpretation =
                    EventLogInterpreter.interpret(EventLogParser.parse(xml));

            assertThat(interpretation.evidence()).as(hr).isEmpty();
            assertThat(interpretation.problems())
                    .containsExactly("event 8198 at 2026-11-30T09:15:02Z has an hr= value that is not 0x and 8"
                            + " hexadecimal digits, so nothing was booked for it; export the event log again");
        }
    }

    @Test
    void instanceIdsNormalized() {
        assertThat(EventIds.normalize("3221233670")).isEqualTo(8198);
        assertThat(EventIds.normalize("8198")).isEqualTo(8198);
        assertThat(EventIds.normalize("1073742827")).isEqualTo(1003);
        assertThat(EventIds.normalize("eight")).isEqualTo(-1);
    }

    @Test
    void dataWithChildElementsReadAsText() {
        // Windows writes text only in Data, but well-formed XML with an element there is read, not rejected.
        String xml = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                + "<Provider Name='Foo'/><EventID>1003</EventID></System>"
                + "<EventData><Data>first <b>bold</b> last</Data><Data>plain</Data></EventData></Event>";

        assertThat(EventLogParser.parse(xml))
                .singleElement()
                .satisfies(event -> assertThat(event.eventId()).isEqualTo(1003))
                .satisfies(event -> assertThat(event.data()).containsExactly("first bold last", "plain"));
    }

    @Test
    void implausibleTimesReadAsNone() {
        for (String time : List.of("1601-01-01T00:00:00.0000000Z", "0001-01-01T00:00:00Z", "2099-01-01T00:00:00Z")) {
            String xml = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                    + "<Provider Name='Microsoft-Windows-Security-SPP'/><EventID>1003</EventID>"
                    + "<TimeCreated SystemTime='" + time + "'/></System></Event>";

            assertThat(EventLogParser.parse(xml))
                    .singleElement()
                    .satisfies(event -> assertThat(event.time()).as(time).isNull());
        }
    }

    @Test
    void doctypeRejected() {
        String xml = "<!DOCTYPE Event [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><Event><System>"
                + "<EventID>&x;</EventID></System></Event>";

        assertThatThrownBy(() -> EventLogParser.parse(xml))
                .isInstanceOf(ArtifactRejected.class)
                .hasMessageContaining("XXE");
    }

    @Test
    void keysInDeclarationInstructionAndNamespaceFound() {
        KeyRedactor redactor = new KeyRedactor(new KeyFingerprinter("unit-test-fingerprint-secret"));
        String encoded = "KTPRB&#45;CCCCC&#45;DDDDD&#45;FFFFF&#45;7QX4M";
        String xml = "<?xml version=\"1.0\" note=\"" + encoded + "\"?>\n"
                + "<Event xmlns:k=\"" + encoded + "\"><System><EventID>8198</EventID></System>\n"
                + "<?note " + encoded + "?>\n"
                + "<EventData><Data>BB</Data></EventData></Event>";

        List<KeyFinding> hidden = EventLogParser.hiddenKeys(xml, redactor);

        assertThat(hidden).extracting(KeyFinding::line).containsExactly(1, 2, 3);
        assertThat(hidden).extracting(KeyFinding::partialKey).containsOnly("7QX4M");
    }

    @Test
    void keySplitByBlankInValueMasked() {
        String xml =
                "<Event><System><Provider Name=\"Microsoft-Windows-Security-SPP KTPRB-CC&#10;CCC-DDDDD-FFFFF-7QX4M\"/>"
                        + "<EventID>8198</EventID></System><EventData><Data>key KTPRB-CC CCC-DDDDD-FFFFF-7QX4M</Data>"
                        + "</EventData></Event>";

        LogEvent event = EventLogParser.parse(xml).get(0);

        assertThat(event.provider()).isEqualTo("Microsoft-Windows-Security-SPP*****-*****-*****-*****-7QX4M");
        assertThat(event.data()).containsExactly("key*****-*****-*****-*****-7QX4M");
    }
}
